/// The content-aware funnel's probabilities for any (user, item) pair: what the
/// recommender-in-the-loop simulation draws from, and what the oracle recommender ranks by.
///
/// A recommended exposure has no friend behind it, so its click probability is the funnel's
/// with tie strength 0: `p_rec(v, i) = σ(b₀ + b_aff·c(v, i) + b_app·q_i)`, whatever the
/// model's variant (the seed formula has no term for it). Social exposures use
/// ``socialClickProbability(arc:item:)``, the model's own rule.
///
/// Probabilities are computed when asked, from the interests and topics, so the model costs
/// O(n + m) memory however large the platform (a dense table would need 16·n·m bytes).
///
/// - Complexity: O(d) per probability.
public struct FeedClickModel: Sendable {
    /// The model's parameters.
    public let parameters: ContentAwareParameters
    /// Number of users and items.
    public let userCount: Int, itemCount: Int
    private let users: Users
    private let catalogue: Catalogue
    /// 1/‖θ_u‖ and 1/‖φ_i‖ under the cosine measure (0 for a zero vector); empty under `dot`.
    private let inverseUserNorms: [Float], inverseItemNorms: [Float]
    private let tieStrengths: [Float]
    private let targets: [NodeID]
    private let attention: [Double]
    private let friends: [Int32]

    /// The funnel of `parameters` on `world`.
    ///
    /// - Complexity: O((n + m)·d + arcs).
    public init(world: World, parameters: ContentAwareParameters) {
        func inverseNorms(_ vectors: [Float], count: Int, dimension d: Int) -> [Float] {
            guard parameters.affinity == .cosine else { return [] }
            return (0..<count).map { row in
                let norm = (0..<d).reduce(Float(0)) { $0 + vectors[row * d + $1] * vectors[row * d + $1] }.squareRoot()
                return norm > 0 ? 1 / norm : 0
            }
        }
        self.parameters = parameters
        users = world.users
        catalogue = world.catalogue
        userCount = users.count
        itemCount = catalogue.count
        inverseUserNorms = inverseNorms(users.interests, count: users.count, dimension: users.topicCount)
        inverseItemNorms = inverseNorms(catalogue.topics, count: catalogue.count, dimension: catalogue.topicCount)
        tieStrengths = world.graph.tieStrengths
        targets = world.graph.targets
        attention = parameters.variant == .seedFormula ? world.graph.inStrengths() : []
        friends = parameters.variant == .seedFormula ? world.graph.inDegrees() : []
    }

    /// `c(v, i)` under the model's affinity measure.
    @inline(__always)
    public func affinity(user: Int, item: Int) -> Double {
        let d = users.topicCount
        var dot: Float = 0
        for k in 0..<d { dot += users.interests[user * d + k] * catalogue.topics[item * d + k] }
        if parameters.affinity == .cosine { dot *= inverseUserNorms[user] * inverseItemNorms[item] }
        return Double(dot)
    }

    /// `p_rec(v, i)`: the click probability of a recommended exposure (before fatigue).
    public func recommendedClickProbability(user: Int, item: Int) -> Double {
        parameters.clickProbability(
            tie: 0, affinity: affinity(user: user, item: item), appeal: Double(catalogue.appeal[item]))
    }

    /// `p_buy(v, i)`, given a click.
    public func purchaseProbability(user: Int, item: Int) -> Double {
        parameters.purchaseProbability(
            affinity: affinity(user: user, item: item), appeal: Double(catalogue.appeal[item]),
            price: catalogue.prices[item])
    }

    /// `p_share(v, i)`, given a click (1 under the seed formula, whose click is an adoption).
    public func shareProbability(user: Int, item: Int) -> Double {
        guard parameters.variant == .funnel else { return 1 }
        return parameters.shareProbability(
            propensity: Double(users.sharePropensity[user]), affinity: affinity(user: user, item: item))
    }

    /// The click probability of an exposure to `item` over `arc` (before fatigue).
    public func socialClickProbability(arc: Int, item: Int) -> Double {
        let v = Int(targets[arc])
        let c = affinity(user: v, item: item)
        let tie = Double(tieStrengths[arc])
        switch parameters.variant {
        case .funnel:
            return parameters.clickProbability(tie: tie, affinity: c, appeal: Double(catalogue.appeal[item]))
        case .seedFormula:
            return parameters.seedFormulaProbability(
                tie: tie, attention: attention[v], affinity: c, friends: Double(friends[v]))
        }
    }
}
