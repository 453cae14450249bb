/// The `model` section: the propagation model and its parameters.
public struct ModelSettings: Codable, Sendable, Equatable {
    /// The model names.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// ``IndependentCascade``; key `probability`.
        case independentCascade = "independent_cascade"
        /// ``LinearThreshold``; key `weights`.
        case linearThreshold = "linear_threshold"
        /// ``ContentAware``; keys `variant`, `affinity`, `click`, `purchase`, `share`, `fatigue`, `alpha`, `beta`.
        case contentAware = "content_aware"
        /// An SIR or SIS ``Epidemic``; keys `transmission`, `recovery`.
        case sir, sis
    }

    /// The model (default `content_aware`); it decides which other keys are allowed.
    public var type: Kind
    /// IC: a number `p` or `weighted_cascade`, `trivalency`, `tie_strength`.
    public var probability: ProbabilitySetting?
    /// LT: `tie_strength` or `uniform`.
    public var weights: String?
    /// SIR/SIS: per-arc, per-step transmission probability (number or preset).
    public var transmission: ProbabilitySetting?
    /// SIR/SIS: recovery probability per step.
    public var recovery: Double?
    /// Content-aware: the click rule (default `funnel`).
    public var variant: ContentAwareParameters.Variant?
    /// Content-aware: how `c(v, i)` is measured (default `cosine`).
    public var affinity: AffinityMeasure?
    /// Content-aware: the click logit's `intercept`, `tie`, `affinity` and `appeal`; a key left out keeps its
    /// default.
    public var click: [String: Double]?
    /// Content-aware: the purchase logit's `intercept`, `affinity`, `appeal` and `price`; a key left out keeps
    /// its default.
    public var purchase: [String: Double]?
    /// Content-aware: the share logit's `intercept` and `affinity`; a key left out keeps its default.
    public var share: [String: Double]?
    /// Content-aware: `γ` in [0, 1], the click probability's factor per earlier exposure (default 0.7).
    public var fatigue: Double?
    /// Content-aware seed formula: `α` ≥ 0, the weight of tie strength (default 0.5).
    public var alpha: Double?
    /// Content-aware seed formula: `β` ≥ 0, the weight of affinity (default 0.5).
    public var beta: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, probability, weights, transmission, recovery, variant, affinity, click, purchase, share
        case fatigue, alpha, beta
    }

    /// The default model: content-aware with its default parameters.
    public init() {
        type = .contentAware
        let d = ContentAwareParameters()
        variant = d.variant
        affinity = d.affinity
        click = [
            "intercept": d.clickIntercept, "tie": d.clickTie, "affinity": d.clickAffinity, "appeal": d.clickAppeal,
        ]
        purchase = [
            "intercept": d.purchaseIntercept, "affinity": d.purchaseAffinity, "appeal": d.purchaseAppeal,
            "price": d.purchasePrice,
        ]
        share = ["intercept": d.shareIntercept, "affinity": d.shareAffinity]
        fatigue = d.fatigue
        alpha = d.alpha
        beta = d.beta
    }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        type = try loose.decode(.type, default: .contentAware)
        switch type {
        case .independentCascade:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.type, .probability])
            probability = try c.decode(.probability, default: .weightedCascade)
        case .linearThreshold:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.type, .weights])
            weights = try c.decode(.weights, default: "uniform")
            try c.check(
                ["uniform", "tie_strength"].contains(weights!), .weights,
                "expected uniform or tie_strength", got: "'\(weights!)'")
        case .sir, .sis:
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: [.type, .transmission, .recovery])
            transmission = try c.decode(.transmission, default: .uniform(0.05))
            recovery = try c.decode(.recovery, default: 0.2, in: 0...1)
        case .contentAware:
            let c = try decoder.strictContainer(
                keyedBy: CodingKeys.self,
                allowed: [.type, .variant, .affinity, .click, .purchase, .share, .fatigue, .alpha, .beta])
            let d = ModelSettings()
            variant = try c.decode(.variant, default: d.variant!)
            affinity = try c.decode(.affinity, default: d.affinity!)
            click = try Self.coefficients(c, .click, defaults: d.click!)
            purchase = try Self.coefficients(c, .purchase, defaults: d.purchase!)
            share = try Self.coefficients(c, .share, defaults: d.share!)
            fatigue = try c.decode(.fatigue, default: d.fatigue!, in: 0...1)
            alpha = try c.decode(.alpha, default: d.alpha!, atLeast: 0)
            beta = try c.decode(.beta, default: d.beta!, atLeast: 0)
        }
    }

    /// A coefficient table merged over its defaults; unknown coefficient names are errors.
    private static func coefficients(
        _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, defaults: [String: Double]
    ) throws -> [String: Double] {
        var merged = defaults
        for (name, value) in try c.decode(key, default: [String: Double]()) {
            guard defaults[name] != nil else {
                throw ScenarioError(
                    at: c.codingPath + [key, AnyKey(stringValue: name)],
                    "unknown key (expected one of: \(defaults.keys.sorted().joined(separator: ", ")))")
            }
            merged[name] = value
        }
        return merged
    }

    /// The model to compile.
    public var model: PropagationModel {
        switch type {
        case .independentCascade: return .independentCascade(probability!.preset)
        case .linearThreshold: return .linearThreshold(useTieStrength: weights == "tie_strength")
        case .sir: return .epidemic(.sir, transmission: transmission!.preset, recovery: recovery!)
        case .sis: return .epidemic(.sis, transmission: transmission!.preset, recovery: recovery!)
        case .contentAware:
            var p = ContentAwareParameters()
            p.variant = variant!
            p.affinity = affinity!
            (p.clickIntercept, p.clickTie, p.clickAffinity, p.clickAppeal) =
                (click!["intercept"]!, click!["tie"]!, click!["affinity"]!, click!["appeal"]!)
            (p.purchaseIntercept, p.purchaseAffinity, p.purchaseAppeal, p.purchasePrice) =
                (purchase!["intercept"]!, purchase!["affinity"]!, purchase!["appeal"]!, purchase!["price"]!)
            (p.shareIntercept, p.shareAffinity) = (share!["intercept"]!, share!["affinity"]!)
            p.fatigue = fatigue!
            (p.alpha, p.beta) = (alpha!, beta!)
            return .contentAware(p)
        }
    }
}

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
