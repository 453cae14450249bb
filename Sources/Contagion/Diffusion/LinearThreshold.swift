/// The linear threshold model (Granovetter 1978; Kempe, Kleinberg & Tardos 2003).
///
/// Each arc `u → v` carries the normalised weight `b_uv = w_uv / Σ_{u'} w_u'v`, so a node's
/// in-weights sum to 1. Each node draws a threshold `θ_v ~ U(0, 1)` once per run (lazily,
/// the first time an active in-neighbour reaches it). `v` activates in the step after the
/// summed weight of its active in-neighbours first reaches `θ_v`. Equivalently (Kempe et
/// al.), each node keeps at most one live in-arc, `u → v` with probability `b_uv`. In a
/// ``PossibleWorld`` `θ_v` is draw `v` of the world's node family.
///
/// With uniform weights `b_uv = 1/indeg(v)` the kernel counts instead of adding: `v` needs
/// `⌈indeg(v)·θ_v⌉` active in-neighbours, which is uniform on {1, …, indeg(v)} — the same
/// law with integer arithmetic (as the C reference loop of `Docs/Performance.md` does).
///
/// - Complexity: O(seeds + arcs out of activated nodes) per run; no allocation.
public struct LinearThreshold: DiffusionModel {
    /// The graph the cascade runs on.
    public let graph: Graph
    /// `b_uv` of every arc.
    public let weights: [Float]
    /// The step limit `T`.
    public let maximumSteps: Int
    /// In-degrees when the weights are uniform (`b_uv = 1/indeg(v)`), for the counting kernel.
    let uniformInDegrees: [Int32]?

    /// A linear-threshold model with the weights `b_uv` given per arc (aligned with the graph's
    /// `targets`; each node's in-weights summing to at most 1).
    init(graph: Graph, weights: [Float], maximumSteps: Int) {
        precondition(weights.count == graph.arcCount)
        self.graph = graph
        self.weights = weights
        self.maximumSteps = maximumSteps
        uniformInDegrees = nil
    }

    /// A linear-threshold model with `b_uv` proportional to tie strength (`useTieStrength`)
    /// or uniform over in-neighbours (`b_uv = 1 / indeg(v)`).
    public init(graph: Graph, useTieStrength: Bool, maximumSteps: Int = .max) {
        self.graph = graph
        self.maximumSteps = maximumSteps
        if useTieStrength {
            let totals = graph.inStrengths()
            weights = (0..<graph.arcCount).map {
                Float(Double(graph.tieStrengths[$0]) / totals[Int(graph.targets[$0])])
            }
            uniformInDegrees = nil
        } else {
            let inDegrees = graph.inDegrees()
            weights = graph.targets.map { 1 / Float(inDegrees[Int($0)]) }
            uniformInDegrees = inDegrees
        }
    }

    /// The number of users, ``graph``'s node count.
    public var nodeCount: Int { graph.nodeCount }
    /// Always `linear_threshold`, whatever the weights.
    public var name: String { "linear_threshold" }

    /// Exactly a live-edge model: at most one live in-arc per node, `u → v` with `b_uv`.
    public func liveEdgeModel() -> LiveEdgeModel {
        LiveEdgeModel(
            singleArcOf: graph, weights: uniformInDegrees == nil ? weights : nil, maximumSteps: maximumSteps)
    }

    /// `nil`: the live-edge form is exact.
    public var liveEdgeApproximation: String? { nil }

    /// Scratch: active and reached marks, the weight each node still needs, the queue.
    public struct Workspace {
        var active: RunStamps
        var reached: RunStamps
        /// `θ_v` minus the weight of `v`'s active in-neighbours so far.
        var remaining: ScratchArray<Double>
        /// Uniform weights: active in-neighbours `v` still needs.
        var needed: ScratchArray<Int32>
        var queue: ScratchArray<NodeID>
    }

    public func makeWorkspace() -> Workspace {
        Workspace(
            active: RunStamps(count: nodeCount), reached: RunStamps(count: nodeCount),
            remaining: ScratchArray(repeating: 0, count: uniformInDegrees == nil ? nodeCount : 0),
            needed: ScratchArray(repeating: 0, count: uniformInDegrees == nil ? 0 : nodeCount),
            queue: ScratchArray(repeating: 0, count: nodeCount))
    }

    public func run<Observer: CascadeObserver>(
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer, world: PossibleWorld
    ) {
        workspace.active.beginRun()
        workspace.reached.beginRun()
        let reached = workspace.reached
        let remaining = workspace.remaining.base
        let needed = workspace.needed.base
        var frontier = Frontier(active: workspace.active, queue: workspace.queue)
        for index in frontier.activateSeeds(seeds) {
            let seed = frontier.user(at: index)
            if reached.mark(Int(seed)) { observer.exposed(seed, source: -1, step: 0) }
            observer.activated(seed, source: -1, step: 0)
        }
        let thresholds = world.aspect(.node)
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                var step = 0
                while frontier.hasLayer && step < maximumSteps {
                    step += 1
                    var examined = 0
                    for index in frontier.takeLayer() {
                        let u = frontier.user(at: index)
                        let start = offsets[Int(u)]
                        let end = offsets[Int(u) + 1]
                        examined &+= end &- start
                        for arc in start..<end {
                            let v = Int(targets[arc])
                            if frontier.isActive(v) { continue }
                            let isFirstReach = reached.mark(v)
                            if isFirstReach { observer.exposed(NodeID(v), source: u, step: step) }
                            let crossed: Bool
                            if let uniformInDegrees {
                                if isFirstReach {
                                    needed[v] = 1 + Int32(thresholds.index(v, below: Int(uniformInDegrees[v])))
                                }
                                needed[v] -= 1
                                crossed = needed[v] == 0
                            } else {
                                if isFirstReach { remaining[v] = thresholds.unit(v) }
                                remaining[v] -= Double(weights[arc])
                                // The Float weights of a node sum to 1 only within rounding;
                                // the 1e-6 slack keeps "all in-neighbours active ⇒ active" exact.
                                crossed = remaining[v] <= 1e-6
                            }
                            if crossed && frontier.activate(NodeID(v)) {
                                observer.activated(NodeID(v), source: u, step: step)
                            }
                        }
                    }
                    observer.examined(arcs: examined)
                    observer.finishedStep(step, infectious: frontier.pending)
                }
            }
        }
    }
}
