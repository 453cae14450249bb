import Foundation

/// What a command will hold in memory at its peak, part by part, estimated from its plan
/// before any work is done (`contagion validate` prints it).
///
/// The parts add up: the process itself, the world (graph, users, catalogue), the graph
/// embedding when one is trained, and then the larger of the seed selection (the costliest
/// policy and budget, since arms choose one after another) and the simulation (per-thread
/// kernel scratch, the runs kept for the tables, the feed's state). `.ci/memory-check`
/// compares the estimate with the peak RSS of every example scenario and of IMM on BA 1M;
/// `Docs/Performance.md` has the figures.
public struct MemoryEstimate: Sendable, Equatable {
    /// One part and its bytes.
    public struct Part: Sendable, Equatable {
        /// What the bytes hold.
        public var name: String
        /// How many.
        public var bytes: Int
    }

    /// The parts, in the order above.
    public var parts: [Part]

    /// The estimated peak, in bytes.
    public var peakBytes: Int { parts.reduce(0) { $0 + $1.bytes } }

    /// The peak resident memory of the `contagion` process before it holds any data: the Swift
    /// runtime and Foundation (22.7 MiB measured for `contagion run` on the karate club).
    public static let processBytes = 23 * 1_048_576

    /// `1,234.5 MiB: process 22.0, world 1.2, …`.
    public var description: String {
        func mebibytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
        return "\(mebibytes(peakBytes)) MiB ("
            + parts.map { "\($0.name) \(mebibytes($0.bytes))" }.joined(separator: ", ") + ")"
    }
}

/// What a policy's memory estimate may look at.
public final class MemoryContext {
    /// The platform.
    public let world: World
    /// Threads the command runs on.
    public let threads: Int
    private let model: any PropagationModel
    private let item: Int
    private let maximumSteps: Int

    init(world: World, model: any PropagationModel, item: Int, maximumSteps: Int, threads: Int) {
        self.world = world
        self.model = model
        self.item = item
        self.maximumSteps = maximumSteps
        self.threads = threads
    }

    /// The model compiled for the first seeded item, in live-edge form (built on first use).
    public private(set) lazy var liveEdgeModel: LiveEdgeModel = {
        var rng = RandomStreams(masterSeed: 0).generator(.model)
        return LiveEdgeModel(model.compile(for: item, in: world, maximumSteps: maximumSteps, using: &rng))
    }()

    /// A pilot of RR sets of ``liveEdgeModel`` (``SelectionMemory/pilotSets(_:threads:)``),
    /// drawn once for every policy and budget that needs one.
    public private(set) lazy var pilotSets: ReverseReachableSets = SelectionMemory.pilotSets(
        liveEdgeModel, threads: threads)

    /// The expected live arcs of one live-edge world: the sum of the arc probabilities.
    public private(set) lazy var expectedLiveArcs: Double = liveEdgeModel.arcProbabilities().reduce(0, +)
}

extension Scenario {
    /// The estimated peak memory of `command` on `world` with `threads` threads.
    ///
    /// - Throws: ``ScenarioError`` when the command's plan cannot be made (see ``check(_:baseDirectory:world:)``).
    public func memoryEstimate(for command: ScenarioCommand, world: World, threads: Int) throws -> MemoryEstimate {
        let shared = [
            MemoryEstimate.Part(name: "process", bytes: MemoryEstimate.processBytes),
            MemoryEstimate.Part(name: "world", bytes: worldBytes(world)),
        ]
        let n = world.users.count
        switch command {
        case .run: return MemoryEstimate(parts: shared + (try runParts(world: world, threads: threads)))
        case .generate:
            let embedding = needsEmbedding || dataset?.embeddingSegments == true
            // The feed's state, and per user the dataset tally and segments.
            let platform = (feed.map { feedBytes($0, users: n, threads: threads) } ?? 0) + n * 64
            return MemoryEstimate(
                parts: shared + (embedding ? [.init(name: "embedding", bytes: embeddingBytes(n))] : [])
                    + [.init(name: "platform", bytes: platform)])
        case .train:
            return MemoryEstimate(
                parts: shared + [.init(name: "training", bytes: trainingBytes(world, threads: threads))])
        case .embed:
            return MemoryEstimate(parts: shared + [.init(name: "embedding", bytes: embeddingBytes(n))])
        }
    }

    /// `run`: the embedding if trained, then the larger of seed selection and simulation.
    private func runParts(world: World, threads: Int) throws -> [MemoryEstimate.Part] {
        let plan = try makePlan(world: world)
        let n = world.users.count
        let context = MemoryContext(
            world: world, model: model.model, item: plan.items[0], maximumSteps: plan.maximumSteps, threads: threads)
        let selection =
            plan.arms.map { arm in policies[arm.policy].policy.selectionBytes(budget: arm.budget, in: context) }.max()
            ?? 0
        let runs = plan.arms.count * plan.recommenderNames.count * plan.items.count * plan.replicates
        // Each run keeps its statistics and one row per step (at most T + 1), and with
        // events at most four per user (exposed, clicked, bought, activated).
        let perRun =
            MemoryLayout<RunResult>.stride + (plan.maximumSteps + 1) * MemoryLayout<StepCounts>.stride
            + (plan.recordsEvents ? 4 * n * MemoryLayout<CascadeEvent>.stride : 0)
        // The offline evaluation keeps the clicks, purchases and shares of one run per (arm,
        // recommender): about one per (user, item) pair that the feed brings together.
        let kept =
            feed?.evaluation == nil
            ? 0
            : plan.arms.count * plan.recommenderNames.count * n * plan.items.count * MemoryLayout<Interaction>.stride
        let simulation =
            threads * n * 40 + runs * perRun + kept + (feed.map { feedBytes($0, users: n, threads: threads) } ?? 0)
        return (needsEmbedding ? [.init(name: "embedding", bytes: embeddingBytes(n))] : [])
            + [
                selection > simulation
                    ? .init(name: "seed selection", bytes: selection) : .init(name: "simulation", bytes: simulation)
            ]
    }

    /// `train`: a training graph and the held-out one, per item a live-edge form and the
    /// reward RR sets, and the held-out comparison's IMM (ε = 0.1, items one after another).
    private func trainingBytes(_ world: World, threads: Int) -> Int {
        let settings = rl ?? LearningSettings()
        let context = MemoryContext(
            world: world, model: model.model, item: settings.items?.first ?? simulation.items[0],
            maximumSteps: simulation.maxSteps, threads: threads)
        let items = settings.items?.count ?? simulation.items.count
        let environment =
            items
            * (SelectionMemory.liveEdgeModelBytes(world.graph)
                + SelectionMemory.reverseReachableSetBytes(
                    pilot: context.pilotSets, sets: settings.environment.rewardSets))
        let comparison =
            settings.evaluation == nil
            ? 0
            : SelectionMemory.immBytes(
                pilot: context.pilotSets, graph: world.graph, count: settings.environment.budget, epsilon: 0.1, ell: 1)
        return worldBytes(world) + environment + comparison
    }

    /// The graph, the users' interests and traits, the catalogue.
    private func worldBytes(_ world: World) -> Int {
        let users = world.users
        return world.graph.memoryFootprint + users.count * (users.topicCount * 4 + 16)
            + world.catalogue.count * (world.catalogue.topicCount * 4 + 20)
    }

    /// The walk corpus, the two skip-gram matrices and the noise table.
    private func embeddingBytes(_ n: Int) -> Int {
        let walks = embedding.walks
        return n * walks.walksPerNode * (walks.length * 4 + 4) + 2 * n * embedding.skipGram.dimensions * 4 + n * 16
    }

    /// Each thread's feed: rankings of `r·e` items and flags per user.
    private func feedBytes(_ feed: FeedSettings, users n: Int, threads: Int) -> Int {
        threads * n * (4 * (feed.slots * feed.retrainEvery + 8) + 16)
    }
}
