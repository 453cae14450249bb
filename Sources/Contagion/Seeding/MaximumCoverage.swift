/// Greedy maximum coverage of reverse-reachable sets: the selection step of IMM and OPIM-C.
///
/// Picks, `k` times, the node that covers the most sets not yet covered (ties to the lower
/// id), which covers at least `(1 − 1/e)` of the best possible (Nemhauser, Wolsey & Fisher
/// 1978). Each node's count of uncovered sets is kept up to date incrementally: covering a
/// set decrements the count of each of its members once. The nodes wait in a max-heap keyed
/// by (count, −id) whose keys may be stale (counts only fall, so a stale key is too high):
/// the top is popped, and re-pushed with its current count until a popped key is current —
/// that node is the best (lazy evaluation, as CELF does for spreads).
///
/// - Complexity: O(members + n + k²·log n) time with the optimum bound (O(k·log n) without),
///   plus one re-push per stale key met; the node-to-set index is a ``CoverageIndex``.
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
    /// `boundsOptimum` also bounds what the best `count` nodes cover.
    public static func greedy(_ sets: ReverseReachableSets, count: Int, boundsOptimum: Bool = false) -> Selection {
        greedy(sets, index: CoverageIndex(sets), count: count, boundsOptimum: boundsOptimum)
    }

    /// ``greedy(_:count:boundsOptimum:)`` with the node-to-set `index` of `sets` already built
    /// (and brought up to date with ``CoverageIndex/update(with:)``).
    public static func greedy(
        _ sets: ReverseReachableSets, index: CoverageIndex, count: Int, boundsOptimum: Bool = false
    ) -> Selection {
        let n = sets.nodeCount
        precondition(
            index.indexedSets == sets.multiMemberCount && index.indexedCount == sets.count,
            "the coverage index is not up to date")
        precondition(sets.count < Int(UInt32.max), "too many RR sets for 32-bit counts")
        var uncovered = index.counts
        // Only nodes that cover something wait in the heap; a node whose count falls to 0
        // leaves it. When it is empty every unchosen node gains 0, and they come by id.
        var queue = PriorityQueue(
            (0..<n).filter { uncovered[$0] > 0 }.map { GainKey(count: uncovered[$0], node: $0).rawValue },
            ranksBefore: >)
        var nextIdle = 0
        var isCovered = [Bool](repeating: false, count: sets.multiMemberCount)
        var seeds: [NodeID] = []
        var gains: [Int] = []
        var coveredSoFar = 0
        let k = min(count, n)
        var optimumBound = boundsOptimum ? Int.max : nil
        for step in 0...k {
            guard step < k || boundsOptimum else { break }
            // The best `wanted` unchosen nodes by their current counts, best first.
            let wanted = boundsOptimum ? k : 1
            var best: [GainKey] = []
            while best.count < wanted, let raw = queue.pop() {
                let key = GainKey(rawValue: raw)
                let current = uncovered[key.node]
                if current == key.count {
                    best.append(key)
                } else if current > 0 {
                    queue.push(GainKey(count: current, node: key.node).rawValue)
                }
            }
            if let bound = optimumBound {
                optimumBound = min(bound, coveredSoFar + best.reduce(0) { $0 + $1.count })
            }
            guard step < k else { break }
            guard let pick = best.first else {
                while seeds.contains(NodeID(nextIdle)) { nextIdle += 1 }
                seeds.append(NodeID(nextIdle))
                gains.append(0)
                continue
            }
            for other in best.dropFirst() { queue.push(other.rawValue) }
            gains.append(pick.count)
            coveredSoFar += pick.count
            for chunk in index.chunks {
                for set in chunk.sets(of: pick.node) where !isCovered[Int(set)] {
                    isCovered[Int(set)] = true
                    for member in sets.members(ofSet: Int(set)) { uncovered[Int(member)] -= 1 }
                }
            }
            seeds.append(NodeID(pick.node))
        }
        return Selection(seeds: seeds, gains: gains, optimumBound: optimumBound)
    }

    /// A node and its count packed so that larger keys mean a larger count, then a lower id.
    private struct GainKey {
        let rawValue: UInt64
        init(rawValue: UInt64) { self.rawValue = rawValue }
        init(count: Int, node: Int) { rawValue = UInt64(count) << 32 | UInt64(UInt32.max - UInt32(node)) }
        var count: Int { Int(rawValue >> 32) }
        var node: Int { Int(UInt32.max - UInt32(truncatingIfNeeded: rawValue)) }
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
