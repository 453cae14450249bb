/// An arc probability in a scenario: a number in [0, 1] or a preset name.
public enum ProbabilitySetting: Codable, Sendable, Equatable {
    /// The same probability on every arc, in [0, 1].
    case uniform(Double)
    /// `weighted_cascade`: `p_uv = 1 / indeg(v)`.
    case weightedCascade
    /// `trivalency`: each arc draws one of 0.1, 0.01 and 0.001.
    case trivalency
    /// `tie_strength`: `p_uv = w_uv`.
    case tieStrength

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let p = try? container.decode(Double.self) {
            guard (0...1).contains(p) else {
                throw ScenarioError(at: decoder.codingPath, "must be in [0, 1], got \(p)")
            }
            self = .uniform(p)
            return
        }
        guard let name = try? container.decode(String.self) else {
            throw ScenarioError(at: decoder.codingPath, "expected a probability or a preset name")
        }
        switch name {
        case "weighted_cascade": self = .weightedCascade
        case "trivalency": self = .trivalency
        case "tie_strength": self = .tieStrength
        default:
            throw ScenarioError(
                at: decoder.codingPath,
                "expected a number in [0, 1] or one of weighted_cascade, trivalency, tie_strength, got '\(name)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .uniform(let p): try container.encode(p)
        case .weightedCascade: try container.encode("weighted_cascade")
        case .trivalency: try container.encode("trivalency")
        case .tieStrength: try container.encode("tie_strength")
        }
    }

    /// The model-layer preset.
    public var preset: CascadeProbabilityPreset {
        switch self {
        case .uniform(let p): return .uniform(p)
        case .weightedCascade: return .weightedCascade
        case .trivalency: return .trivalency
        case .tieStrength: return .tieStrength
        }
    }
}
