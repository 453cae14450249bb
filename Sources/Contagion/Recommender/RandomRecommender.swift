/// Recommends items uniformly at random: the floor every recommender must beat.
public struct RandomRecommender: Recommender {
    public let name: String

    /// A random recommender labelled `name`.
    public init(name: String = "random") { self.name = name }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {}

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        for item in scores.indices { scores[item] = Float(rng.nextUnit()) }
    }
}
