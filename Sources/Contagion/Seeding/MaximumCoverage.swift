/// Greedy maximum coverage of reverse-reachable sets: the selection step of IMM.
///
/// Picks, `k` times, the node that covers the most sets not yet covered (ties to the lower
/// id), which covers at least `(1 − 1/e)` of the best possible (Nemhauser, Wolsey & Fisher
/// 1978). Each node's count of uncovered sets is kept up to date incrementally: covering a
/// set decrements the count of each of its members once, so the whole selection costs one
/// pass over the members plus a linear scan per pick.
///
/// - Complexity: O(k·n + members) time; `4·members + 8·n` bytes for the node-to-set index.
public enum MaximumCoverage {
    /// The chosen nodes, best first, and how many sets each newly covered.
    public struct Selection: Sendable, Equatable {
        /// The nodes, in the order they were picked.
        public var seeds: [NodeID]
        /// Per seed, the sets it covered that no earlier seed did (its marginal gain).
        public var gains: [Int]

        /// Sets that contain at least one of the seeds.
        public var coveredSets: Int { gains.reduce(0, +) }
    }

    /// Greedily picks `count` nodes (at most `n`) to cover the most of `sets`.
    public static func greedy(_ sets: ReverseReachableSets, count: Int) -> Selection {
        let n = sets.nodeCount
        precondition(sets.multiMemberCount < Int(Int32.max), "too many RR sets for 32-bit set ids")
        var uncovered = sets.singletons.map { Int($0) }
        for member in sets.members { uncovered[Int(member)] += 1 }
        // The sets of each node (counting sort by member).
        var indexOffsets = [Int](repeating: 0, count: n + 1)
        for member in sets.members { indexOffsets[Int(member) + 1] += 1 }
        for node in 0..<n { indexOffsets[node + 1] += indexOffsets[node] }
        var next = indexOffsets
        var setsOfNode = [Int32](repeating: 0, count: sets.members.count)
        for set in 0..<sets.multiMemberCount {
            for member in sets.members(ofSet: set) {
                setsOfNode[next[Int(member)]] = Int32(set)
                next[Int(member)] += 1
            }
        }
        var isCovered = [Bool](repeating: false, count: sets.multiMemberCount)
        var seeds: [NodeID] = []
        var gains: [Int] = []
        for _ in 0..<min(count, n) {
            var best = 0
            for node in 1..<n where uncovered[node] > uncovered[best] { best = node }
            gains.append(uncovered[best])
            for set in setsOfNode[indexOffsets[best]..<indexOffsets[best + 1]] where !isCovered[Int(set)] {
                isCovered[Int(set)] = true
                for member in sets.members(ofSet: Int(set)) { uncovered[Int(member)] -= 1 }
            }
            // Chosen nodes rank below every unchosen one (whose counts are ≥ 0).
            uncovered[best] = -1
            seeds.append(NodeID(best))
        }
        return Selection(seeds: seeds, gains: gains)
    }
}
