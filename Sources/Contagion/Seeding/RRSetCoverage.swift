/// Reverse-reachable sets of one item with an index from each user to the sets they belong to:
/// the spread estimate `n/θ · (sets covered)` of IMM (`W/θ` for a weighted objective), kept
/// current as seeds are added (the reward of the RL environment's static episodes, the
/// per-item objective of joint IMM).
struct RRSetCoverage: Sendable {
    private let sets: ReverseReachableSets
    private let setsOfNode: [Int]  // CSR offsets
    private let setIndices: [Int32]
    /// Sets with more than one member (the length of a `covered` array).
    var setCount: Int { sets.multiMemberCount }

    /// `count` sets of `model` drawn from family `family` of `streams`, indexed.
    init(model: LiveEdgeModel, count: Int, streams: RandomStreams, family: Int, threads: Int) {
        var sets = ReverseReachableSets(for: model)
        sets.extend(to: count, model: model, streams: streams, family: family, threads: threads)
        self.init(sets)
    }

    /// `sets`, indexed.
    init(_ sets: ReverseReachableSets) {
        let n = sets.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        for member in sets.members { offsets[Int(member) + 1] += 1 }
        for node in 0..<n { offsets[node + 1] += offsets[node] }
        var next = offsets
        var indices = [Int32](repeating: 0, count: sets.members.count)
        for set in 0..<sets.multiMemberCount {
            for member in sets.members(ofSet: set) {
                indices[next[Int(member)]] = Int32(set)
                next[Int(member)] += 1
            }
        }
        self.sets = sets
        setsOfNode = offsets
        setIndices = indices
    }

    /// `n/θ` (or `W/θ`) times the sets `user` would newly cover, given those already `covered` (each user
    /// is seeded at most once, so their singleton sets are always new).
    func gain(of user: Int, covered: [Bool]) -> Double {
        var newlyCovered = Int(sets.singletons[user])
        for position in setsOfNode[user]..<setsOfNode[user + 1] where !covered[Int(setIndices[position])] {
            newlyCovered += 1
        }
        return scaled(newlyCovered)
    }

    /// Marks the sets `user` belongs to as covered; returns `n/θ` (or `W/θ`) times how many were new.
    func cover(_ user: Int, covered: inout [Bool]) -> Double {
        var newlyCovered = Int(sets.singletons[user])
        for position in setsOfNode[user]..<setsOfNode[user + 1] where !covered[Int(setIndices[position])] {
            covered[Int(setIndices[position])] = true
            newlyCovered += 1
        }
        return scaled(newlyCovered)
    }

    private func scaled(_ count: Int) -> Double { sets.estimate(covering: count) }
}
