/// Item-based collaborative filtering (Sarwar et al. 2001): items are similar when the same
/// users click them, `s(i, j) = |U_i ∩ U_j| / √(|U_i|·|U_j|)` (cosine of their click
/// columns) or the Pearson correlation of the columns (``ClickSimilarity``), for items with a
/// clicker in common (0 otherwise); a user's score for `i` is `Σ_{j clicked} s(i, j)`.
///
/// - Complexity: fitting O(Σ_users clicks²) time and m² memory; scoring O(clicks of the user · m).
public struct ItemKNNRecommender: Recommender {
    public let name: String
    /// How two items' clickers are compared.
    public let measure: ClickSimilarity
    private var similarity: [Float] = []
    private var clicks: InteractionMatrix?

    /// An item-based CF recommender by `measure`, labelled `name`.
    public init(name: String = "item_cf", measure: ClickSimilarity = .cosine) {
        self.name = name
        self.measure = measure
    }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        let m = clicks.itemCount
        var common = [Float](repeating: 0, count: m * m)
        for user in 0..<clicks.userCount {
            let items = clicks.items(of: user)
            for i in items {
                for j in items where j != i { common[Int(i) * m + Int(j)] += 1 }
            }
        }
        let sizes = (0..<m).map { clicks.users(of: $0).count }
        for i in 0..<m {
            for j in 0..<m where common[i * m + j] > 0 {
                common[i * m + j] = measure.value(
                    common: Int(common[i * m + j]), sizes[i], sizes[j], positions: clicks.userCount)
            }
        }
        similarity = common
        self.clicks = clicks
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        guard let clicks else { return }
        let m = clicks.itemCount
        for item in scores.indices { scores[item] = 0 }
        for j in clicks.items(of: user) {
            for item in 0..<m { scores[item] += similarity[Int(j) * m + item] }
        }
    }
}
