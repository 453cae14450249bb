/// The `rl` section: how `contagion train` trains a seeding policy on the scenario's graphs.
public struct LearningSettings: Codable, Sendable, Equatable {
    /// Training episodes (default 300).
    public var episodes: Int
    /// Episodes per training graph: a fresh graph (and population) from the scenario's
    /// generator every this many episodes (default 10).
    public var graphEvery: Int
    /// The items the policy chooses among (default: `simulation.items`).
    public var items: [Int]?
    /// The generator of the training graphs (default: the scenario's `graph`), so that one
    /// file can train on small graphs and evaluate on a large one.
    public var graph: GraphSettings?
    /// The campaign: budget, rounds, candidates, reward sets.
    public var environment: SeedingEnvironment.Configuration
    /// What the reward counts: `adopters` (default), `purchases` or `revenue` (``SpreadObjective``).
    public var objective: SpreadObjective
    /// The learner's hyper-parameters.
    public var learner: DeepQLearning.Parameters
    /// Whether each training graph is embedded (the scenario's `embedding` section), so that
    /// the embedding-similarity feature is live (default false: it stays 0).
    public var usesEmbedding: Bool
    /// The comparison `contagion train` runs after training, on a held-out graph (`nil`: none).
    public var evaluation: LearningEvaluationSettings?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case episodes
        case graphEvery = "graph_every"
        case items, graph, budget, rounds, candidates
        case rewardSets = "reward_sets"
        case objective, learner, evaluation
        case usesEmbedding = "uses_embedding"
    }

    /// The documented defaults.
    public init() {
        objective = .adopters
        episodes = 300
        graphEvery = 10
        usesEmbedding = false
        environment = .init()
        learner = .init()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        episodes = try c.decode(.episodes, default: episodes, in: 1...10_000_000)
        graphEvery = try c.decode(.graphEvery, default: graphEvery, atLeast: 1)
        items = try c.decodeIfPresent([Int].self, forKey: .items)
        if let items {
            try c.check(
                !items.isEmpty && items.allSatisfy { $0 >= 0 } && Set(items).count == items.count, .items,
                "must be a non-empty list of distinct item indices ≥ 0", got: items)
        }
        graph = try c.decodeIfPresent(GraphSettings.self, forKey: .graph)
        environment.budget = try c.decode(.budget, default: environment.budget, in: 1...1_000_000)
        environment.rounds = try c.decode(.rounds, default: environment.rounds, in: 1...environment.budget)
        environment.candidates = try c.decode(.candidates, default: environment.candidates, in: 1...1_000_000)
        environment.rewardSets = try c.decode(.rewardSets, default: environment.rewardSets, in: 1...100_000_000)
        objective = try c.decode(.objective, default: objective)
        if c.contains(.learner) { learner = try Self.decodeLearner(c.superDecoder(forKey: .learner)) }
        evaluation = try c.decodeIfPresent(LearningEvaluationSettings.self, forKey: .evaluation)
        usesEmbedding = try c.decode(.usesEmbedding, default: usesEmbedding)
    }

    /// The `rl.learner` object, every key optional, ranges checked.
    private static func decodeLearner(_ decoder: any Decoder) throws -> DeepQLearning.Parameters {
        let c = try decoder.strictContainer(keyedBy: DeepQLearning.Parameters.CodingKeys.self)
        var learner = DeepQLearning.Parameters()
        learner.hiddenLayers = try c.decode(.hiddenLayers, default: learner.hiddenLayers)
        try c.check(
            learner.hiddenLayers.allSatisfy { (1...4096).contains($0) }, .hiddenLayers,
            "must list layer sizes in [1, 4096]", got: learner.hiddenLayers)
        learner.learningRate = try c.decodePositive(.learningRate, default: learner.learningRate)
        learner.discount = try c.decode(.discount, default: learner.discount, in: 0...1)
        learner.steps = try c.decode(.steps, default: learner.steps, in: 1...1000)
        learner.replayCapacity = try c.decode(.replayCapacity, default: learner.replayCapacity, in: 1...10_000_000)
        learner.batchSize = try c.decode(.batchSize, default: learner.batchSize, in: 1...learner.replayCapacity)
        learner.targetUpdate = try c.decode(.targetUpdate, default: learner.targetUpdate, atLeast: 1)
        learner.epsilonStart = try c.decode(.epsilonStart, default: learner.epsilonStart, in: 0...1)
        learner.epsilonEnd = try c.decode(.epsilonEnd, default: learner.epsilonEnd, in: 0...1)
        learner.explorationEpisodes = try c.decode(
            .explorationEpisodes, default: learner.explorationEpisodes, atLeast: 1)
        return learner
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(episodes, forKey: .episodes)
        try c.encode(graphEvery, forKey: .graphEvery)
        try c.encodeIfPresent(items, forKey: .items)
        try c.encodeIfPresent(graph, forKey: .graph)
        try c.encode(environment.budget, forKey: .budget)
        try c.encode(environment.rounds, forKey: .rounds)
        try c.encode(environment.candidates, forKey: .candidates)
        try c.encode(environment.rewardSets, forKey: .rewardSets)
        try c.encode(objective, forKey: .objective)
        try c.encode(learner, forKey: .learner)
        try c.encodeIfPresent(evaluation, forKey: .evaluation)
        try c.encode(usesEmbedding, forKey: .usesEmbedding)
    }
}

/// The `rl.evaluation` section: the trained policy against fixed-seed baselines on a held-out
/// graph, episode by episode on common realisations.
public struct LearningEvaluationSettings: Codable, Sendable, Equatable {
    /// The held-out graph (default: the scenario's `graph`).
    public var graph: GraphSettings?
    /// Episodes (realisations) compared (default 200).
    public var episodes: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case graph, episodes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        graph = try c.decodeIfPresent(GraphSettings.self, forKey: .graph)
        episodes = try c.decode(.episodes, default: 200, in: 1...1_000_000)
    }
}
