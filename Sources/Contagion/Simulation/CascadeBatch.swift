/// The (arm, replicate) cascades of one target for a range of replicates, run with the
/// concrete model type so the kernel is specialised.
struct CascadeBatch: DiffusionModelVisitor {
    let itemIndex: Int
    let replicates: Range<Int>
    let outcomes: [ArmOutcome]
    let plan: ExperimentPlan
    let streams: RandomStreams
    let threads: Int
    let progress: ProgressMeter

    func visit<Model: DiffusionModel>(_ model: Model) -> [RunResult] {
        let count = replicates.count
        // Kernels activate seeds in ascending order; sorted once here, they sort nothing per run.
        let seeds = outcomes.map { $0.seeds[itemIndex].sorted() }
        return Parallel.map(
            count: outcomes.count * count, threads: threads,
            makeWorkspace: {
                (model.makeWorkspace(), CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: plan.recordsEvents))
            }
        ) { task, workspace in
            let arm = task / count
            let replicate = replicates.lowerBound + task % count
            workspace.1.reset()
            model.run(
                seeds: seeds[arm], workspace: &workspace.0, observer: &workspace.1,
                world: streams.world(replicate: replicate, item: plan.items[itemIndex]))
            progress.advance()
            return RunResult(
                arm: arm, replicate: replicate, itemIndex: itemIndex,
                statistics: CascadeStatistics(workspace.1), steps: workspace.1.steps, events: workspace.1.events)
        }
    }
}
