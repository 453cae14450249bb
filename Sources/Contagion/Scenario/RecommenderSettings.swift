/// One recommender of the `feed` section: its `type` and that recommender's keys (see
/// ``Recommenders/registry``), and its label.
public struct RecommenderSettings: Codable, Sendable, Equatable {
    /// The recommender's settings.
    public var recommender: any RecommenderEntry
    /// The label in outputs (default: the type; unique within its list).
    public var name: String

    enum CodingKeys: String, CodingKey, CaseIterable { case type, name }

    /// The recommender's `type`.
    public var type: String { recommender.type }

    /// `recommender` labelled `name` (default: its type).
    public init(_ recommender: any RecommenderEntry, name: String? = nil) {
        self.recommender = recommender
        self.name = name ?? recommender.type
    }

    public init(from decoder: any Decoder) throws {
        recommender = try Recommenders.registry.decode(from: decoder)
        name = try decoder.container(keyedBy: CodingKeys.self).decodeName(.name, default: recommender.type)
    }

    public func encode(to encoder: any Encoder) throws {
        try recommender.encodeWithType(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.recommender.isEqual(to: rhs.recommender) && lhs.name == rhs.name
    }

    /// The recommender object.
    public func makeRecommender() -> any Recommender { recommender.makeRecommender(name: name) }
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
    /// The recommenders to evaluate (default: every registered type with its defaults, but
    /// those not ``RecommenderEntry/isEvaluatedByDefault``).
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
            .recommenders, default: Recommenders.registry.defaultEntries.map { RecommenderSettings($0) })
        try c.check(!recommenders.isEmpty, .recommenders, "must list at least one recommender", got: "[]")
        try FeedSettings.checkUnique(recommenders, in: c, key: .recommenders)
        k = try c.decode(.k, default: 10, in: 1...10_000)
        trainFraction = try c.decode(.trainFraction, default: 0.8)
        try c.check(trainFraction > 0 && trainFraction < 1, .trainFraction, "must be in (0, 1)", got: trainFraction)
    }
}
