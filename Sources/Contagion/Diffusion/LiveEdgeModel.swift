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
    /// What each active node is worth to the objective optimised on this form (default: one
    /// each, the expected spread); RR sets draw their roots in proportion to it.
    public private(set) var weights: NodeWeights

    /// The live-edge form of `model` (each kernel builds its own, ``DiffusionModel/liveEdgeModel()``).
    public init(_ model: CompiledModel) {
        self = model.visit(LiveEdgeForm())
    }

    /// The live-edge form of `model`, its nodes worth what `objective` counts.
    ///
    /// - Throws: ``SeedingError`` naming `policy` when `model` cannot price the objective
    ///   (``SpreadObjective/worth(in:policy:)``).
    public init(_ model: CompiledModel, objective: SpreadObjective, policy: String) throws {
        self.init(model)
        if let weights = try objective.worth(in: model, policy: policy) { self.weights = weights }
    }

    /// The same form with its nodes worth `weights` (one per node of ``graph``).
    public func weighted(by weights: NodeWeights) -> LiveEdgeModel {
        precondition(weights.units.map { $0.count == graph.nodeCount } ?? true, "one worth per node")
        var model = self
        model.weights = weights
        return model
    }

    /// `W`, the objective when every node is active: `n` for the spread.
    public var spreadScale: Double { weights.total }

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
        weights = NodeWeights(unitsFor: graph.nodeCount)
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
        self.weights = NodeWeights(unitsFor: graph.nodeCount)
    }

    /// Per node `v`, the mean probability that one of its in-arcs is live (0 without
    /// in-arcs): the `p` that heuristics tuned for the uniform independent cascade
    /// (``DegreeDiscount``) assume for `v` — `p` itself under a uniform cascade, `1/indeg(v)`
    /// under weighted cascade and the uniform linear threshold, `Σ_u b_uv / indeg(v)` otherwise.
    public func meanInArcProbabilities() -> [Double] {
        (0..<graph.nodeCount).map { node in
            let arcs = reverse.offsets[node]..<reverse.offsets[node + 1]
            guard !arcs.isEmpty else { return 0 }
            switch rule {
            case .independent(let rule):
                let total = arcs.reduce(0.0) { total, arc in
                    total + thresholdProbability(rule.thresholds[arc])
                }
                return total / Double(arcs.count)
            case .single(let rule):
                let weight = rule.cumulativeWeights.isEmpty ? 1 : min(1, rule.cumulativeWeights[arcs.upperBound - 1])
                return weight / Double(arcs.count)
            }
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
