/// `type: embedding`: ``EmbeddingRecommender``, the graph-embedding recommender.
public struct EmbeddingRecommenderSettings: RecommenderEntry {
    public static let type = "embedding"
    public static let summary = "the cosine of the user's node vector with the item's clickers, blended with content"

    /// `λ` in [0, 1], the weight of the graph part against content (default 0.5).
    public var blend = 0.5

    public enum CodingKeys: String, CodingKey, CaseIterable { case blend }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        blend = try c.decode(.blend, default: blend, in: 0...1)
    }

    public func makeRecommender(name: String) -> any Recommender { EmbeddingRecommender(name: name, blend: blend) }

    /// `true`: users are their node vectors.
    public var usesEmbedding: Bool { true }
}
