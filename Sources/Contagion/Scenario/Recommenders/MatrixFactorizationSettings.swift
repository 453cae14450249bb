/// `type: matrix_factorization`: ``MatrixFactorizationRecommender``, with defaults from its
/// ``MatrixFactorizationRecommender/Parameters``.
public struct MatrixFactorizationSettings: RecommenderEntry {
    public static let type = "matrix_factorization"
    public static let summary = "p(u, i) = σ(h_u·h_i + b_u + b_i) learned by SGD on clicks (logistic or BPR loss)"

    /// The hyper-parameters.
    public var parameters = MatrixFactorizationRecommender.Parameters()

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case loss, factors, epochs
        case learningRate = "learning_rate"
        case regularization, negatives
    }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var p = MatrixFactorizationRecommender.Parameters()
        p.loss = try c.decode(.loss, default: p.loss)
        p.factors = try c.decode(.factors, default: p.factors, in: 1...1024)
        p.epochs = try c.decode(.epochs, default: p.epochs, in: 1...10_000)
        p.learningRate = try c.decodePositive(.learningRate, default: p.learningRate)
        p.regularization = try c.decode(.regularization, default: p.regularization, atLeast: 0)
        p.negatives = try c.decode(.negatives, default: p.negatives, in: 1...1000)
        parameters = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters.loss, forKey: .loss)
        try c.encode(parameters.factors, forKey: .factors)
        try c.encode(parameters.epochs, forKey: .epochs)
        try c.encode(parameters.learningRate, forKey: .learningRate)
        try c.encode(parameters.regularization, forKey: .regularization)
        try c.encode(parameters.negatives, forKey: .negatives)
    }

    public func makeRecommender(name: String) -> any Recommender {
        MatrixFactorizationRecommender(name: name, parameters: parameters)
    }
}
