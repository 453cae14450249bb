/// Content-based filtering: a user's interest profile is the mean topic vector of the items
/// they clicked, and items are ranked by the cosine of their topics with it.
///
/// The profile is learned from behaviour only; the user's true interests are never read. A
/// user without clicks gets the profile of all clicks together (the population's taste).
public struct ContentRecommender: Recommender {
    public let name: String
    private var profiles: [Float] = []
    private var topics: [Float] = []
    private var topicCount = 0

    /// A content recommender labelled `name`.
    public init(name: String = "content") { self.name = name }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        let catalogue = context.world.catalogue
        let d = catalogue.topicCount
        topicCount = d
        topics = catalogue.topics
        profiles = Self.profiles(clicks: clicks, topics: catalogue.topics, dimensions: d)
    }

    /// The mean of the clicked items' vectors per user (row-major `users × dimensions`), the
    /// mean over all clicks for a user without any.
    static func profiles(clicks: InteractionMatrix, topics: [Float], dimensions d: Int) -> [Float] {
        var profiles = [Float](repeating: 0, count: clicks.userCount * d)
        var population = [Float](repeating: 0, count: d)
        for user in 0..<clicks.userCount {
            let items = clicks.items(of: user)
            for item in items {
                for k in 0..<d {
                    profiles[user * d + k] += topics[Int(item) * d + k] / Float(items.count)
                    population[k] += topics[Int(item) * d + k]
                }
            }
        }
        for user in 0..<clicks.userCount where clicks.items(of: user).isEmpty {
            profiles.replaceSubrange((user * d)..<((user + 1) * d), with: population)
        }
        return profiles
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        let d = topicCount
        guard !profiles.isEmpty else { return }
        let profile = profiles[(user * d)..<((user + 1) * d)]
        for item in scores.indices { scores[item] = VectorMath.cosine(profile, topics[(item * d)..<((item + 1) * d)]) }
    }
}
