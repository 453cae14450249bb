/// `type: content`: ``ContentRecommender``.
public struct ContentRecommenderSettings: RecommenderEntry, KeylessEntry {
    public static let type = "content"
    public static let summary = "items by the cosine of their topics with the mean topics the user clicked"

    /// The recommender (it has no keys).
    public init() {}

    public func makeRecommender(name: String) -> any Recommender { ContentRecommender(name: name) }
}
