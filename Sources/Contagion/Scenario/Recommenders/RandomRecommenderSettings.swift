/// `type: random`: ``RandomRecommender``.
public struct RandomRecommenderSettings: RecommenderEntry, KeylessEntry {
    public static let type = "random"
    public static let summary = "items uniformly at random, the floor every recommender must beat"

    /// The recommender (it has no keys).
    public init() {}

    public func makeRecommender(name: String) -> any Recommender { RandomRecommender(name: name) }
}
