import Foundation

/// The independent cascade model (Goldenberg, Libai & Muller 2001; Kempe, Kleinberg &
/// Tardos 2003).
///
/// Seeds are active at step 0. A user activated at step `t` gets one chance, at step `t + 1`,
/// to activate each out-neighbour `v` with probability `p_uv`, independently of everything
/// else. A run ends when a step activates nobody, or at `maximumSteps`. In expectation this is
/// bond percolation: a node is reached iff a path of live arcs leads to it from a seed.
///
/// With per-arc probabilities every examined arc draws one random number. With a uniform
/// `p` the kernel jumps straight to the next successful arc by geometric skipping (the
/// number of failures before a success is `⌊log U / log(1 − p)⌋`), with an exact early exit
/// when `U ≤ (1 − p)^outdeg(u)`, i.e. no arc of `u` succeeds: the same law, about
/// `1 + p·outdeg(u)` draws per active node instead of `outdeg(u)`; it is used for p < 0.05,
/// where it is faster.
///
/// In a ``PossibleWorld`` the arc `u → v` transmits iff draw `arc` of the world's
/// transmission family passes `p_uv` (per-arc kernel), or iff the skips of node `u`'s own
/// stream land on it (skipping kernel): either way the live arcs are fixed by the world, not
/// by the order in which nodes activate. The `icg` mode of the C reference loop (`Docs/Performance.md`) is the same algorithm.
///
/// - Complexity: O(seeds + arcs out of activated nodes) per run; no allocation.
public struct IndependentCascade<Probabilities: ArcProbabilities>: DiffusionModel {
    /// The graph the cascade runs on.
    public let graph: Graph
    /// `p_uv` of every arc.
    public let probabilities: Probabilities
    /// The step limit `T`.
    public let maximumSteps: Int
    /// For a uniform `p`: the parameters of geometric skipping; `nil` otherwise.
    let skipping: GeometricSkipping?

    /// A cascade on `graph` with the given arc probabilities.
    public init(graph: Graph, probabilities: Probabilities, maximumSteps: Int = .max) {
        self.graph = graph
        self.probabilities = probabilities
        self.maximumSteps = maximumSteps
        // Skipping pays when most active nodes have no successful arc at all (one draw, no
        // log); above p ≈ 0.05 one draw per arc is cheaper (contagion-bench on BA 100k, p = 0.1:
        // 620 runs/s per arc against 475 skipping; p = 0.01: 1.42M skipping against 716k).
        skipping = probabilities.uniformProbability.flatMap {
            $0 < GeometricSkipping.largestProbability ? GeometricSkipping(probability: $0, graph: graph) : nil
        }
    }

    /// Geometric skipping over the out-arcs of a node when every arc has the same `p`.
    struct GeometricSkipping: Sendable {
        /// Uniform probabilities below this use skipping.
        static var largestProbability: Double { 0.05 }

        /// `(1 − p)^outdeg(u)`: the probability that no arc of `u` succeeds.
        let noSuccess: [Double]
        /// `1 / log(1 − p)`.
        let inverseLogFailure: Double

        init(probability p: Double, graph: Graph) {
            // Below 2⁻³² the per-arc kernel's threshold is 0 too: treat p as 0, exactly.
            let effective = p < 0x1p-32 ? 0 : p
            let logFailure = log1p(-effective)
            inverseLogFailure = 1 / logFailure
            noSuccess = (0..<graph.nodeCount).map { exp(Double(graph.outDegree(of: NodeID($0))) * logFailure) }
        }

        /// The number of failures before the next success given a uniform `U` in (0, 1],
        /// capped at `limit` (a value ≥ `limit` means "no further success").
        @inline(__always)
        func failures(_ u: Double, limit: Int) -> Int {
            Distributions.geometricFailures(u, inverseLogFailure: inverseLogFailure, limit: limit)
        }
    }

    /// The number of users, ``graph``'s node count.
    public var nodeCount: Int { graph.nodeCount }
    /// Always `independent_cascade`, whatever the arc probabilities.
    public var name: String { "independent_cascade" }

    /// Exactly a live-edge model: each arc live on its own with `p_uv`.
    public func liveEdgeModel() -> LiveEdgeModel {
        LiveEdgeModel(independentArcsOf: graph, maximumSteps: maximumSteps, approximation: nil) {
            probabilities.threshold(ofArc: $0)
        }
    }

    /// `nil`: the live-edge form is exact.
    public var liveEdgeApproximation: String? { nil }

    /// Scratch: active marks, exposure marks and the breadth-first queue.
    public struct Workspace {
        var active: RunStamps
        var exposed: RunStamps
        var queue: ScratchArray<NodeID>
    }

    public func makeWorkspace() -> Workspace {
        Workspace(
            active: RunStamps(count: nodeCount), exposed: RunStamps(count: nodeCount),
            queue: ScratchArray(repeating: 0, count: nodeCount))
    }

    public func run<Observer: CascadeObserver>(
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer, world: PossibleWorld
    ) {
        workspace.active.beginRun()
        workspace.exposed.beginRun()
        let exposed = workspace.exposed
        var frontier = Frontier(active: workspace.active, queue: workspace.queue)
        for index in frontier.activateSeeds(seeds) {
            let seed = frontier.user(at: index)
            if Observer.recordsFunnel && exposed.mark(Int(seed)) { observer.exposed(seed, source: -1, step: 0) }
            observer.activated(seed, source: -1, step: 0)
        }
        let transmission = world.aspect(.transmission)
        let nodes = world.aspect(.node)
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
                        if Observer.recordsFunnel {
                            for arc in start..<end where exposed.mark(Int(targets[arc])) {
                                observer.exposed(targets[arc], source: u, step: step)
                            }
                        }
                        if let skipping {
                            // The live out-arcs of `u` in this world: its own draw, then (when
                            // some arc succeeds) its own stream of skips.
                            let first = nodes.openUnit(Int(u))
                            if first <= skipping.noSuccess[Int(u)] { continue }
                            var random = nodes.stream(Int(u))
                            var arc = start + skipping.failures(first, limit: end - start)
                            while arc < end {
                                if frontier.activate(targets[arc]) {
                                    observer.activated(targets[arc], source: u, step: step)
                                }
                                arc += 1 + skipping.failures(random.nextOpenUnit(), limit: end - arc)
                            }
                        } else {
                            for arc in start..<end
                            where transmission.bernoulli(arc, threshold: probabilities.threshold(ofArc: arc))
                                && frontier.activate(targets[arc])
                            {
                                observer.activated(targets[arc], source: u, step: step)
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
