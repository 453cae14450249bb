/// The `tie_strength` section of a generated graph: how `w_uv` is drawn.
public struct TieStrengthSettings: Codable, Sendable, Equatable {
    /// `constant`, `uniform` or `beta`.
    public var distribution: String
    /// `constant`: every tie's strength, in (0, 1] (default 1).
    public var value: Double?
    /// `uniform`: the lower bound, in (0, 1] (default 0.1).
    public var min: Double?
    /// `uniform`: the upper bound, in [`min`, 1] (default 1).
    public var max: Double?
    /// `beta`: the shape `α` > 0 (default 2).
    public var alpha: Double?
    /// `beta`: the shape `β` > 0 (default 5).
    public var beta: Double?

    enum CodingKeys: String, CodingKey, CaseIterable { case distribution, value, min, max, alpha, beta }

    /// The default: uniform in [0.1, 1].
    public init() {
        distribution = "uniform"
        min = 0.1
        max = 1
    }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        distribution = try loose.decode(.distribution, default: "uniform")
        let allowed: [CodingKeys]
        switch distribution {
        case "constant": allowed = [.distribution, .value]
        case "uniform": allowed = [.distribution, .min, .max]
        case "beta": allowed = [.distribution, .alpha, .beta]
        default:
            throw ScenarioError(
                at: decoder.codingPath + [CodingKeys.distribution],
                "expected one of: constant, uniform, beta, got '\(distribution)'")
        }
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: allowed)
        switch distribution {
        case "constant":
            value = try c.decode(.value, default: 1.0)
            try c.check(value! > 0 && value! <= 1, .value, "must be in (0, 1]", got: value!)
        case "uniform":
            min = try c.decode(.min, default: 0.1)
            try c.check(min! > 0 && min! <= 1, .min, "must be in (0, 1]", got: min!)
            max = try c.decode(.max, default: 1.0, in: min!...1)
        default:
            alpha = try c.decodePositive(.alpha, default: 2)
            beta = try c.decodePositive(.beta, default: 5)
        }
    }

    /// The distribution to draw from.
    public var distributionValue: TieStrengthDistribution {
        switch distribution {
        case "constant": return .constant(value!)
        case "uniform": return .uniform(min: min!, max: max!)
        default: return .beta(alpha: alpha!, beta: beta!)
        }
    }
}
