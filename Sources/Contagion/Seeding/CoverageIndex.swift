/// The sets of each node, for greedy maximum coverage, kept up to date as a collection of
/// RR sets grows.
///
/// The index is built in chunks: ``update(with:)`` indexes only the sets drawn since the last
/// call, as one more chunk (a counting sort of their members by node), so a collection that
/// doubles round after round (OPIM-C, IMM's estimation phase) is indexed about once in all,
/// not once a round. New sets with fewer members than nodes are not worth a chunk of their
/// own: the index is then rebuilt as one. Each node's total count of sets (singletons
/// included) is kept with it.
///
/// - Complexity: `4·members + 4·(n + 1)` bytes per chunk, at most `8·members + 4·(n + 1)` in
///   all, plus `12·n` bytes of per-node counts.
public struct CoverageIndex: Sendable {
    /// The sets one update indexed: for node `v`, its sets are `setIDs[offsets[v] ..< offsets[v + 1]]`.
    struct Chunk: Sendable {
        var offsets: [UInt32]
        var setIDs: [Int32]

        func sets(of node: Int) -> ArraySlice<Int32> { setIDs[Int(offsets[node])..<Int(offsets[node + 1])] }
    }

    private(set) var chunks: [Chunk] = []
    /// Per node, how many of the indexed sets (of any size) contain it.
    public private(set) var counts: [Int]
    /// Multi-member sets indexed so far.
    public private(set) var indexedSets = 0
    /// All sets (singletons included) of the collection at the last update.
    public private(set) var indexedCount = 0
    /// Singleton sets counted so far, per node (to add only the new ones).
    private var singletonsCounted: [UInt32]

    /// An empty index over `nodeCount` nodes.
    public init(nodeCount: Int) {
        counts = [Int](repeating: 0, count: nodeCount)
        singletonsCounted = [UInt32](repeating: 0, count: nodeCount)
    }

    /// The index of every set in `sets`.
    public init(_ sets: ReverseReachableSets) {
        self.init(nodeCount: sets.nodeCount)
        update(with: sets)
    }

    /// Indexes the sets of `sets` added since the last update (the collection must only have
    /// grown since: sets are never removed or changed).
    public mutating func update(with sets: ReverseReachableSets) {
        let n = counts.count
        precondition(sets.nodeCount == n && sets.multiMemberCount >= indexedSets, "the index's collection shrank")
        precondition(sets.multiMemberCount < Int(Int32.max), "too many RR sets for 32-bit set ids")
        for node in 0..<n where sets.singletons[node] != singletonsCounted[node] {
            counts[node] += Int(sets.singletons[node] - singletonsCounted[node])
            singletonsCounted[node] = sets.singletons[node]
        }
        indexedCount = sets.count
        guard indexedSets < sets.multiMemberCount else { return }
        // A chunk with fewer members than nodes would cost more in row starts than in set
        // ids: then the whole index is rebuilt as one chunk instead (as cheap while small),
        // so every chunk but the first holds at least n members.
        let newMembers = sets.offsets[sets.multiMemberCount] - sets.offsets[indexedSets]
        if !chunks.isEmpty && newMembers < n {
            chunks.removeAll()
            indexedSets = 0
            for node in 0..<n { counts[node] = Int(singletonsCounted[node]) }
        }
        let firstSet = indexedSets
        let memberRange = sets.offsets[firstSet]..<sets.offsets[sets.multiMemberCount]
        precondition(memberRange.count < Int(UInt32.max), "too many RR set members for one index chunk")
        var offsets = [UInt32](repeating: 0, count: n + 1)
        sets.members.withUnsafeBufferPointer { members in
            for position in memberRange { offsets[Int(members[position]) + 1] += 1 }
        }
        for node in 0..<n {
            counts[node] += Int(offsets[node + 1])
            offsets[node + 1] += offsets[node]
        }
        var next = offsets
        var setIDs = [Int32](repeating: 0, count: memberRange.count)
        for set in firstSet..<sets.multiMemberCount {
            for member in sets.members(ofSet: set) {
                setIDs[Int(next[Int(member)])] = Int32(set)
                next[Int(member)] += 1
            }
        }
        chunks.append(Chunk(offsets: offsets, setIDs: setIDs))
        indexedSets = sets.multiMemberCount
    }

    /// Bytes held by the index.
    public var memoryBytes: Int {
        counts.capacity * 8 + singletonsCounted.capacity * 4
            + chunks.reduce(0) { $0 + $1.offsets.capacity * 4 + $1.setIDs.capacity * 4 }
    }
}
