/// The `users` section: how user interests, activity and share propensity are drawn.
public struct UserSettings: Codable, Sendable, Equatable {
    /// Where community labels come from.
    public enum CommunitySource: String, Codable, Sendable, CaseIterable {
        /// The graph's own labels (block model blocks, a data set's factions), else label propagation.
        case auto
        /// Label propagation on the graph, even if it has labels.
        case labelPropagation = "label_propagation"
        /// Everyone in one community.
        case none
    }

    /// Number of topics `d` of user interests and item topics, in [1, 1024] (default 8).
    public var topics: Int
    /// `h` in [0, 1]: how closely users follow their community's centroid (default 0.8).
    public var homophily: Double
    /// `κ` > 0: Dirichlet concentration of a user's interests around its mean (default 20).
    public var concentration: Double
    /// Dirichlet parameter of each component of the community centroids, > 0 (default 0.3; small: peaked).
    public var centroidConcentration: Double
    /// Beta parameters of the online probability `a_u` (default α = 4, β = 2).
    public var activity: BetaSettings
    /// Beta parameters of the share propensity `s_u` (default α = 2, β = 5).
    public var propensity: BetaSettings
    /// Where community labels come from (default `auto`).
    public var communities: CommunitySource
    /// A `users.csv` whose values replace the drawn ones (``PopulationFiles``), relative to
    /// the scenario's folder unless absolute (default none).
    public var file: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case topics, homophily, concentration
        case centroidConcentration = "centroid_concentration"
        case activity, propensity
        case communities, file
    }

    /// The documented defaults.
    public init() {
        let defaults = UserParameters()
        topics = defaults.topicCount
        homophily = defaults.homophily
        concentration = defaults.concentration
        centroidConcentration = defaults.centroidConcentration
        activity = BetaSettings(alpha: defaults.activityAlpha, beta: defaults.activityBeta)
        propensity = BetaSettings(alpha: defaults.propensityAlpha, beta: defaults.propensityBeta)
        communities = .auto
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let d = UserSettings()
        topics = try c.decode(.topics, default: d.topics, in: 1...1024)
        homophily = try c.decode(.homophily, default: d.homophily, in: 0...1)
        concentration = try c.decodePositive(.concentration, default: d.concentration)
        centroidConcentration = try c.decodePositive(.centroidConcentration, default: d.centroidConcentration)
        activity = try c.decode(.activity, default: d.activity)
        propensity = try c.decode(.propensity, default: d.propensity)
        communities = try c.decode(.communities, default: d.communities)
        file = try c.scenarioValue(String.self, forKey: .file)
    }

    /// The generator parameters.
    public var parameters: UserParameters {
        var p = UserParameters()
        p.topicCount = topics
        p.homophily = homophily
        p.concentration = concentration
        p.centroidConcentration = centroidConcentration
        (p.activityAlpha, p.activityBeta) = (activity.alpha, activity.beta)
        (p.propensityAlpha, p.propensityBeta) = (propensity.alpha, propensity.beta)
        return p
    }
}

/// The `items` section: the catalogue.
public struct ItemSettings: Codable, Sendable, Equatable {
    /// Number of items, ≥ 1 (default 10).
    public var count: Int
    /// Dirichlet parameter of each component of an item's topics, > 0 (default 0.2; small: items about one topic).
    public var topicConcentration: Double
    /// Beta parameters of the appeal `q_i` (default α = 2, β = 2).
    public var appeal: BetaSettings
    /// Log-normal parameters of the price (default μ = 3, σ = 0.5); prices are rounded to two decimals.
    public var price: LogNormalSettings
    /// An `items.csv` whose values replace the drawn ones (``PopulationFiles``), relative to
    /// the scenario's folder unless absolute (default none); it has ``count`` rows.
    public var file: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case count
        case topicConcentration = "topic_concentration"
        case appeal, price, file
    }

    /// The documented defaults.
    public init() {
        let d = CatalogueParameters()
        count = d.count
        topicConcentration = d.topicConcentration
        appeal = BetaSettings(alpha: d.appealAlpha, beta: d.appealBeta)
        price = LogNormalSettings(mu: d.priceMu, sigma: d.priceSigma)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let d = ItemSettings()
        count = try c.decode(.count, default: d.count, in: 1...GraphSettings.maximumNodes)
        topicConcentration = try c.decodePositive(.topicConcentration, default: d.topicConcentration)
        appeal = try c.decode(.appeal, default: d.appeal)
        price = try c.decode(.price, default: d.price)
        file = try c.scenarioValue(String.self, forKey: .file)
    }

    /// The generator parameters.
    public var parameters: CatalogueParameters {
        var p = CatalogueParameters()
        p.count = count
        p.topicConcentration = topicConcentration
        (p.appealAlpha, p.appealBeta) = (appeal.alpha, appeal.beta)
        (p.priceMu, p.priceSigma) = (price.mu, price.sigma)
        return p
    }
}

/// Beta(α, β) parameters, both > 0.
public struct BetaSettings: Codable, Sendable, Equatable {
    /// The shape `α` (checked > 0 when decoded).
    public var alpha: Double
    /// The shape `β` (checked > 0 when decoded).
    public var beta: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case alpha, beta }

    /// Beta(`alpha`, `beta`), unchecked.
    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, defaults: BetaSettings(alpha: 2, beta: 2))
    }

    /// Decodes the section; a missing `alpha` or `beta` keeps the section's own default.
    init(from decoder: any Decoder, defaults: BetaSettings) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        alpha = try c.decodePositive(.alpha, default: defaults.alpha)
        beta = try c.decodePositive(.beta, default: defaults.beta)
    }
}

/// Log-normal parameters: `exp(μ + σ·Z)`.
public struct LogNormalSettings: Codable, Sendable, Equatable {
    /// `μ`: the mean of the logarithm.
    public var mu: Double
    /// `σ`: the standard deviation of the logarithm (checked ≥ 0 when decoded).
    public var sigma: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case mu, sigma }

    /// Log-normal(`mu`, `sigma`), unchecked.
    public init(mu: Double, sigma: Double) {
        self.mu = mu
        self.sigma = sigma
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, defaults: LogNormalSettings(mu: 3, sigma: 0.5))
    }

    /// Decodes the section; a missing `mu` or `sigma` keeps the section's own default.
    init(from decoder: any Decoder, defaults: LogNormalSettings) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        mu = try c.decode(.mu, default: defaults.mu)
        sigma = try c.decode(.sigma, default: defaults.sigma, atLeast: 0)
    }
}

extension KeyedDecodingContainer {
    /// A Beta section at `key` merged over `fallback`, key by key.
    func decode(_ key: Key, default fallback: BetaSettings) throws -> BetaSettings {
        guard contains(key) else { return fallback }
        return try BetaSettings(from: superDecoder(forKey: key), defaults: fallback)
    }

    /// A log-normal section at `key` merged over `fallback`, key by key.
    func decode(_ key: Key, default fallback: LogNormalSettings) throws -> LogNormalSettings {
        guard contains(key) else { return fallback }
        return try LogNormalSettings(from: superDecoder(forKey: key), defaults: fallback)
    }
}
