/// The users of the simulated platform, one dense array per attribute.
///
/// User `u` is graph node `u`. Its interest vector `θ_u` lies on the probability simplex over
/// `topicCount` topics and is stored row-major in ``interests``.
public struct Users: Sendable {
    /// Number of users (the graph's node count).
    public let count: Int
    /// Dimension `d` of the interest vectors.
    public let topicCount: Int
    /// `θ_u` for every user, row-major (`count × topicCount`).
    public let interests: [Float]
    /// `a_u`: the probability that the user is online in a step (drawn once per user and step
    /// by the content-aware model).
    public let activity: [Float]
    /// `s_u`: the user's propensity to share what they liked.
    public let sharePropensity: [Float]
    /// The user's community label, `0..<communityCount`.
    public let communities: [Int32]
    /// Number of communities.
    public let communityCount: Int

    /// The interest vector of `user`.
    public func interests(of user: Int) -> ArraySlice<Float> {
        interests[(user * topicCount)..<((user + 1) * topicCount)]
    }
}

/// How users are drawn.
public struct UserParameters: Sendable, Equatable {
    /// Dimension `d` of the interest vectors.
    public var topicCount = 8
    /// `h` in [0, 1]: how closely users follow their community's centroid (0: not at all).
    public var homophily = 0.8
    /// `κ` > 0: Dirichlet concentration of a user's interests around its mean.
    public var concentration = 20.0
    /// Dirichlet parameter of each component of the community centroids (small: peaked).
    public var centroidConcentration = 0.3
    /// Beta(α, β) parameters of the activity probability `a_u`.
    public var activityAlpha = 4.0, activityBeta = 2.0
    /// Beta(α, β) parameters of the share propensity `s_u`.
    public var propensityAlpha = 2.0, propensityBeta = 5.0

    /// The documented defaults.
    public init() {}
}

extension Users {
    /// Draws users for the nodes of a graph with the given community labels.
    ///
    /// Each community `c` gets a centroid `m_c ~ Dirichlet(centroidConcentration·1)`; user
    /// `u` in community `c` draws `θ_u ~ Dirichlet(κ·(h·m_c + (1 − h)·1/d))`, so that with
    /// high homophily `h` neighbours in a community like the same topics. Activity and share
    /// propensity are Beta draws.
    public static func generate(
        communities: [Int32], parameters: UserParameters, using rng: inout some RandomNumberGenerator
    ) -> Users {
        let n = communities.count
        let d = parameters.topicCount
        let communityCount = Int(communities.max() ?? -1) + 1
        var centroids = [[Double]](repeating: [Double](repeating: 0, count: d), count: communityCount)
        let centroidPrior = [Double](repeating: parameters.centroidConcentration, count: d)
        for c in 0..<communityCount { Distributions.dirichlet(centroidPrior, into: &centroids[c], using: &rng) }
        var interests = [Float](repeating: 0, count: n * d)
        var activity = [Float](repeating: 0, count: n)
        var propensity = [Float](repeating: 0, count: n)
        var alpha = [Double](repeating: 0, count: d)
        var theta = [Double](repeating: 0, count: d)
        let h = parameters.homophily
        for user in 0..<n {
            let centroid = centroids[Int(communities[user])]
            for k in 0..<d {
                alpha[k] = max(1e-3, parameters.concentration * (h * centroid[k] + (1 - h) / Double(d)))
            }
            Distributions.dirichlet(alpha, into: &theta, using: &rng)
            for k in 0..<d { interests[user * d + k] = Float(theta[k]) }
            activity[user] = Float(
                Distributions.beta(alpha: parameters.activityAlpha, beta: parameters.activityBeta, using: &rng))
            propensity[user] = Float(
                Distributions.beta(alpha: parameters.propensityAlpha, beta: parameters.propensityBeta, using: &rng))
        }
        return Users(
            count: n, topicCount: d, interests: interests, activity: activity, sharePropensity: propensity,
            communities: communities, communityCount: communityCount)
    }
}
