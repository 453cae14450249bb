/// Recommends the items most users have clicked so far, the same feed for everyone.
public struct PopularityRecommender: Recommender {
    public let name: String
    private var clickers: [Float] = []

    /// A popularity recommender labelled `name`.
    public init(name: String = "popularity") { self.name = name }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        clickers = (0..<clicks.itemCount).map { Float(clicks.users(of: $0).count) }
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        for item in scores.indices { scores[item] = item < clickers.count ? clickers[item] : 0 }
    }
}
