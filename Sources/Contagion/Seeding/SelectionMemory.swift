/// Estimates of what the model-aware policies hold in memory while they choose, for
/// ``MemoryEstimate``.
///
/// Swift arrays grow by doubling, so a buffer filled by appending holds up to twice its
/// contents; the estimates count 1.5× (the mean over where the last doubling fell) for such
/// buffers. Checked against peak RSS by `.ci/memory-check`.
public enum SelectionMemory {
    /// The live-edge form of `model` (``LiveEdgeModel``): the reverse graph and a threshold
    /// or weight per arc.
    public static func liveEdgeModelBytes(_ graph: Graph) -> Double {
        Double(graph.nodeCount + 1) * 8 + Double(graph.arcCount) * (4 + 8)
    }

    /// CELF with `simulations` worlds: the worlds (per-world offsets and live arcs, held twice
    /// while they are concatenated), the seeds' distances per world, and the live-edge form.
    ///
    /// - Parameter liveArcs: the expected live arcs of one world (the sum of the arc probabilities).
    public static func celfBytes(graph: Graph, simulations: Int, liveArcs: Double) -> Double {
        let n = Double(graph.nodeCount)
        let worlds = Double(simulations) * ((n + 1) * 4 + liveArcs * 4)
        return liveEdgeModelBytes(graph) + 2 * worlds + Double(simulations) * n * 4
    }

    /// IMM (Tang et al. 2015) with `epsilon` and `ell` choosing `k` seeds: the RR sets of its
    /// larger phase and the coverage index over them.
    ///
    /// The number of sets depends on IMM's lower bound on OPT, which only running it reveals;
    /// a pilot of 16,384 RR sets (its own stream) stands in for it: the greedy cover of the
    /// pilot, `n·F`, estimates OPT, phase 1 stops at the first `x = n/2^i ≤ n·F/(1 + ε′)`
    /// (`λ′/x` sets), phase 2 draws `λ*·(1 + ε′)/(n·F)` (with `W` for `n` and `w_max` for 1
    /// under a weighted objective, as IMM itself).
    ///
    /// - Parameters:
    ///   - pilot: ``pilotSets(_:threads:)`` of the model IMM will sample, weighted as it will be.
    ///   - smallestOptimum: the weights' largest worth (1 for the spread).
    public static func immBytes(
        pilot: ReverseReachableSets, graph: Graph, count k: Int, epsilon: Double, ell: Double,
        smallestOptimum: Double = 1
    ) -> Double {
        let n = graph.nodeCount
        guard n >= 2 else { return 0 }
        let (samplingSets, selectionSets) = immSetCounts(
            pilot: pilot, count: k, epsilon: epsilon, ell: ell, smallestOptimum: smallestOptimum)
        let shape = SetShape(pilot)
        // The coverage index (set ids, per-node counts, a chunk's row starts), the greedy's
        // counts and heap, and two threads' pooled sampling scratch: 48 bytes a node.
        let index = { (sets: Double) in Double(n) * 48 + sets * shape.multiMemberShare * (shape.meanMembers * 4 + 1) }
        return liveEdgeModelBytes(graph) + Double(n) * 4
            + max(
                1.5 * samplingSets * shape.bytesPerSet + index(samplingSets),
                1.5 * selectionSets * shape.bytesPerSet + index(selectionSets))
    }

    /// The RR sets IMM will draw in its sampling phase's last round and in its selection
    /// phase, predicted from `pilot` (see ``immBytes(pilot:graph:count:epsilon:ell:smallestOptimum:)``).
    static func immSetCounts(
        pilot: ReverseReachableSets, count k: Int, epsilon: Double, ell: Double, smallestOptimum: Double = 1
    ) -> (sampling: Double, selection: Double) {
        let n = pilot.nodeCount
        let k = min(k, n)
        let covered = max(1, MaximumCoverage.greedy(pilot, count: k).coveredSets)
        let spread = pilot.estimate(covering: covered)
        let bounds = IMM.Bounds(
            nodeCount: n, seeds: k, epsilon: epsilon, ell: ell, scale: pilot.scale, smallestOptimum: smallestOptimum)
        let threshold = spread / (1 + bounds.epsilonPrime)
        var x = pilot.scale / 2
        while x > threshold && x > smallestOptimum { x /= 2 }
        return (bounds.lambdaPrime / x, bounds.lambdaStar * (1 + bounds.epsilonPrime) / spread)
    }

    /// `sets` RR sets as ``ReverseReachableSets`` stores them (singletons counted, not
    /// stored), with the sizes measured on `pilot`.
    public static func reverseReachableSetBytes(pilot: ReverseReachableSets, sets: Int) -> Double {
        1.5 * Double(sets) * SetShape(pilot).bytesPerSet
    }

    /// 16,384 RR sets on a stream of their own: the pilot the estimates measure set sizes on.
    public static func pilotSets(_ model: LiveEdgeModel, threads: Int) -> ReverseReachableSets {
        var pilot = ReverseReachableSets(for: model)
        pilot.extend(
            to: 16 * ReverseReachableSets.blockSize, model: model, streams: RandomStreams(masterSeed: 0x5049_4C4F_54),
            family: 0, threads: threads)
        return pilot
    }

    /// How RR sets of a model are shaped, measured on a pilot.
    struct SetShape {
        /// The share of sets with more than one member (only those are stored).
        var multiMemberShare: Double
        /// Their mean number of members.
        var meanMembers: Double

        init(_ pilot: ReverseReachableSets) {
            multiMemberShare = Double(pilot.multiMemberCount) / Double(max(1, pilot.count))
            meanMembers = Double(pilot.members.count) / Double(max(1, pilot.multiMemberCount))
        }

        /// Mean stored bytes per set: an offset and the members of the multi-member ones.
        var bytesPerSet: Double { multiMemberShare * (8 + 4 * meanMembers) }
    }
}
