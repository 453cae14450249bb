/// Ranks items by the user's true probability of clicking a recommendation, `p_rec(u, i)`,
/// from their true interests: the upper bound no learned recommender can beat in expectation.
public struct OracleRecommender: Recommender {
    public let name: String
    private var truth: FeedClickModel?

    /// An oracle labelled `name`.
    public init(name: String = "oracle") { self.name = name }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        truth = context.truth
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        guard let truth else { return }
        for item in scores.indices { scores[item] = Float(truth.recommendedClickProbability(user: user, item: item)) }
    }
}
