/// Collects edges and turns them into a ``Graph``.
///
/// Self-loops are dropped and a repeated arc keeps the tie strength it was first added with,
/// so edge lists that list an undirected edge in both directions, and generators that may
/// propose an edge twice, give simple graphs.
///
/// - Complexity: `build()` is O(n + arcs·log(max degree)) time; while building, 12 bytes per
///   added arc plus the graph itself.
public struct GraphBuilder {
    /// Number of nodes.
    public let nodeCount: Int
    /// Whether `addEdge` adds one arc (`true`) or two.
    public let isDirected: Bool
    private var tails: [NodeID] = []
    private var heads: [NodeID] = []
    private var strengths: [Float] = []

    /// Starts a graph on `nodeCount` nodes.
    public init(nodeCount: Int, directed: Bool, expectedEdges: Int = 0) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max))
        self.nodeCount = nodeCount
        self.isDirected = directed
        let arcs = directed ? expectedEdges : 2 * expectedEdges
        tails.reserveCapacity(arcs)
        heads.reserveCapacity(arcs)
        strengths.reserveCapacity(arcs)
    }

    /// Adds the arc `from → to`, and `to → from` if the graph is undirected.
    public mutating func addEdge(from: NodeID, to: NodeID, strength: Float = 1) {
        tails.append(from)
        heads.append(to)
        strengths.append(strength)
        if !isDirected {
            tails.append(to)
            heads.append(from)
            strengths.append(strength)
        }
    }

    /// The number of arcs added so far (before removing loops and repeats).
    public var addedArcCount: Int { tails.count }

    /// Builds the CSR graph.
    public consuming func build(nodeNames: [String]? = nil, communities: [Int32]? = nil) -> Graph {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for tail in tails { offsets[Int(tail) + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var rowTargets = [NodeID](repeating: 0, count: tails.count)
        var rowStrengths = [Float](repeating: 0, count: tails.count)
        for index in tails.indices {
            let slot = next[Int(tails[index])]
            rowTargets[slot] = heads[index]
            rowStrengths[slot] = strengths[index]
            next[Int(tails[index])] = slot + 1
        }
        tails = []
        heads = []
        strengths = []

        // Sort each row by target, keeping insertion order among equal targets (the key's low
        // half), then keep the first of each run of equal targets and drop self-loops.
        var keys: [UInt64] = []
        var rowCopy: [Float] = []
        var kept = 0
        var rowStart = 0
        for node in 0..<nodeCount {
            let rowEnd = offsets[node + 1]
            keys.removeAll(keepingCapacity: true)
            rowCopy.removeAll(keepingCapacity: true)
            rowCopy.append(contentsOf: rowStrengths[rowStart..<rowEnd])
            for slot in rowStart..<rowEnd {
                keys.append(UInt64(UInt32(bitPattern: rowTargets[slot])) << 32 | UInt64(slot - rowStart))
            }
            keys.sort()
            offsets[node] = kept
            var previous: NodeID = -1
            for key in keys {
                let target = NodeID(truncatingIfNeeded: key >> 32)
                if target == previous || Int(target) == node { continue }
                previous = target
                rowStrengths[kept] = rowCopy[Int(key & 0xFFFF_FFFF)]
                rowTargets[kept] = target
                kept += 1
            }
            rowStart = rowEnd
        }
        offsets[nodeCount] = kept
        rowTargets.removeLast(rowTargets.count - kept)
        rowStrengths.removeLast(rowStrengths.count - kept)
        return Graph(
            offsets: offsets, targets: rowTargets, tieStrengths: rowStrengths, isDirected: isDirected,
            nodeNames: nodeNames, communities: communities)
    }
}
