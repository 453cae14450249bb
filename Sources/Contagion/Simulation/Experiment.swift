import Foundation

/// The seeds one arm's policy chose and how long it took.
public struct ArmOutcome: Sendable {
    /// The policy's output name.
    public var name: String
    /// The arm.
    public var arm: SeedingArm
    /// The seeds for each planned item, in the plan's item order.
    public var seeds: [[NodeID]]
    /// Wall-clock seconds spent choosing seeds, per item.
    public var selectionSeconds: [Double]
    /// The policy's marginal-gain estimates per item (``ChosenSeeds/marginalGains``), or `nil`.
    public var marginalGains: [[Double]?] = []
    /// The policy's certificate per item (``ChosenSeeds/certificate``), or `nil`.
    public var certificates: [SpreadCertificate?] = []
    /// For a policy that optimises the live-edge form of a model that is not arc-independent,
    /// why that form is an approximation (``LiveEdgeModel/approximation(of:)``); else `nil`.
    public var approximation: String?
}

/// One cascade: (arm, recommender, replicate, item) and what happened.
public struct RunResult: Sendable {
    /// Index into the plan's arms.
    public var arm: Int
    /// Index into the feed's recommenders (0 without a feed).
    public var recommender = 0
    /// Replicate number, `0..<replicates`.
    public var replicate: Int
    /// Index into the plan's items.
    public var itemIndex: Int
    /// The cascade's statistics.
    public var statistics: CascadeStatistics
    /// New counts per step (entry 0: the seeds).
    public var steps: [StepCounts]
    /// Every event, when the plan records events.
    public var events: [CascadeEvent]
}

/// What an experiment produced.
public struct ExperimentResult: Sendable {
    /// One outcome per arm, in plan order.
    public var arms: [ArmOutcome]
    /// Every run, ordered by arm, then recommender, then item, then replicate.
    public var runs: [RunResult]
    /// Replicates per (arm, recommender, item).
    public var replicates: Int
    /// Items seeded (the plan's items).
    public var itemCount: Int
    /// Recommenders in the loop (1 without a feed).
    public var recommenderCount: Int
    /// Every pair of arms compared (set once the runs are done).
    public var comparisons = ArmComparisons()
    /// With a precision target, whether its criterion was met when the runs stopped (`nil`:
    /// no target).
    public var precisionMet: Bool?
    /// Wall-clock seconds of the cascade phase.
    public var simulationSeconds: Double
    /// The offline evaluations of the recommenders, one per (arm, loop recommender), when planned.
    public var evaluations: [EvaluationResult] = []
}

/// Runs an ``ExperimentPlan``: seeds every arm, then runs all cascades on all cores.
public enum Experiment {
    /// Runs the plan on `threads` threads.
    ///
    /// Replicate `r` of catalogue item `i` runs in the world ``RandomStreams/world(replicate:item:)``
    /// for every arm and every model variant: coupled possible worlds, so differences between
    /// policies are not sampling noise of the cascades. Policy `p` choosing seeds for target
    /// `j` draws from the stream at (seeding, p, j) whatever its budget, so greedy policies
    /// (CELF) give nested seed sets across a budget sweep. With a ``PrecisionTarget`` the
    /// replicates run in batches until it holds or its cap. Results do not depend on `threads`.
    ///
    /// - Parameter progress: told each phase (the embedding, each arm's seed selection, the
    ///   cascades) and its count, from worker threads.
    /// - Throws: ``SeedingError`` from a policy.
    public static func run(
        _ plan: ExperimentPlan, threads: Int, progress: ProgressMeter = .silent
    ) throws -> ExperimentResult {
        let streams = RandomStreams(masterSeed: plan.masterSeed)
        let models = plan.targets.map { target in
            var modelRNG = streams.generator(.model)
            return plan.variants[target.variant].model.compile(
                for: target.item, in: plan.world, maximumSteps: plan.maximumSteps, using: &modelRNG)
        }
        let embedding = plan.embedding.map { settings in
            GraphEmbedding(
                graph: plan.world.graph, walks: settings.walks, skipGram: settings.skipGram,
                seed: plan.masterSeed, threads: threads, progress: progress
            ).embedding
        }
        var outcomes: [ArmOutcome] = []
        for (armIndex, arm) in plan.arms.enumerated() {
            let policy = plan.policies[arm.policy]
            progress.begin(
                "choosing seeds: \(policy.name), k = \(arm.budget) (arm \(armIndex + 1) of \(plan.arms.count))")
            var outcome = ArmOutcome(
                name: policy.name, arm: arm, seeds: [], selectionSeconds: [],
                approximation: policy.optimisesLiveEdgeModel
                    ? models.lazy.compactMap(LiveEdgeModel.approximation).first
                        ?? (plan.feed == nil ? nil : "the feed's exposures are not part of the live-edge form")
                    : nil)
            for (itemIndex, item) in plan.items.enumerated() {
                var rng = streams.generator(.seeding, arm.policy, itemIndex)
                let context = SeedingContext(
                    world: plan.world, item: item, model: models[itemIndex], threads: threads, embedding: embedding,
                    progress: progress)
                let selection = try policy.timedSelection(count: arm.budget, in: context, using: &rng)
                outcome.seeds.append(selection.seeds)
                outcome.selectionSeconds.append(selection.seconds)
                outcome.marginalGains.append(selection.marginalGains)
                outcome.certificates.append(selection.certificate)
            }
            outcomes.append(outcome)
        }
        let start = DispatchTime.now()
        if let feed = plan.feed {
            var result = FeedExperiment(
                plan: plan, feed: feed, outcomes: outcomes, embedding: embedding, streams: streams
            )
            .run(threads: threads, progress: progress)
            result.simulationSeconds = seconds(since: start)
            result.comparisons = ArmComparisons(result, plan: plan)
            return result
        }
        let maximum = plan.precision?.maximumReplicates ?? plan.replicates
        progress.begin(
            "simulating cascades", unit: plan.precision == nil ? "runs" : "runs (at most)",
            total: plan.arms.count * plan.items.count * maximum)
        var result = ExperimentResult(
            arms: outcomes, runs: [], replicates: 0, itemCount: plan.items.count, recommenderCount: 1,
            simulationSeconds: 0)
        // One batch without a precision target; batches until it is met (or the cap) with one.
        repeat {
            let next = min(result.replicates + plan.replicates, maximum)
            for (itemIndex, model) in models.enumerated() {
                result.runs += model.visit(
                    CascadeBatch(
                        itemIndex: itemIndex, replicates: result.replicates..<next, outcomes: outcomes, plan: plan,
                        streams: streams, threads: threads, progress: progress))
            }
            result.runs.sort { ($0.arm, $0.itemIndex, $0.replicate) < ($1.arm, $1.itemIndex, $1.replicate) }
            result.replicates = next
            result.precisionMet = plan.precision?.isMet(by: result, plan: plan)
        } while result.precisionMet == false && result.replicates < maximum
        result.simulationSeconds = seconds(since: start)
        result.comparisons = ArmComparisons(result, plan: plan)
        return result
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
