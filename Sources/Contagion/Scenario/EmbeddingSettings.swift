import Foundation

/// The `embedding` section: how the graph embedding used by the `embedding` recommender and
/// seeding policy (and by `contagion embed`) is trained.
public struct EmbeddingSettings: Codable, Sendable, Equatable {
    /// The random walks.
    public var walks = WalkParameters()
    /// The skip-gram training; scenarios default to the deterministic mode so that a run's
    /// tables stay byte-identical for a seed.
    public var skipGram: SkipGramParameters

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dimensions
        case walkLength = "walk_length"
        case walksPerNode = "walks_per_node"
        case p, q, window, negatives, epochs
        case learningRate = "learning_rate"
        case training
    }

    /// The documented defaults: DeepWalk walks (10 per node of length 40), 64 dimensions,
    /// window 5, 5 negatives, 1 epoch, deterministic training.
    public init() {
        skipGram = SkipGramParameters()
        skipGram.mode = .deterministic
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        skipGram.dimensions = try c.decode(.dimensions, default: skipGram.dimensions, in: 1...4096)
        walks.length = try c.decode(.walkLength, default: walks.length, in: 2...100_000)
        walks.walksPerNode = try c.decode(.walksPerNode, default: walks.walksPerNode, in: 1...10_000)
        walks.returnParameter = try c.decodePositive(.p, default: walks.returnParameter)
        walks.inOutParameter = try c.decodePositive(.q, default: walks.inOutParameter)
        try c.check(
            walks.proposalRatio <= WalkParameters.largestProposalRatio, .q,
            "with p, must keep max(1/p, 1, 1/q) / min(1/p, 1, 1/q) ≤ 10⁴ (rejection sampling would stall)",
            got: walks.inOutParameter)
        skipGram.window = try c.decode(.window, default: skipGram.window, in: 1...1000)
        skipGram.negatives = try c.decode(.negatives, default: skipGram.negatives, in: 0...1000)
        skipGram.epochs = try c.decode(.epochs, default: skipGram.epochs, in: 1...1000)
        skipGram.learningRate = try c.decodePositive(.learningRate, default: skipGram.learningRate)
        skipGram.mode = try c.decode(.training, default: skipGram.mode)
    }

    /// These settings with `values` (section keys such as `window`, each a JSON value) applied,
    /// checked exactly as a scenario's `embedding` section is (`contagion embed`'s options).
    ///
    /// - Throws: ``ScenarioError`` at the key, as for the section.
    public func overriding(_ values: [String: JSONValue]) throws -> EmbeddingSettings {
        let current = try JSONValue.parse(JSONEncoder().encode(self))
        guard case .object(var fields) = current else { return self }
        fields.merge(values) { $1 }
        do {
            return try JSONDecoder().decode(
                EmbeddingSettings.self, from: JSONEncoder().encode(JSONValue.object(fields)))
        } catch let error as DecodingError {
            throw ScenarioLoader.scenarioError(error)
        }
    }

    /// The walks and skip-gram to train.
    public var parameters: GraphEmbedding.Parameters { .init(walks: walks, skipGram: skipGram) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(skipGram.dimensions, forKey: .dimensions)
        try c.encode(walks.length, forKey: .walkLength)
        try c.encode(walks.walksPerNode, forKey: .walksPerNode)
        try c.encode(walks.returnParameter, forKey: .p)
        try c.encode(walks.inOutParameter, forKey: .q)
        try c.encode(skipGram.window, forKey: .window)
        try c.encode(skipGram.negatives, forKey: .negatives)
        try c.encode(skipGram.epochs, forKey: .epochs)
        try c.encode(skipGram.learningRate, forKey: .learningRate)
        try c.encode(skipGram.mode, forKey: .training)
    }
}
