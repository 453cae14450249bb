/// `type: user_cf`: ``UserKNNRecommender``, user-based collaborative filtering.
public struct UserKNNRecommenderSettings: RecommenderEntry {
    public static let type = "user_cf"
    public static let summary = "user-based collaborative filtering over the K most similar users by cosine"

    /// Neighbours per user, ≥ 1 (default 50).
    public var neighbours = 50

    public enum CodingKeys: String, CodingKey, CaseIterable { case neighbours }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        neighbours = try c.decode(.neighbours, default: neighbours, atLeast: 1)
    }

    public func makeRecommender(name: String) -> any Recommender {
        UserKNNRecommender(name: name, neighbourCount: neighbours)
    }
}
