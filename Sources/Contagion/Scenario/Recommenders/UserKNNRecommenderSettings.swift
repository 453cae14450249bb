/// `type: user_cf`: ``UserKNNRecommender``, user-based collaborative filtering.
public struct UserKNNRecommenderSettings: RecommenderEntry {
    public static let type = "user_cf"
    public static let summary = "user-based collaborative filtering over the K most similar users (cosine or Pearson)"

    /// Neighbours per user, ≥ 1 (default 50).
    public var neighbours = 50
    /// How two users' clicks are compared (default `cosine`).
    public var similarity = ClickSimilarity.cosine

    public enum CodingKeys: String, CodingKey, CaseIterable { case neighbours, similarity }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        neighbours = try c.decode(.neighbours, default: neighbours, atLeast: 1)
        similarity = try c.decode(.similarity, default: similarity)
    }

    public func makeRecommender(name: String) -> any Recommender {
        UserKNNRecommender(name: name, neighbourCount: neighbours, similarity: similarity)
    }
}
