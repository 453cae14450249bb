import Foundation

/// Everything a comparison of seeding policies needs, resolved from a scenario.
public struct ExperimentPlan: Sendable {
    /// The platform.
    public var world: World
    /// The propagation model, compiled per item when the experiment runs.
    public var model: PropagationModel
    /// The policies to compare, in output order.
    public var policies: [any SeedingPolicy]
    /// Seeds per policy (`k`), aligned with ``policies``.
    public var budgets: [Int]
    /// The catalogue items to seed; every (policy, replicate) runs once per item.
    public var items: [Int]
    /// Monte-Carlo replicates per (policy, item).
    public var replicates: Int
    /// The step limit `T`.
    public var maximumSteps: Int
    /// Whether to keep every event for `events.csv`.
    public var recordsEvents: Bool
    /// The master seed every random stream is derived from.
    public var masterSeed: UInt64

    /// A plan; see the properties for the meaning of each argument.
    public init(
        world: World, model: PropagationModel, policies: [any SeedingPolicy], budgets: [Int], items: [Int],
        replicates: Int, maximumSteps: Int, recordsEvents: Bool, masterSeed: UInt64
    ) {
        precondition(policies.count == budgets.count)
        self.world = world
        self.model = model
        self.policies = policies
        self.budgets = budgets
        self.items = items
        self.replicates = replicates
        self.maximumSteps = maximumSteps
        self.recordsEvents = recordsEvents
        self.masterSeed = masterSeed
    }
}

/// The seeds one policy chose and how long it took.
public struct PolicyOutcome: Sendable {
    /// The policy's output name.
    public var name: String
    /// The seeds for each planned item, in the plan's item order.
    public var seeds: [[NodeID]]
    /// Wall-clock seconds spent choosing seeds, per item.
    public var selectionSeconds: [Double]
}

/// One cascade: (policy, replicate, item) and what happened.
public struct RunResult: Sendable {
    /// Index into the plan's policies.
    public var policy: Int
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
    /// One outcome per policy, in plan order.
    public var policies: [PolicyOutcome]
    /// Every run, ordered by policy, then item, then replicate.
    public var runs: [RunResult]
    /// Wall-clock seconds of the cascade phase.
    public var simulationSeconds: Double
}

/// Runs an ``ExperimentPlan``: seeds every policy, then runs all cascades on all cores.
public enum Experiment {
    /// Runs the plan on `threads` threads.
    ///
    /// Replicate `r` of item `j` draws from the stream at position (cascade, r, j) for every
    /// policy: common random numbers, so differences between policies are not sampling noise
    /// of the cascades. Results do not depend on `threads`.
    ///
    /// - Parameter progress: called with (finished, total) runs, from worker threads.
    /// - Throws: ``SeedingError`` from a policy.
    public static func run(
        _ plan: ExperimentPlan, threads: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> ExperimentResult {
        let streams = RandomStreams(masterSeed: plan.masterSeed)
        var outcomes: [PolicyOutcome] = []
        for (index, policy) in plan.policies.enumerated() {
            var outcome = PolicyOutcome(name: policy.name, seeds: [], selectionSeconds: [])
            for (itemIndex, item) in plan.items.enumerated() {
                var rng = streams.generator(.seeding, index, itemIndex)
                let start = DispatchTime.now()
                let seeds = try policy.selectSeeds(count: plan.budgets[index], for: item, in: plan.world, using: &rng)
                outcome.seeds.append(seeds)
                outcome.selectionSeconds.append(seconds(since: start))
            }
            outcomes.append(outcome)
        }
        let start = DispatchTime.now()
        let counter = ProgressCounter(total: plan.policies.count * plan.items.count * plan.replicates, report: progress)
        var runs: [RunResult] = []
        for (itemIndex, item) in plan.items.enumerated() {
            var modelRNG = streams.generator(.model)
            let model = plan.model.compile(for: item, in: plan.world, maximumSteps: plan.maximumSteps, using: &modelRNG)
            runs += model.visit(
                CascadeBatch(
                    itemIndex: itemIndex, outcomes: outcomes, plan: plan, streams: streams, threads: threads,
                    counter: counter))
        }
        runs.sort { ($0.policy, $0.itemIndex, $0.replicate) < ($1.policy, $1.itemIndex, $1.replicate) }
        return ExperimentResult(policies: outcomes, runs: runs, simulationSeconds: seconds(since: start))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
