/// The independent cascade model (Goldenberg, Libai & Muller 2001; Kempe, Kleinberg &
/// Tardos 2003).
///
/// Seeds are active at step 0. A user activated at step `t` gets one chance, at step `t + 1`,
/// to activate each out-neighbour `v` with probability `p_uv`, independently of everything
/// else. A run ends when a step activates nobody, or at `maximumSteps`. In expectation this is
/// bond percolation: a node is reached iff a path of live arcs leads to it from a seed.
///
/// Every examined arc draws one random number, as `../shared/bench/reference_ic.c` does, so
/// both examine the same arcs and draw the same count of numbers.
///
/// - Complexity: O(seeds + arcs out of activated nodes) per run; no allocation.
public struct IndependentCascade<Probabilities: ArcProbabilities>: DiffusionModel {
    /// The graph the cascade runs on.
    public let graph: Graph
    /// `p_uv` of every arc.
    public let probabilities: Probabilities
    /// The step limit `T`.
    public let maximumSteps: Int

    /// A cascade on `graph` with the given arc probabilities.
    public init(graph: Graph, probabilities: Probabilities, maximumSteps: Int = .max) {
        self.graph = graph
        self.probabilities = probabilities
        self.maximumSteps = maximumSteps
    }

    public var nodeCount: Int { graph.nodeCount }
    public var name: String { "independent_cascade" }

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
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer,
        rng: inout Xoshiro256StarStar
    ) {
        workspace.active.beginRun()
        workspace.exposed.beginRun()
        let active = workspace.active
        let exposed = workspace.exposed
        let queue = workspace.queue.base
        var tail = 0
        for seed in seeds where active.mark(Int(seed)) {
            queue[tail] = seed
            tail += 1
            if Observer.recordsFunnel && exposed.mark(Int(seed)) { observer.exposed(seed, source: -1, step: 0) }
            observer.activated(seed, source: -1, step: 0)
        }
        // A local copy keeps the generator's state in registers across the loop's stores.
        var random = rng
        defer { rng = random }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                var head = 0
                var step = 0
                while head < tail && step < maximumSteps {
                    step += 1
                    let layerEnd = tail
                    var examined = 0
                    while head < layerEnd {
                        let u = queue[head]
                        head += 1
                        let start = offsets[Int(u)]
                        let end = offsets[Int(u) + 1]
                        examined &+= end &- start
                        for arc in start..<end {
                            let v = targets[arc]
                            if Observer.recordsFunnel && exposed.mark(Int(v)) {
                                observer.exposed(v, source: u, step: step)
                            }
                            if random.bernoulli(threshold: probabilities.threshold(ofArc: arc)) && active.mark(Int(v)) {
                                queue[tail] = v
                                tail &+= 1
                                observer.activated(v, source: u, step: step)
                            }
                        }
                    }
                    observer.examined(arcs: examined)
                    observer.finishedStep(step, infectious: tail - head)
                }
            }
        }
    }
}
