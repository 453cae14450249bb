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
        /// How many (a `Double`, so that no setting can overflow it).
        public var bytes: Double
    }

    /// The parts, in the order above.
    public var parts: [Part]

    /// The estimated peak, in bytes.
    public var peakBytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    /// The peak resident memory of the `contagion` process before it holds any data: the Swift
    /// runtime and Foundation (22.7 MiB measured for `contagion run` on the karate club).
    public static let processBytes = 23.0 * 1_048_576

    /// `1,234.5 MiB: process 22.0, world 1.2, …`.
    public var description: String { "\(Self.mebibytes(peakBytes)) (\(partsDescription))" }

    /// `process 22.0, world 1.2, …` (MiB).
    public var partsDescription: String {
        parts.map { "\($0.name) \(Self.mebibytes($0.bytes, unit: false))" }.joined(separator: ", ")
    }

    /// `1234.5 MiB`; beyond a billion MiB in three significant digits (`6.05e+74 MiB`).
    public static func mebibytes(_ bytes: Double, unit: Bool = true) -> String {
        let value = bytes / 1_048_576
        return String(format: value < 1e9 ? "%.1f" : "%.3g", value) + (unit ? " MiB" : "")
    }
}

extension EmbeddingSettings {
    /// The walk corpus, the two skip-gram matrices and the noise table for `nodes` nodes.
    public func estimatedBytes(nodes n: Double) -> Double {
        n * Double(walks.walksPerNode * (walks.length * 4 + 4)) + 2 * n * Double(skipGram.dimensions * 4) + n * 16
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

    /// The model compiled for the first seeded item (on first use).
    private lazy var compiledModel: CompiledModel = {
        var rng = RandomStreams(masterSeed: 0).generator(.model)
        return model.compile(for: item, in: world, maximumSteps: maximumSteps, using: &rng)
    }()

    /// The model compiled for the first seeded item, in live-edge form (built on first use).
    public private(set) lazy var liveEdgeModel = LiveEdgeModel(compiledModel)

    /// The pilots of weighted objectives, drawn once each.
    private var weightedPilots: [SpreadObjective: (sets: ReverseReachableSets, weights: NodeWeights)] = [:]

    /// The pilot of ``liveEdgeModel`` weighted by `objective`, and its weights: ``pilotSets``
    /// and one worth per user for `adopters`, and for an objective the model cannot price
    /// (the run refuses that scenario before it estimates anything).
    public func pilot(for objective: SpreadObjective) -> (sets: ReverseReachableSets, weights: NodeWeights) {
        guard objective != .adopters,
            let weighted = try? LiveEdgeModel(compiledModel, objective: objective, policy: objective.rawValue)
        else { return (pilotSets, liveEdgeModel.weights) }
        if let known = weightedPilots[objective] { return known }
        let drawn = (SelectionMemory.pilotSets(weighted, threads: threads), weighted.weights)
        weightedPilots[objective] = drawn
        return drawn
    }

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
        let n = Double(world.users.count)
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
        let n = Double(world.users.count)
        let context = MemoryContext(
            world: world, model: model.model, item: plan.items[0], maximumSteps: plan.maximumSteps, threads: threads)
        // A joint campaign's pair policy holds every offered item's sets or worlds at once.
        let jointItems = Double(plan.seededTargets(ofVariant: 0).count)
        let selection =
            plan.arms.map { arm in
                policies[arm.policy].policy.selectionBytes(budget: arm.budget, in: context)
                    * (plan.joint?.rules[arm.policy] == .pairs ? jointItems : 1)
            }.max() ?? 0
        // Every (arm, round, recommender, target) keeps its runs, a joint campaign's totals and
        // an adaptive campaign's rounds included.
        let runs =
            Double(plan.arms.reduce(0) { $0 + plan.rounds[$1.policy] } * plan.recommenderNames.count * plan.items.count)
            * Double(plan.precision?.maximumReplicates ?? plan.replicates)
        // Each run keeps its statistics and one row per step (at most T + 1; without a limit
        // the estimate assumes 100 steps, since real cascades end long before one step per
        // user), and with events at most four per user (exposed, clicked, bought, activated).
        let steps = Double(min(plan.maximumSteps, SimulationSettings.boundedStepLimit) + 1)
        let perRun =
            Double(MemoryLayout<RunResult>.stride) + steps * Double(MemoryLayout<StepCounts>.stride)
            + (plan.recordsEvents ? 4 * n * Double(MemoryLayout<CascadeEvent>.stride) : 0)
        // The offline evaluation keeps the clicks, purchases and shares of one run per (arm,
        // recommender): about one per (user, item) pair that the feed brings together.
        let kept =
            feed?.evaluation == nil
            ? 0
            : Double(
                plan.arms.count * plan.recommenderNames.count * plan.items.count * MemoryLayout<Interaction>.stride)
                * n
        let simulation =
            Double(threads) * n * 40 + runs * perRun + kept
            + (feed.map { feedBytes($0, users: n, threads: threads) } ?? 0)
        return (needsEmbedding ? [.init(name: "embedding", bytes: embeddingBytes(n))] : [])
            + [
                selection > simulation
                    ? .init(name: "seed selection", bytes: selection) : .init(name: "simulation", bytes: simulation)
            ]
    }

    /// `train`: a training graph and the held-out one, per item a live-edge form and the
    /// reward RR sets, and the held-out comparison's IMM (ε = 0.1, items one after another).
    private func trainingBytes(_ world: World, threads: Int) -> Double {
        let settings = rl ?? LearningSettings()
        let context = MemoryContext(
            world: world, model: model.model, item: settings.items?.first ?? simulation.items[0],
            maximumSteps: stepLimit, threads: threads)
        let items = settings.items?.count ?? simulation.items.count
        let environment =
            Double(items)
            * (SelectionMemory.liveEdgeModelBytes(world.graph)
                + SelectionMemory.reverseReachableSetBytes(
                    pilot: context.pilot(for: settings.objective).sets, sets: settings.environment.rewardSets))
        let comparison =
            settings.evaluation == nil
            ? 0
            : SelectionMemory.immBytes(
                pilot: context.pilotSets, graph: world.graph, count: settings.environment.budget, epsilon: 0.1, ell: 1)
        return worldBytes(world) + environment + comparison
    }

    /// The graph, the users' interests and traits, the catalogue.
    private func worldBytes(_ world: World) -> Double {
        let users = world.users
        return Double(world.graph.memoryFootprint)
            + Self.populationBytes(
                users: users.count, items: world.catalogue.count, topics: users.topicCount)
    }

    /// The users' interests and traits and the catalogue's vectors and prices.
    static func populationBytes(users: Int, items: Int, topics: Int) -> Double {
        Double(users) * Double(topics * 4 + 16) + Double(items) * Double(topics * 4 + 20)
    }

    /// The walk corpus, the two skip-gram matrices and the noise table.
    private func embeddingBytes(_ n: Double) -> Double { embedding.estimatedBytes(nodes: n) }

    /// Each thread's feed: rankings of `r·e` items and flags per user.
    private func feedBytes(_ feed: FeedSettings, users n: Double, threads: Int) -> Double {
        Double(threads) * n * (4 * (Double(feed.slots) * Double(feed.retrainEvery) + 8) + 16)
    }
}
