/// The `tie_strength` section of a generated graph: how `w_uv` is drawn.
///
/// `distribution` names the law (`constant`, `uniform` or `beta`, default `uniform`) and decides
/// which other keys are allowed; a key left out keeps its default.
public struct TieStrengthSettings: Codable, Sendable, Equatable {
    /// The law the strengths are drawn from (default uniform in [0.1, 1]).
    public var distributionValue: TieStrengthDistribution

    /// The `distribution` names.
    enum Name: String, Codable, CaseIterable, ScenarioKeyword {
        case constant, uniform, beta
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case distribution, value, min, max, alpha, beta }

    /// The default: uniform in [0.1, 1].
    public init() { distributionValue = .uniform(min: 0.1, max: 1) }

    /// Strengths drawn from `distribution`.
    public init(_ distribution: TieStrengthDistribution) { distributionValue = distribution }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        switch try loose.decode(.distribution, default: Name.uniform) {
        case .constant:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.distribution, .value])
            let value = try c.decode(.value, default: 1.0)
            try c.check(value > 0 && value <= 1, .value, "must be in (0, 1]", got: value)
            distributionValue = .constant(value)
        case .uniform:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.distribution, .min, .max])
            let min = try c.decode(.min, default: 0.1)
            try c.check(min > 0 && min <= 1, .min, "must be in (0, 1]", got: min)
            distributionValue = .uniform(min: min, max: try c.decode(.max, default: 1.0, in: min...1))
        case .beta:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.distribution, .alpha, .beta])
            distributionValue = .beta(
                alpha: try c.decodePositive(.alpha, default: 2), beta: try c.decodePositive(.beta, default: 5))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch distributionValue {
        case .constant(let value):
            try c.encode(Name.constant, forKey: .distribution)
            try c.encode(value, forKey: .value)
        case .uniform(let min, let max):
            try c.encode(Name.uniform, forKey: .distribution)
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
        case .beta(let alpha, let beta):
            try c.encode(Name.beta, forKey: .distribution)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(beta, forKey: .beta)
        }
    }
}
