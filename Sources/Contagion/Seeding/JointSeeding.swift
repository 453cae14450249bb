/// One seed of a joint campaign: a user and the item they are given.
public struct SeedPair: Sendable, Equatable, Hashable {
    /// The user.
    public var user: NodeID
    /// The item's position among the campaign's offered items (``JointSeedingContext/items``).
    public var itemIndex: Int

    /// Seed `user` with the offered item at `itemIndex`.
    public init(user: NodeID, itemIndex: Int) {
        self.user = user
        self.itemIndex = itemIndex
    }
}

/// What a policy may look at when it chooses (user, item) pairs: the platform, the offered
/// items with their compiled models, and how many seeds each item may take.
public struct JointSeedingContext: Sendable {
    /// The platform.
    public let world: World
    /// The catalogue items offered, in the scenario's order.
    public let items: [Int]
    /// Each offered item's compiled model, in ``items`` order.
    public let models: [CompiledModel]
    /// The most seeds each offered item may take, in ``items`` order.
    public let limits: [Int]
    /// Threads a policy may use.
    public let threads: Int
    /// The graph embedding, when the scenario trains one.
    public let embedding: NodeEmbedding?
    /// Where a slow policy counts its work.
    public let progress: ProgressMeter

    /// A context; see the properties for the meaning of each argument.
    public init(
        world: World, items: [Int], models: [CompiledModel], limits: [Int], threads: Int,
        embedding: NodeEmbedding? = nil, progress: ProgressMeter = .silent
    ) {
        precondition(items.count == models.count && items.count == limits.count && !items.isEmpty)
        self.world = world
        self.items = items
        self.models = models
        self.limits = limits
        self.threads = threads
        self.embedding = embedding
        self.progress = progress
    }

    /// The single-item context of the offered item at `itemIndex`.
    public func context(forItemAt itemIndex: Int) -> SeedingContext {
        SeedingContext(
            world: world, item: items[itemIndex], model: models[itemIndex], threads: threads, embedding: embedding,
            progress: progress)
    }

    /// The most seeds the campaign can place: `count`, at most the users and the items' room.
    public func placeable(_ count: Int) -> Int {
        min(count, world.graph.nodeCount, limits.reduce(0) { $0 + min($1, world.graph.nodeCount) })
    }

    /// Whether `pairs` respect the campaign's rules: distinct users, each item within its limit.
    public func allows(_ pairs: [SeedPair]) -> Bool {
        var perItem = [Int](repeating: 0, count: items.count)
        for pair in pairs { perItem[pair.itemIndex] += 1 }
        return Set(pairs.map(\.user)).count == pairs.count && zip(perItem, limits).allSatisfy { $0 <= $1 }
    }
}

/// A policy that chooses (user, item) pairs itself in a joint campaign (content mode `joint`):
/// a budget of `k` seeds over the offered items, each user given at most one item, each item at
/// most its limit.
public protocol PairSeedingPolicy: SeedingPolicy {
    /// Picks at most `count` pairs, best first, with the policy's estimate of what each adds
    /// to the campaign's expected adopters when it has one.
    ///
    /// - Throws: ``SeedingError`` when the policy cannot choose.
    func choosePairs(count: Int, in context: JointSeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenPairs
}

/// The pairs a policy chose and, for greedy policies, what it estimated each adds.
public struct ChosenPairs: Sendable, Equatable {
    /// The pairs, best first.
    public var pairs: [SeedPair]
    /// Per pair, the estimated gain in expected adopters over all items (`nil`: no estimate).
    public var marginalGains: [Double]?

    /// Pairs with their gains, if any.
    public init(pairs: [SeedPair], marginalGains: [Double]? = nil) {
        self.pairs = pairs
        self.marginalGains = marginalGains
    }
}

extension JointSeedingContext {
    /// A family of streams derived from the policy's generator (as ``SeedingContext/streams(using:)``).
    public func streams(using rng: inout Xoshiro256StarStar) -> RandomStreams {
        RandomStreams(masterSeed: rng.next())
    }
}

extension JointSeedingContext {
    /// The campaign of `context`'s single item, which may take `limit` seeds: how a pair
    /// policy chooses users for one item.
    public init(_ context: SeedingContext, limit: Int) {
        self.init(
            world: context.world, items: [context.item], models: [context.model], limits: [limit],
            threads: context.threads, embedding: context.embedding, progress: context.progress)
    }
}
