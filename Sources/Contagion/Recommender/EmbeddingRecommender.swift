/// The graph-embedding recommender: users are their node vectors (DeepWalk / node2vec), an
/// item is the mean of the unit vectors of the users who clicked it, and the score blends the
/// cosine of the two with the content score:
/// `score(u, i) = λ·cos(e_u, ē_i) + (1 − λ)·cos(profile_u, φ_i)`.
///
/// The embedding carries the social graph: an item clicked around a user in the graph scores
/// high for them before they have clicked anything similar. Items nobody has clicked score
/// by content alone.
public struct EmbeddingRecommender: Recommender {
    public let name: String
    /// `λ` in [0, 1]: the weight of the graph part.
    public let blend: Double
    private var users: NodeEmbedding?
    private var items: [Float] = []
    private var content = ContentRecommender()

    /// An embedding recommender with graph weight `blend`, labelled `name`.
    public init(name: String = "embedding", blend: Double = 0.5) {
        self.name = name
        self.blend = blend
    }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        guard let embedding = context.embedding?.normalised() else {
            preconditionFailure("the embedding recommender needs the scenario's graph embedding")
        }
        let d = embedding.dimensions
        var items = [Float](repeating: 0, count: clicks.itemCount * d)
        for item in 0..<clicks.itemCount {
            for user in clicks.users(of: item) {
                for k in 0..<d { items[item * d + k] += embedding.vectors[Int(user) * d + k] }
            }
        }
        users = embedding
        self.items = items
        content.fit(clicks, context: context, using: &rng)
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        guard let users else { return }
        content.score(user: user, into: &scores, using: &rng)
        let d = users.dimensions
        let vector = users.vector(of: user)
        let weight = Float(blend)
        for item in scores.indices {
            let graph = VectorMath.cosine(vector, items[(item * d)..<((item + 1) * d)])
            scores[item] = weight * graph + (1 - weight) * scores[item]
        }
    }
}
