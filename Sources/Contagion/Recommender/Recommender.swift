/// What every recommender may look at besides the interactions: the platform, the true
/// click model (for the oracle only) and the graph embedding (for the embedding recommender).
public struct RecommenderContext: Sendable {
    /// The platform: graph, users (their true interests are for the oracle only), catalogue.
    public var world: World
    /// The true probabilities of the funnel, per (user, item).
    public var truth: FeedClickModel
    /// The graph embedding, when a recommender or policy of the scenario needs it.
    public var embedding: NodeEmbedding?

    /// A context; see the properties.
    public init(world: World, truth: FeedClickModel, embedding: NodeEmbedding?) {
        self.world = world
        self.truth = truth
        self.embedding = embedding
    }
}

/// Ranks catalogue items for a user from the interactions observed so far.
///
/// A recommender is refitted (``fit(_:context:using:)``) on every click logged up to a step,
/// then asked for item scores per user; higher is better. ``recommend(for:count:clicks:using:)``
/// turns scores into a feed: the best items the user has not clicked yet.
public protocol Recommender: Sendable {
    /// The scenario name (`random`, `popularity`, …).
    var name: String { get }

    /// Learns from `clicks`, replacing what an earlier fit learned.
    mutating func fit(_ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar)

    /// Writes a score for every catalogue item into `scores` (count: the catalogue's size).
    func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar)
}

extension Recommender {
    // MARK: - Default implementations

    /// The `count` best-scored items that `user` has not clicked, best first (ties by item id).
    public func recommend(
        for user: Int, count: Int, clicks: InteractionMatrix, using rng: inout Xoshiro256StarStar
    ) -> [Int] {
        var scores = [Float](repeating: 0, count: clicks.itemCount)
        score(user: user, into: &scores, using: &rng)
        let clicked = clicks.items(of: user)
        return TopK.indices(of: scores, count: count) { clicked.contains(Int32($0)) }
    }
}
