/// The per-arc success probability of a cascade model, as 32-bit Bernoulli thresholds.
///
/// Kernels are generic over this protocol so that the uniform case compiles to a constant
/// compare and the per-arc case to one load per arc.
public protocol ArcProbabilities: Sendable {
    /// The threshold of `arc`: it succeeds with probability `threshold / 2³²`.
    func threshold(ofArc arc: Int) -> UInt32
    /// The common probability when every arc has the same one (kernels may then skip
    /// geometrically), else `nil`.
    var uniformProbability: Double? { get }
}

/// Every arc succeeds with the same probability.
public struct UniformArcProbability: ArcProbabilities {
    /// The probability `p`.
    public let probability: Double
    @usableFromInline let threshold: UInt32

    /// Every arc with probability `probability`.
    public init(_ probability: Double) {
        self.probability = probability
        threshold = bernoulliThreshold(probability)
    }

    @inlinable @inline(__always)
    public func threshold(ofArc arc: Int) -> UInt32 { threshold }

    public var uniformProbability: Double? { probability }
}

/// Each arc has its own probability.
public struct PerArcProbabilities: ArcProbabilities {
    @usableFromInline let thresholds: [UInt32]

    /// One probability per arc, aligned with the graph's `targets`.
    public init(_ probabilities: [Double]) {
        thresholds = probabilities.map(bernoulliThreshold)
    }

    /// One Bernoulli threshold per arc (``bernoulliThreshold(_:)``), aligned with the graph's `targets`.
    init(thresholds: [UInt32]) { self.thresholds = thresholds }

    @inlinable @inline(__always)
    public func threshold(ofArc arc: Int) -> UInt32 { thresholds[arc] }

    public var uniformProbability: Double? { nil }
}

/// The named ways to set independent-cascade arc probabilities.
public enum CascadeProbabilityPreset: Sendable, Equatable {
    /// Every arc has probability `p`.
    case uniform(Double)
    /// `p_uv = 1 / indeg(v)` (Kempe, Kleinberg & Tardos 2003).
    case weightedCascade
    /// Each arc draws `p_uv` once, uniformly from {0.1, 0.01, 0.001} (Chen, Wang & Yang 2009).
    case trivalency
    /// `p_uv = w_uv`, the tie strength.
    case tieStrength

    /// The per-arc probabilities on `graph`; `rng` is used by `trivalency` only.
    public func probabilities(on graph: Graph, using rng: inout some RandomNumberGenerator) -> [Double] {
        switch self {
        case .uniform(let p):
            return [Double](repeating: p, count: graph.arcCount)
        case .weightedCascade:
            let inDegrees = graph.inDegrees()
            return graph.targets.map { 1 / Double(inDegrees[Int($0)]) }
        case .trivalency:
            let levels = [0.1, 0.01, 0.001]
            return (0..<graph.arcCount).map { _ in levels[rng.nextIndex(below: 3)] }
        case .tieStrength:
            return graph.tieStrengths.map { Double($0) }
        }
    }
}
