/// `type: item_cf`: ``ItemKNNRecommender``.
public struct ItemKNNRecommenderSettings: RecommenderEntry {
    public static let type = "item_cf"
    public static let summary = "item-based collaborative filtering, cosine or Pearson of click columns"

    /// How two items' clickers are compared (default `cosine`).
    public var similarity = ClickSimilarity.cosine

    public enum CodingKeys: String, CodingKey, CaseIterable { case similarity }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        similarity = try c.decode(.similarity, default: similarity)
    }

    public func makeRecommender(name: String) -> any Recommender { ItemKNNRecommender(name: name, measure: similarity) }
}
