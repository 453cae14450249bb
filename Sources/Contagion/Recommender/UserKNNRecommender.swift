/// User-based collaborative filtering (Herlocker et al. 1999): a user's `K` nearest
/// neighbours are the users whose clicks are most similar, by cosine
/// `s(u, v) = |I_u ∩ I_v| / √(|I_u|·|I_v|)` or by Pearson correlation of the click vectors
/// (``ClickSimilarity``), among the users who share a click with `u`; the score of item `i` is
/// `Σ_{v ∈ N_K(u)} s(u, v)·[v clicked i]`.
///
/// Users without clicks have no neighbours and score every item 0 (their feed then follows
/// item order); ties between neighbours go to the lower user id.
///
/// - Complexity: fitting O(Σ_items clickers² + n·log K) with an O(n) accumulator per pass;
///   memory O(n·K).
public struct UserKNNRecommender: Recommender {
    public let name: String
    /// `K`.
    public let neighbourCount: Int
    /// How two users' clicks are compared.
    public let similarity: ClickSimilarity
    private var neighbours: [[(user: NodeID, similarity: Float)]] = []
    private var clicks: InteractionMatrix?

    /// A user-based CF recommender with `neighbourCount` neighbours by `similarity`, labelled `name`.
    public init(name: String = "user_cf", neighbourCount: Int = 50, similarity: ClickSimilarity = .cosine) {
        self.name = name
        self.neighbourCount = neighbourCount
        self.similarity = similarity
    }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        let n = clicks.userCount
        var overlap = [Float](repeating: 0, count: n)
        var touched: [Int] = []
        neighbours = (0..<n).map { user in
            let items = clicks.items(of: user)
            guard !items.isEmpty else { return [] }
            for item in items {
                for other in clicks.users(of: Int(item)) where Int(other) != user {
                    if overlap[Int(other)] == 0 { touched.append(Int(other)) }
                    overlap[Int(other)] += 1
                }
            }
            touched.sort()
            let similarities = touched.map { other in
                (
                    user: NodeID(other),
                    similarity: similarity.value(
                        common: Int(overlap[other]), items.count, clicks.items(of: other).count,
                        positions: clicks.itemCount)
                )
            }
            for other in touched { overlap[other] = 0 }
            touched.removeAll(keepingCapacity: true)
            let best = TopK.indices(of: similarities.map(\.similarity), count: min(neighbourCount, similarities.count))
            return best.map { similarities[$0] }
        }
        self.clicks = clicks
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        for item in scores.indices { scores[item] = 0 }
        guard let clicks, user < neighbours.count else { return }
        for neighbour in neighbours[user] {
            for item in clicks.items(of: Int(neighbour.user)) { scores[Int(item)] += neighbour.similarity }
        }
    }
}
