import Foundation

/// A propagation model in live-edge form: what CELF and IMM optimise.
///
/// Independent cascade and linear threshold are live-edge models exactly (Kempe, Kleinberg &
/// Tardos 2003): the users active after `T` steps are those within `T` live arcs of a seed,
/// so the expected spread is a coverage function over sampled worlds (CELF) and equals
/// `n · P(a reverse-reachable set meets the seeds)` (IMM; Borgs et al. 2014). The other
/// models are not arc-independent; they are optimised on an independent cascade with the
/// same per-arc marginal probability, and ``approximation`` says so:
/// - `content_aware`: `p_uv = a_v·p_click(u, v)·p_share(v)`; exact only with no fatigue
///   (`γ = 1`) and users always online (the online draw is shared by all shares a user sees
///   in one step).
/// - `sir`, `sis`: `p_uv = 1 − γ(1 − β_uv) / (1 − (1 − γ)(1 − β_uv))`, the chance that `u`
///   transmits to `v` during its geometric infectious period; exact for SIR with `γ = 1`.
///   The arcs out of one user share its infectious period, and SIS users can be reinfected.
public struct LiveEdgeModel: Sendable {
    /// The rule that draws a node's live in-arcs.
    public enum Rule: Sendable {
        /// Independent cascade: each in-arc live on its own.
        case independent(IndependentInArcs)
        /// Linear threshold: at most one live in-arc per node.
        case single(SingleInArc)
    }

    /// The graph.
    public let graph: Graph
    /// Its in-arcs; live-edge draws name arcs by their index here.
    public let reverse: ReverseGraph
    /// How live in-arcs are drawn.
    public let rule: Rule
    /// The step limit `T`: a node counts when it is within `T` live arcs of a seed.
    public let maximumSteps: Int
    /// Why the live-edge form differs from the model, or `nil` when it is exact.
    public let approximation: String?

    /// The live-edge form of `model` (each kernel builds its own, ``DiffusionModel/liveEdgeModel()``).
    public init(_ model: CompiledModel) {
        self = model.visit(LiveEdgeForm())
    }

    /// Why the live-edge form of `model` is only an approximation of it, or `nil` when it is exact.
    public static func approximation(of model: CompiledModel) -> String? {
        model.visit(LiveEdgeApproximation())
    }

    /// An independent cascade on `graph` whose forward arc `a` is live with `threshold(a)`
    /// (a ``bernoulliThreshold(_:)``), exact unless `approximation` says why not.
    public init(
        independentArcsOf graph: Graph, maximumSteps: Int, approximation: String?, threshold: (Int) -> UInt32
    ) {
        let reverse = ReverseGraph(graph)
        self.graph = graph
        self.reverse = reverse
        rule = .independent(IndependentInArcs(reverse: reverse, thresholds: reverse.arcs.map { threshold(Int($0)) }))
        self.maximumSteps = maximumSteps
        self.approximation = approximation
    }

    /// A linear threshold on `graph` with weights `b_uv` per forward arc (`nil`: `1/indeg(v)`).
    public init(singleArcOf graph: Graph, weights: [Float]?, maximumSteps: Int) {
        let reverse = ReverseGraph(graph)
        let reverseWeights = weights.map { weights in reverse.arcs.map { Double(weights[Int($0)]) } }
        self.graph = graph
        self.reverse = reverse
        rule = .single(SingleInArc(reverse: reverse, weights: reverseWeights))
        self.maximumSteps = maximumSteps
        approximation = nil
    }

    /// The mean probability that an arc is live: the uniform `p` that heuristics tuned for
    /// the independent cascade (``DegreeDiscount``) assume. For the single-arc rule it is
    /// `Σ_v Σ_u b_uv / arcs`.
    public var meanArcProbability: Double {
        let arcs = reverse.arcs.count
        guard arcs > 0 else { return 0 }
        switch rule {
        case .independent(let rule):
            return rule.thresholds.reduce(0.0) { $0 + ($1 == .max ? 1 : Double($1) * 0x1p-32) } / Double(arcs)
        case .single(let rule):
            let nodes = 0..<(rule.offsets.count - 1)
            let weight = nodes.reduce(0.0) { total, node in
                let end = rule.offsets[node + 1]
                guard rule.offsets[node] < end else { return total }
                return total + (rule.cumulativeWeights.isEmpty ? 1 : min(1, rule.cumulativeWeights[end - 1]))
            }
            return weight / Double(arcs)
        }
    }

    /// Calls `visitor` with the concrete rule, so that sampling loops are specialised.
    public func visit<Visitor: LiveEdgeVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch rule {
        case .independent(let rule): return visitor.visit(rule, model: self)
        case .single(let rule): return visitor.visit(rule, model: self)
        }
    }
}

/// Builds the live-edge form of a compiled model.
private struct LiveEdgeForm: DiffusionModelVisitor {
    func visit<Model: DiffusionModel>(_ model: Model) -> LiveEdgeModel { model.liveEdgeModel() }
}

/// Reads why a compiled model's live-edge form is approximate.
private struct LiveEdgeApproximation: DiffusionModelVisitor {
    func visit<Model: DiffusionModel>(_ model: Model) -> String? { model.liveEdgeApproximation }
}

/// Work to do with a live-edge model, generic over its rule.
public protocol LiveEdgeVisitor {
    /// What the work produces.
    associatedtype Result
    /// Does the work with the concrete `rule` of `model`.
    func visit<Rule: LiveInArcs>(_ rule: Rule, model: LiveEdgeModel) -> Result
}
