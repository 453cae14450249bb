extension ExperimentTables {
    /// The columns of `summary.csv`.
    static let summaryColumns = [
        "policy", "k", "recommender", "item", "metric", "runs", "mean", "std", "ci95_low", "ci95_high", "baseline",
        "diff_mean",
        "diff_ci95_low", "diff_ci95_high", "selection_seconds",
    ]

    /// Writes `summary.csv`: per (policy, k, item, metric) the sample summary over replicates,
    /// the paired difference against the baseline policy at the same `k`, and the seconds the
    /// policy took to choose its seeds.
    ///
    /// The difference is paired because replicate `r` of every arm ran on the same random
    /// numbers: its interval is that of the mean of `x_r − baseline_r`, which is much narrower
    /// than the difference of two independent intervals. The baseline columns are empty when
    /// the baseline has no arm at that `k`.
    static func writeSummary(_ result: ExperimentResult, plan: ExperimentPlan, to folder: OutputFolder) throws {
        let f: (Double) -> String = CSVWriter.format
        let summary = try folder.table("summary.csv", columns: summaryColumns)
        let replicates = plan.replicates
        let recommenders = plan.recommenderNames
        // Runs are ordered by arm, then recommender, then item, then replicate.
        func group(_ arm: Int, _ recommender: Int, _ itemIndex: Int) -> ArraySlice<RunResult> {
            let start = ((arm * recommenders.count + recommender) * plan.items.count + itemIndex) * replicates
            return result.runs[start..<start + replicates]
        }
        for (armIndex, outcome) in result.arms.enumerated() {
            let baselineArm = plan.baseline.flatMap { baseline in
                plan.arms.firstIndex { $0.policy == baseline && $0.budget == outcome.arm.budget }
            }
            for (recommender, recommenderName) in recommenders.enumerated() {
                for (itemIndex, item) in plan.items.enumerated() {
                    let runs = group(armIndex, recommender, itemIndex)
                    let baselineRuns = baselineArm.map { group($0, recommender, itemIndex) }
                    for metric in metrics {
                        let values = runs.map { metric.value($0.statistics) }
                        let s = SampleSummary(values)
                        var comparison = ["", "", "", ""]
                        if let baselineArm, let baselineRuns {
                            let d = SampleSummary(zip(values, baselineRuns).map { $0 - metric.value($1.statistics) })
                            comparison = [result.arms[baselineArm].name, f(d.mean), f(d.lower95), f(d.upper95)]
                        }
                        try summary.writeRow(
                            [
                                outcome.name, String(outcome.arm.budget), recommenderName, String(item), metric.name,
                                String(s.count),
                                f(s.mean), f(s.standardDeviation), f(s.lower95), f(s.upper95),
                            ] + comparison + [f(outcome.selectionSeconds[itemIndex])])
                    }
                }
            }
        }
        try summary.close()
    }
}

extension ExperimentTables {
    /// Writes `recommenders.csv`: for each (policy, k, loop recommender), every evaluated
    /// recommender's recall@k and NDCG@k on replicate 0's interactions, with 95% intervals
    /// over users.
    static func writeEvaluations(_ result: ExperimentResult, plan: ExperimentPlan, to folder: OutputFolder) throws {
        let f: (Double) -> String = CSVWriter.format
        let table = try folder.table(
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
        try table.close()
    }
}
