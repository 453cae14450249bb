/// `type: popularity`: ``PopularityRecommender``.
public struct PopularityRecommenderSettings: RecommenderEntry, KeylessEntry {
    public static let type = "popularity"
    public static let summary = "the most-clicked items so far, the same feed for everyone"

    /// The recommender (it has no keys).
    public init() {}

    public func makeRecommender(name: String) -> any Recommender { PopularityRecommender(name: name) }
}
