/// `type: neural`: ``NeuralRecommender``, two towers on learned embeddings and features.
public struct NeuralRecommenderSettings: RecommenderEntry {
    public static let type = "neural"
    public static let summary =
        "two towers (MLPs on learned embeddings and features) joined as σ(v·ReLU(W_u·h_u + W_i·h_i + b) + c)"

    /// The hyper-parameters.
    public var parameters = NeuralRecommender.Parameters()

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case loss, dimensions, epochs
        case learningRate = "learning_rate"
        case negatives
    }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var p = NeuralRecommender.Parameters()
        p.loss = try c.decode(.loss, default: p.loss)
        p.dimensions = try c.decode(.dimensions, default: p.dimensions, in: 1...256)
        p.epochs = try c.decode(.epochs, default: p.epochs, in: 1...10_000)
        p.learningRate = try c.decodePositive(.learningRate, default: p.learningRate)
        p.negatives = try c.decode(.negatives, default: p.negatives, in: 1...1000)
        parameters = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters.loss, forKey: .loss)
        try c.encode(parameters.dimensions, forKey: .dimensions)
        try c.encode(parameters.epochs, forKey: .epochs)
        try c.encode(parameters.learningRate, forKey: .learningRate)
        try c.encode(parameters.negatives, forKey: .negatives)
    }

    /// `false`: fitting the towers takes seconds (dataset-small: about 9 s), so the default
    /// evaluation leaves them out; list `neural` to score it.
    public static var isEvaluatedByDefault: Bool { false }

    public func makeRecommender(name: String) -> any Recommender {
        NeuralRecommender(name: name, parameters: parameters)
    }
}
