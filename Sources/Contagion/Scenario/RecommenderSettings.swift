/// One recommender of the `feed` section: its type, label and hyper-parameters.
public struct RecommenderSettings: Codable, Sendable, Equatable {
    /// The built-in recommenders, by scenario name.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// ``RandomRecommender``, ``PopularityRecommender``, ``OracleRecommender``, ``ContentRecommender``.
        case random, popularity, oracle, content
        /// ``UserKNNRecommender``; key `neighbours`.
        case userCF = "user_cf"
        /// ``ItemKNNRecommender``.
        case itemCF = "item_cf"
        /// ``EmbeddingRecommender``; key `blend`.
        case embedding
        /// ``MatrixFactorizationRecommender``; keys `loss`, `factors`, `epochs`, `learning_rate`,
        /// `regularization`, `negatives`.
        case matrixFactorization = "matrix_factorization"
    }

    /// The recommender (required); it decides which other keys are allowed.
    public var type: Kind
    /// The label in outputs (default: the type; unique within its list).
    public var name: String
    /// `user_cf`: neighbours per user (default 50).
    public var neighbours: Int?
    /// `embedding`: the weight `λ` of the graph part against content (default 0.5).
    public var blend: Double?
    /// `matrix_factorization`: its hyper-parameters.
    public var factorization: MatrixFactorizationRecommender.Parameters?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, name, neighbours, blend, loss, factors, epochs
        case learningRate = "learning_rate"
        case regularization, negatives
    }

    /// A recommender of `type` with its defaults.
    public init(type: Kind) {
        self.type = type
        name = type.rawValue
        switch type {
        case .userCF: neighbours = 50
        case .embedding: blend = 0.5
        case .matrixFactorization: factorization = .init()
        default: break
        }
    }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        let type = try loose.decode(Kind.self, forKey: .type)
        var allowed: [CodingKeys] = [.type, .name]
        switch type {
        case .userCF: allowed.append(.neighbours)
        case .embedding: allowed.append(.blend)
        case .matrixFactorization: allowed += [.loss, .factors, .epochs, .learningRate, .regularization, .negatives]
        default: break
        }
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: allowed)
        self.init(type: type)
        name = try c.decode(.name, default: type.rawValue)
        switch type {
        case .userCF:
            neighbours = try c.decode(.neighbours, default: 50, atLeast: 1)
        case .embedding:
            blend = try c.decode(.blend, default: 0.5, in: 0...1)
        case .matrixFactorization:
            var p = MatrixFactorizationRecommender.Parameters()
            p.loss = try c.decode(.loss, default: p.loss)
            p.factors = try c.decode(.factors, default: p.factors, in: 1...1024)
            p.epochs = try c.decode(.epochs, default: p.epochs, in: 1...10_000)
            p.learningRate = try c.decodePositive(.learningRate, default: p.learningRate)
            p.regularization = try c.decode(.regularization, default: p.regularization, atLeast: 0)
            p.negatives = try c.decode(.negatives, default: p.negatives, in: 1...1000)
            factorization = p
        default:
            break
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(neighbours, forKey: .neighbours)
        try c.encodeIfPresent(blend, forKey: .blend)
        if let p = factorization {
            try c.encode(p.loss, forKey: .loss)
            try c.encode(p.factors, forKey: .factors)
            try c.encode(p.epochs, forKey: .epochs)
            try c.encode(p.learningRate, forKey: .learningRate)
            try c.encode(p.regularization, forKey: .regularization)
            try c.encode(p.negatives, forKey: .negatives)
        }
    }

    /// The recommender object.
    public func makeRecommender() -> any Recommender {
        switch type {
        case .random: return RandomRecommender(name: name)
        case .popularity: return PopularityRecommender(name: name)
        case .oracle: return OracleRecommender(name: name)
        case .content: return ContentRecommender(name: name)
        case .userCF: return UserKNNRecommender(name: name, neighbourCount: neighbours!)
        case .itemCF: return ItemKNNRecommender(name: name)
        case .embedding: return EmbeddingRecommender(name: name, blend: blend!)
        case .matrixFactorization: return MatrixFactorizationRecommender(name: name, parameters: factorization!)
        }
    }
}

/// The `feed` section: the recommender in the loop and its offline evaluation.
public struct FeedSettings: Codable, Sendable, Equatable {
    /// The recommenders to compare in the loop; every (policy, k) arm runs once with each.
    public var recommenders: [RecommenderSettings]
    /// Feed slots per online user and step (`r`, default 2).
    public var slots: Int
    /// Steps between refits (default 5).
    public var retrainEvery: Int
    /// The offline evaluation (`recommenders.csv`), or `nil` for none.
    public var evaluation: EvaluationSettings?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case recommenders, slots
        case retrainEvery = "retrain_every"
        case evaluation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        recommenders = try c.decode([RecommenderSettings].self, forKey: .recommenders)
        try c.check(!recommenders.isEmpty, .recommenders, "must list at least one recommender", got: "[]")
        try Self.checkUnique(recommenders, in: c, key: .recommenders)
        slots = try c.decode(.slots, default: 2, in: 0...1000)
        retrainEvery = try c.decode(.retrainEvery, default: 5, in: 1...1_000_000)
        evaluation = try c.decodeIfPresent(EvaluationSettings.self, forKey: .evaluation)
    }

    static func checkUnique<Key: CodingKey>(
        _ list: [RecommenderSettings], in c: KeyedDecodingContainer<Key>, key: Key
    ) throws {
        var seen = Set<String>()
        for (index, recommender) in list.enumerated() where !seen.insert(recommender.name).inserted {
            throw ScenarioError(
                at: c.codingPath + [key, AnyKey(intValue: index), RecommenderSettings.CodingKeys.name],
                "must be unique, got '\(recommender.name)' twice")
        }
    }

    /// The loop's parameters.
    public var parameters: FeedParameters {
        var p = FeedParameters()
        p.slots = slots
        p.retrainEvery = retrainEvery
        return p
    }
}

/// The `feed.evaluation` section: which recommenders to score offline, at which `k`.
public struct EvaluationSettings: Codable, Sendable, Equatable {
    /// The recommenders to evaluate (default: all eight types with their defaults).
    public var recommenders: [RecommenderSettings]
    /// The length `k` of the evaluated lists (default 10).
    public var k: Int
    /// The share of clicks before the cut-off step (default 0.8).
    public var trainFraction: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case recommenders, k
        case trainFraction = "train_fraction"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        recommenders = try c.decode(
            .recommenders, default: RecommenderSettings.Kind.allCases.map(RecommenderSettings.init))
        try c.check(!recommenders.isEmpty, .recommenders, "must list at least one recommender", got: "[]")
        try FeedSettings.checkUnique(recommenders, in: c, key: .recommenders)
        k = try c.decode(.k, default: 10, atLeast: 1)
        trainFraction = try c.decode(.trainFraction, default: 0.8)
        try c.check(trainFraction > 0 && trainFraction < 1, .trainFraction, "must be in (0, 1)", got: trainFraction)
    }
}
