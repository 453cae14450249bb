/// `type: oracle`: ``OracleRecommender``.
public struct OracleRecommenderSettings: RecommenderEntry, KeylessEntry {
    public static let type = "oracle"
    public static let summary = "items by the user's true click probability, the upper bound"

    /// The recommender (it has no keys).
    public init() {}

    public func makeRecommender(name: String) -> any Recommender { OracleRecommender(name: name) }
}
