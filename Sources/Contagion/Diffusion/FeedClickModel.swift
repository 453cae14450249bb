/// The content-aware funnel's probabilities for every (user, item) pair at once: what the
/// recommender-in-the-loop simulation draws from, and what the oracle recommender ranks by.
///
/// A recommended exposure has no friend behind it, so its click probability is the funnel's
/// with tie strength 0: `p_rec(v, i) = σ(b₀ + b_aff·c(v, i) + b_app·q_i)`, whatever the
/// model's variant (the seed formula has no term for it). Social exposures use
/// ``socialClickProbability(arc:item:)``, the model's own rule.
///
/// - Complexity: O(n·m·d) to build; memory 16·n·m bytes.
public struct FeedClickModel: Sendable {
    /// The model's parameters.
    public let parameters: ContentAwareParameters
    /// Number of users and items.
    public let userCount: Int, itemCount: Int
    /// `c(v, i)`, row-major by user.
    public let affinity: [Float]
    /// `p_rec(v, i)`, row-major by user.
    public let recommendedClick: [Float]
    /// `p_buy(v, i)` given a click, row-major by user.
    public let purchase: [Float]
    /// `p_share(v, i)` given a click, row-major by user (1 under the seed formula, whose click is an adoption).
    public let share: [Float]
    private let tieStrengths: [Float]
    private let targets: [NodeID]
    private let appeal: [Float]
    private let attention: [Double]
    private let friends: [Int32]

    /// Tabulates the funnel of `parameters` on `world`.
    public init(world: World, parameters: ContentAwareParameters) {
        let n = world.users.count
        let m = world.catalogue.count
        var affinity = [Float](repeating: 0, count: n * m)
        for item in 0..<m {
            for (user, value) in world.affinities(to: item, measure: parameters.affinity).enumerated() {
                affinity[user * m + item] = value
            }
        }
        let catalogue = world.catalogue
        var recommendedClick = [Float](repeating: 0, count: n * m)
        var purchase = [Float](repeating: 0, count: n * m)
        var share = [Float](repeating: 1, count: n * m)
        for user in 0..<n {
            for item in 0..<m {
                let index = user * m + item
                let c = Double(affinity[index])
                let q = Double(catalogue.appeal[item])
                recommendedClick[index] = Float(parameters.clickProbability(tie: 0, affinity: c, appeal: q))
                purchase[index] = Float(
                    parameters.purchaseProbability(affinity: c, appeal: q, price: catalogue.prices[item]))
                if parameters.variant == .funnel {
                    share[index] = Float(
                        parameters.shareProbability(propensity: Double(world.users.sharePropensity[user]), affinity: c))
                }
            }
        }
        self.parameters = parameters
        userCount = n
        itemCount = m
        self.affinity = affinity
        self.recommendedClick = recommendedClick
        self.purchase = purchase
        self.share = share
        tieStrengths = world.graph.tieStrengths
        targets = world.graph.targets
        appeal = catalogue.appeal
        attention = parameters.variant == .seedFormula ? world.graph.inStrengths() : []
        friends = parameters.variant == .seedFormula ? world.graph.inDegrees() : []
    }

    /// The click probability of an exposure to `item` over `arc` (before fatigue).
    public func socialClickProbability(arc: Int, item: Int) -> Double {
        let v = Int(targets[arc])
        let c = Double(affinity[v * itemCount + item])
        let tie = Double(tieStrengths[arc])
        switch parameters.variant {
        case .funnel:
            return parameters.clickProbability(tie: tie, affinity: c, appeal: Double(appeal[item]))
        case .seedFormula:
            return parameters.seedFormulaProbability(
                tie: tie, attention: attention[v], affinity: c, friends: Double(friends[v]))
        }
    }
}
