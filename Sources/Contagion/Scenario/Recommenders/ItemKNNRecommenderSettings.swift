/// `type: item_cf`: ``ItemKNNRecommender``.
public struct ItemKNNRecommenderSettings: RecommenderEntry, KeylessEntry {
    public static let type = "item_cf"
    public static let summary = "item-based collaborative filtering, cosine of click columns"

    /// The recommender (it has no keys).
    public init() {}

    public func makeRecommender(name: String) -> any Recommender { ItemKNNRecommender(name: name) }
}
