/// `R` worlds drawn from a live-edge model, each stored as the compressed rows of its live arcs.
///
/// Drawing the worlds once and evaluating every candidate seed set on the same worlds is
/// what makes Monte-Carlo greedy consistent (common random numbers): the estimated spread
/// `σ̂(S) = (1/R)·Σ_w |nodes within T live arcs of S in world w|` is then a sum of coverage
/// functions, monotone and submodular, so lazy evaluation (CELF) picks exactly the seeds that
/// plain greedy picks.
///
/// - Complexity: memory `4·R·(n + 1) + 4·(live arcs over all worlds)` bytes.
public struct LiveEdgeWorlds: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// `R`, the number of worlds.
    public let count: Int
    /// The step limit `T`: only nodes within `T` live arcs of a seed count.
    public let maximumSteps: Int
    /// What each reached node is worth (the model's ``LiveEdgeModel/weights``).
    public let weights: NodeWeights
    /// Per world, `n + 1` row starts into that world's targets.
    let offsets: [Int32]
    /// The live arcs' heads, world after world.
    let targets: [NodeID]
    /// Where each world's targets start in ``targets``.
    let targetStarts: [Int]

    /// Draws `count` worlds of `model`; world `w` draws from the generator at (seeding, 2, `w`)
    /// of `streams`, on any of `threads` threads.
    public init(model: LiveEdgeModel, count: Int, streams: RandomStreams, threads: Int) {
        let worlds = model.visit(WorldSampler(count: count, streams: streams, threads: threads))
        nodeCount = model.graph.nodeCount
        self.count = count
        maximumSteps = model.maximumSteps
        weights = model.weights
        offsets = worlds.flatMap(\.offsets)
        targets = worlds.flatMap(\.targets)
        var starts = [0]
        for world in worlds { starts.append(starts[starts.count - 1] + world.targets.count) }
        targetStarts = starts
    }

    /// The heads of the live arcs out of `node` in world `world`.
    @inline(__always)
    func successors(of node: Int, inWorld world: Int) -> ArraySlice<NodeID> {
        let row = world * (nodeCount + 1) + node
        return targets[(targetStarts[world] + Int(offsets[row]))..<(targetStarts[world] + Int(offsets[row + 1]))]
    }

    /// `units` of worth summed over the worlds, as the average worth per world (the estimate).
    public func average(_ units: Int) -> Double { Double(units) * weights.unitValue / Double(count) }

    /// `R·σ̂(seeds)`: the nodes within ``maximumSteps`` live arcs of `seeds`, summed over worlds,
    /// each world searched from scratch.
    public func spread(of seeds: [NodeID]) -> Int {
        var reached = [Int32](repeating: -1, count: nodeCount)
        var total = 0
        for world in 0..<count {
            var layer = seeds.filter { seed in
                defer { reached[Int(seed)] = Int32(world) }
                return reached[Int(seed)] != Int32(world)
            }
            var depth = 0
            total += layer.count
            while !layer.isEmpty && depth < maximumSteps {
                var next: [NodeID] = []
                for node in layer {
                    for target in successors(of: Int(node), inWorld: world) where reached[Int(target)] != Int32(world) {
                        reached[Int(target)] = Int32(world)
                        next.append(target)
                    }
                }
                total += next.count
                layer = next
                depth += 1
            }
        }
        return total
    }

    /// One world's live arcs in compressed rows.
    struct LiveArcs {
        var offsets: [Int32]
        var targets: [NodeID]
    }

    private struct WorldSampler: LiveEdgeVisitor {
        let count: Int
        let streams: RandomStreams
        let threads: Int

        func visit<Rule: LiveInArcs>(_ rule: Rule, model: LiveEdgeModel) -> [LiveArcs] {
            let n = model.graph.nodeCount
            let reverse = model.reverse
            return Parallel.map(count: count, threads: threads, makeWorkspace: {}) { world, _ in
                var rng = streams.generator(.seeding, 2, world)
                var tails: [NodeID] = []
                var heads: [NodeID] = []
                for node in 0..<n {
                    rule.drawLiveInArcs(of: node, using: &rng) { arc in
                        tails.append(reverse.sources[arc])
                        heads.append(NodeID(node))
                    }
                }
                // Counting sort of the live arcs by tail.
                var offsets = [Int32](repeating: 0, count: n + 1)
                for tail in tails { offsets[Int(tail) + 1] += 1 }
                for node in 0..<n { offsets[node + 1] += offsets[node] }
                var next = offsets
                var targets = [NodeID](repeating: 0, count: heads.count)
                for (tail, head) in zip(tails, heads) {
                    targets[Int(next[Int(tail)])] = head
                    next[Int(tail)] += 1
                }
                return LiveArcs(offsets: offsets, targets: targets)
            }
        }
    }
}
