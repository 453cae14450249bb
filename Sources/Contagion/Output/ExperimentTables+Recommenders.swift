extension ExperimentTables {
    /// Writes `recommenders.csv`: for each (policy, k, loop recommender), every evaluated
    /// recommender's recall@k and NDCG@k on replicate 0's interactions, with 95% intervals
    /// over users.
    static func writeEvaluations(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        let f: (Double) -> String = CSVWriter.format
        let table = try sink.table(
            "recommenders.csv",
            columns: [
                "policy", "k", "feed_recommender", "recommender", "at", "cutoff_step", "users", "recall",
                "recall_ci95_low", "recall_ci95_high", "ndcg", "ndcg_ci95_low", "ndcg_ci95_high",
            ])
        let at = String(plan.feed?.evaluation?.k ?? 0)
        for evaluation in result.evaluations {
            let arm = result.arms[evaluation.arm]
            for score in evaluation.scores {
                try table.writeRow(
                    [
                        arm.name, String(arm.arm.budget), plan.recommenderNames[evaluation.feedRecommender],
                        score.recommender, at, String(evaluation.cutoff), String(score.users),
                        f(score.recall.mean), f(score.recall.lower95), f(score.recall.upper95), f(score.ndcg.mean),
                        f(score.ndcg.lower95), f(score.ndcg.upper95),
                    ])
            }
        }
    }
}
