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
        /// With `boundsOptimum`, an upper bound on the sets any `count` nodes can cover: the
        /// least, over the greedy's steps `j = 0 … count`, of the sets its first `j` seeds
        /// cover plus the `count` largest marginal gains then (by submodularity the optimum
        /// adds at most that to them; Tang et al. 2018). Else `nil`.
        public var optimumBound: Int?

        /// Sets that contain at least one of the seeds.
        public var coveredSets: Int { gains.reduce(0, +) }
    }

    /// Greedily picks `count` nodes (at most `n`) to cover the most of `sets`; with
    /// `boundsOptimum` also bounds what the best `count` nodes cover (one more O(n) pass a
    /// pick).
    public static func greedy(_ sets: ReverseReachableSets, count: Int, boundsOptimum: Bool = false) -> Selection {
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
        let k = min(count, n)
        var optimumBound = boundsOptimum ? Int.max : nil
        for step in 0...k {
            if let bound = optimumBound {
                optimumBound = min(bound, gains.reduce(0, +) + largestSum(of: uncovered, count: k))
            }
            guard step < k else { break }
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
        return Selection(seeds: seeds, gains: gains, optimumBound: optimumBound)
    }

    /// The sum of the `count` largest of `values` (negative values count as 0): a min-heap of
    /// the best so far, which most values fail to enter after one comparison.
    static func largestSum(of values: [Int], count: Int) -> Int {
        guard count > 0 else { return 0 }
        var heap = [Int](repeating: 0, count: count)
        for value in values where value > heap[0] {
            heap[0] = value
            var index = 0
            while true {
                let left = 2 * index + 1
                let right = left + 1
                var smallest = index
                if left < count && heap[left] < heap[smallest] { smallest = left }
                if right < count && heap[right] < heap[smallest] { smallest = right }
                if smallest == index { break }
                heap.swapAt(index, smallest)
                index = smallest
            }
        }
        return heap.reduce(0, +)
    }

    /// How many of `sets` contain at least one of `seeds`.
    public static func coverage(of seeds: [NodeID], in sets: ReverseReachableSets) -> Int {
        var isSeed = [Bool](repeating: false, count: sets.nodeCount)
        var covered = 0
        for seed in seeds where !isSeed[Int(seed)] {
            isSeed[Int(seed)] = true
            covered += Int(sets.singletons[Int(seed)])
        }
        for set in 0..<sets.multiMemberCount where sets.members(ofSet: set).contains(where: { isSeed[Int($0)] }) {
            covered += 1
        }
        return covered
    }
}
