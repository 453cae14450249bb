import Dispatch

/// Chooses whom to seed: `k` users (and, for later policies, what to seed them with).
///
/// Each policy lives in its own file and is registered by name in the scenario layer.
/// Policies are deterministic given their generator, which the simulation derives from the
/// master seed by the policy's position; a policy that works in parallel derives its own
/// streams from that generator (``SeedingContext/streams(using:)``), never from threads.
public protocol SeedingPolicy: Sendable {
    /// The name written in outputs (the scenario's label for this policy).
    var name: String { get }

    /// Picks at most `count` distinct seeds for the context's item, best first.
    ///
    /// - Throws: ``SeedingError`` when the policy cannot choose (e.g. unknown user names).
    func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws -> [NodeID]

    /// Picks seeds as ``selectSeeds(count:in:using:)`` does, with the policy's own estimate
    /// of each seed's marginal gain in expected spread, when it has one (greedy policies).
    func chooseSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenSeeds

    /// Whether the policy optimises the model's live-edge form (``LiveEdgeModel``), and so
    /// chooses for an approximation when the model is not arc-independent.
    var optimisesLiveEdgeModel: Bool { get }

    /// Picks at most `count` seeds for one round of an adaptive campaign, given what the
    /// earlier rounds' cascade showed; none of them active or seeded already. The default
    /// chooses on the residual platform (``ResidualPlatform``).
    func selectNextRound(
        count: Int, in context: SeedingContext, after observation: RoundObservation,
        using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID]
}

/// A policy that optimises the model's live-edge form and estimates what each seed adds
/// (CELF, IMM, OPIM-C): it implements ``SeedingPolicy/chooseSeeds(count:in:using:)``, and its
/// ``SeedingPolicy/selectSeeds(count:in:using:)`` is that choice's seeds.
public protocol LiveEdgeSeedingPolicy: SeedingPolicy {}

extension LiveEdgeSeedingPolicy {
    /// `true`: the policy chooses for the live-edge form.
    public var optimisesLiveEdgeModel: Bool { true }

    /// The seeds of ``SeedingPolicy/chooseSeeds(count:in:using:)``.
    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        try chooseSeeds(count: count, in: context, using: &rng).seeds
    }
}

// MARK: - Default implementations

extension SeedingPolicy {
    /// `false`: the policy does not look at the model.
    public var optimisesLiveEdgeModel: Bool { false }

    /// The seeds of ``selectSeeds(count:in:using:)``, without gain estimates.
    public func chooseSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenSeeds
    {
        ChosenSeeds(seeds: try selectSeeds(count: count, in: context, using: &rng), marginalGains: nil)
    }

    /// Picks seeds as ``selectSeeds(count:in:using:)`` does, checks they are users of the graph,
    /// and reports the wall-clock time it took. With `rounds` > 1 it picks the first round's
    /// seeds of an adaptive campaign of `count` (``selectNextRound(count:in:after:using:)``
    /// before anything is observed), without gain estimates.
    ///
    /// - Throws: ``SeedingError`` from the policy, or when it chose a node the graph does not have.
    public func timedSelection(
        count: Int, rounds: Int = 1, in context: SeedingContext, using rng: inout Xoshiro256StarStar
    ) throws -> SeedSelection {
        let start = DispatchTime.now().uptimeNanoseconds
        let chosen =
            rounds == 1
            ? try chooseSeeds(count: count, in: context, using: &rng)
            : ChosenSeeds(
                seeds: try selectNextRound(
                    count: RoundObservation.split(budget: count, rounds: rounds)[0], in: context,
                    after: .start(users: context.graph.nodeCount, budget: count, rounds: rounds), using: &rng),
                marginalGains: nil)
        let seeds = chosen.seeds
        precondition(chosen.marginalGains.map { $0.count == seeds.count } ?? true, "one gain per seed")
        // Kernels index by seed without bounds checks: check a policy's answer once.
        let n = context.graph.nodeCount
        if let bad = seeds.first(where: { $0 < 0 || Int($0) >= n }) {
            throw SeedingError("policy '\(name)' chose user \(bad), not one of the graph's \(n) users")
        }
        return SeedSelection(
            seeds: seeds, marginalGains: chosen.marginalGains, certificate: chosen.certificate,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// What a seeding policy may look at: the platform, the item to seed and how it spreads.
public struct SeedingContext: Sendable {
    /// The platform (graph, users, catalogue).
    public let world: World
    /// The catalogue item being seeded.
    public let item: Int
    /// The propagation model compiled for ``item``: what model-aware policies (CELF, IMM) optimise.
    public let model: CompiledModel
    /// Threads a policy may use.
    public let threads: Int
    /// The graph embedding, when the scenario trains one (the `embedding` policy needs it).
    public let embedding: NodeEmbedding?
    /// Where a slow policy counts its work (RR sets, rounds) within the phase of its arm.
    public let progress: ProgressMeter

    /// A context; see the properties for the meaning of each argument.
    public init(
        world: World, item: Int, model: CompiledModel, threads: Int, embedding: NodeEmbedding? = nil,
        progress: ProgressMeter = .silent
    ) {
        self.world = world
        self.item = item
        self.model = model
        self.threads = threads
        self.embedding = embedding
        self.progress = progress
    }

    /// The social graph.
    public var graph: Graph { world.graph }

    /// A family of streams derived from the policy's generator, for work cut into numbered
    /// pieces that may run on any thread.
    public func streams(using rng: inout Xoshiro256StarStar) -> RandomStreams {
        RandomStreams(masterSeed: rng.next())
    }
}

/// The seeds a policy chose and, for a greedy policy, what it estimated each adds.
public struct ChosenSeeds: Sendable, Equatable {
    /// The seeds, best first.
    public var seeds: [NodeID]
    /// Per seed, the policy's estimate of its marginal gain in expected spread (users), in
    /// order, so that their running sum estimates the spread of the first seeds; `nil` for
    /// policies without an estimate.
    public var marginalGains: [Double]?
    /// For policies that certify their choice from RR sets (`opim`, `imm`): bounds on the
    /// seeds' spread and on the optimum; else `nil`.
    public var certificate: SpreadCertificate?

    /// Seeds with their gains and certificate, if any.
    public init(seeds: [NodeID], marginalGains: [Double]?, certificate: SpreadCertificate? = nil) {
        self.seeds = seeds
        self.marginalGains = marginalGains
        self.certificate = certificate
    }
}

/// The seeds a policy chose and how long it took.
public struct SeedSelection: Sendable {
    /// The seeds, best first.
    public var seeds: [NodeID]
    /// The policy's marginal-gain estimates (``ChosenSeeds/marginalGains``).
    public var marginalGains: [Double]?
    /// The policy's certificate (``ChosenSeeds/certificate``).
    public var certificate: SpreadCertificate?
    /// Wall-clock seconds spent choosing them.
    public var seconds: Double
}

/// A seeding policy that could not choose its seeds.
public struct SeedingError: InputError, Equatable {
    /// What went wrong, naming the policy.
    public var description: String

    /// An error with the given message.
    public init(_ description: String) { self.description = description }
}

/// Ranking helpers shared by the score-based policies.
enum Ranking {
    /// The `count` nodes with the highest scores, ties broken by the lower node id.
    ///
    /// - Complexity: O(n log n).
    static func top(_ count: Int, by scores: [Double]) -> [NodeID] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        return order.prefix(count).map { NodeID($0) }
    }
}

/// What an adaptive campaign has seen before one of its rounds: the cascade of every seed so
/// far, run to its end in the replicate's world.
public struct RoundObservation: Sendable {
    /// Whether each user is active (seeds included).
    public var active: [Bool]
    /// The seeds chosen so far, in order.
    public var seeds: [NodeID]
    /// The campaign's whole budget `k`.
    public var budget: Int
    /// The campaign's rounds `R`.
    public var rounds: Int
    /// The round about to be chosen (0-based).
    public var round: Int

    /// An observation; see the properties.
    public init(active: [Bool], seeds: [NodeID], budget: Int, rounds: Int, round: Int) {
        self.active = active
        self.seeds = seeds
        self.budget = budget
        self.rounds = rounds
        self.round = round
    }

    /// The observation before the first round: nobody active, no seeds.
    public static func start(users: Int, budget: Int, rounds: Int) -> RoundObservation {
        RoundObservation(
            active: [Bool](repeating: false, count: users), seeds: [], budget: budget, rounds: rounds, round: 0)
    }

    /// The seeds of each of `rounds` rounds when `budget` is spread over them: `k / R` each,
    /// the first `k mod R` rounds one more.
    public static func split(budget: Int, rounds: Int) -> [Int] {
        (0..<rounds).map { budget / rounds + ($0 < budget % rounds ? 1 : 0) }
    }
}

extension SeedingPolicy {
    /// The next round's seeds chosen on the ``ResidualPlatform`` the observation leaves: the
    /// users not yet active, the arcs among them and the conditioned model, so every policy
    /// plays its adaptive form (adaptive IMM is IMM on the residual graph; adaptive degree
    /// counts only inactive followers). Before the first round, the policy's own choice; with
    /// no more inactive users than `count`, all of them.
    public func selectNextRound(
        count: Int, in context: SeedingContext, after observation: RoundObservation,
        using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID] {
        guard observation.active.contains(true) else { return try selectSeeds(count: count, in: context, using: &rng) }
        guard let residual = ResidualPlatform(context, active: observation.active) else { return [] }
        // No more users left than seeds to place: every one of them is the best choice.
        if residual.kept.count <= count { return residual.kept }
        return residual.original(
            try selectSeeds(count: min(count, residual.kept.count), in: residual.context, using: &rng))
    }
}
