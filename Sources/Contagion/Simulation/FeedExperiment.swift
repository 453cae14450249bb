/// The runs of an experiment with the recommender in the loop: every (arm, recommender,
/// replicate) is one ``FeedRun`` over all seeded items at once.
struct FeedExperiment {
    let plan: ExperimentPlan
    let feed: FeedPlan
    let outcomes: [ArmOutcome]
    let embedding: NodeEmbedding?
    let streams: RandomStreams

    /// Runs every (arm, recommender, replicate) on `threads` threads, then evaluates the
    /// recommenders offline on replicate 0 of each (arm, recommender).
    ///
    /// Replicate `r` runs in the world (r, 0) of `streams` and draws its recommender from the
    /// stream (recommendation, r, 0) in every arm and with every recommender: common random
    /// numbers. The evaluation of (arm `a`, recommender `j`) fits from (recommendation, a, j + 1000).
    func run(threads: Int, progress: ProgressMeter) -> ExperimentResult {
        let recommenderCount = feed.recommenders.count
        let replicates = plan.replicates
        let context = RecommenderContext(world: plan.world, truth: feed.truth, embedding: embedding)
        let items = Array(plan.items.prefix(plan.seededTargetCount))
        let simulation = FeedRun(
            world: plan.world, truth: feed.truth, feed: feed.parameters, maximumSteps: plan.maximumSteps,
            items: items, recordsEvents: plan.recordsEvents)
        let tasks = outcomes.count * recommenderCount * replicates
        // Each platform run carries every seeded item: runs.csv has `items` rows per platform run.
        progress.begin("simulating the platform", unit: "platform runs of \(items.count) item(s)", total: tasks)
        let finished = Parallel.map(count: tasks, threads: threads, makeWorkspace: {}) {
            task, _ -> (runs: [RunResult], interactions: [Interaction]) in
            let arm = task / (recommenderCount * replicates)
            let recommender = task / replicates % recommenderCount
            let replicate = task % replicates
            var recommenderRNG = streams.generator(.recommendation, replicate, 0)
            let outcome = simulation.run(
                seeds: Array(outcomes[arm].seeds.prefix(items.count)), recommender: feed.recommenders[recommender],
                context: context,
                world: streams.world(replicate: replicate, item: 0), recommenderRNG: &recommenderRNG)
            progress.advance()
            let runs = outcome.recorders.enumerated().map { itemIndex, recorder in
                RunResult(
                    arm: arm, recommender: recommender, replicate: replicate, itemIndex: itemIndex,
                    statistics: CascadeStatistics(recorder), steps: recorder.steps, events: recorder.events)
            }
            return (runs, replicate == 0 && feed.evaluation != nil ? outcome.interactions : [])
        }
        var runs = finished.flatMap(\.runs)
        runs.sort {
            ($0.arm, $0.recommender, $0.itemIndex, $0.replicate) < ($1.arm, $1.recommender, $1.itemIndex, $1.replicate)
        }
        var evaluations: [EvaluationResult] = []
        if let evaluation = feed.evaluation {
            let pairs = outcomes.count * recommenderCount
            progress.begin("evaluating recommenders offline", unit: "(arm, recommender) logs", total: pairs)
            evaluations = Parallel.map(count: pairs, threads: threads, makeWorkspace: {}) { pair, _ in
                let arm = pair / recommenderCount
                let recommender = pair % recommenderCount
                let interactions = finished[pair * replicates].interactions
                let cutoff = RecommenderEvaluation.cutoff(of: interactions, trainFraction: evaluation.trainFraction)
                var rng = streams.generator(.recommendation, arm, recommender + 1000)
                defer { progress.advance() }
                return EvaluationResult(
                    arm: arm, feedRecommender: recommender, cutoff: cutoff,
                    scores: RecommenderEvaluation.evaluate(
                        evaluation.recommenders, interactions: interactions, cutoff: cutoff, k: evaluation.k,
                        context: context, using: &rng))
            }
        }
        return ExperimentResult(
            arms: outcomes, runs: runs, replicates: replicates, itemCount: plan.targets.count,
            recommenderCount: recommenderCount, simulationSeconds: 0, evaluations: evaluations)
    }
}
