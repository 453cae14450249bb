/// The items (products or posts) that users share, one dense array per attribute.
public struct Catalogue: Sendable {
    /// Number of items.
    public let count: Int
    /// Dimension `d` of the topic vectors (the same as the users').
    public let topicCount: Int
    /// `φ_i` for every item, on the simplex, row-major (`count × topicCount`).
    public let topics: [Float]
    /// `q_i` in (0, 1): how appealing the item is regardless of taste.
    public let appeal: [Float]
    /// The item's price, in the scenario's currency unit.
    public let prices: [Double]
    /// The item's category: its dominant topic.
    public let categories: [Int32]

    /// The topic vector of `item`.
    public func topics(of item: Int) -> ArraySlice<Float> {
        topics[(item * topicCount)..<((item + 1) * topicCount)]
    }
}

/// How items are drawn.
public struct CatalogueParameters: Sendable, Equatable {
    /// Number of items.
    public var count = 10
    /// Dirichlet parameter of each topic component (small: items about one topic).
    public var topicConcentration = 0.2
    /// Beta(α, β) parameters of the appeal `q_i`.
    public var appealAlpha = 2.0, appealBeta = 2.0
    /// Log-normal parameters of the price: `exp(μ + σ·Z)`.
    public var priceMu = 3.0, priceSigma = 0.5

    /// The documented defaults.
    public init() {}
}

extension Catalogue {
    /// Draws a catalogue: `φ_i ~ Dirichlet(topicConcentration·1)`, `q_i ~ Beta`, log-normal prices.
    public static func generate(
        topicCount d: Int, parameters: CatalogueParameters, using rng: inout some RandomNumberGenerator
    ) -> Catalogue {
        let prior = [Double](repeating: parameters.topicConcentration, count: d)
        var phi = [Double](repeating: 0, count: d)
        var topics = [Float](repeating: 0, count: parameters.count * d)
        var appeal: [Float] = []
        var prices: [Double] = []
        var categories: [Int32] = []
        for item in 0..<parameters.count {
            Distributions.dirichlet(prior, into: &phi, using: &rng)
            for k in 0..<d { topics[item * d + k] = Float(phi[k]) }
            categories.append(Int32(phi.indexOfFirstMaximum(by: <)))
            appeal.append(
                Float(Distributions.beta(alpha: parameters.appealAlpha, beta: parameters.appealBeta, using: &rng)))
            prices.append(
                (Distributions.logNormal(mu: parameters.priceMu, sigma: parameters.priceSigma, using: &rng) * 100)
                    .rounded() / 100)
        }
        return Catalogue(
            count: parameters.count, topicCount: d, topics: topics, appeal: appeal, prices: prices,
            categories: categories)
    }
}
