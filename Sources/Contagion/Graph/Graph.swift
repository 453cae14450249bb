/// A dense node index. Nodes of a graph with `n` nodes are `0..<n`.
public typealias NodeID = Int32

/// A directed graph in compressed sparse rows: the out-arcs of node `u` are
/// `targets[offsets[u]..<offsets[u + 1]]`, sorted by target, with one tie strength per arc.
///
/// An arc `u → v` means *v sees what u shares*. An undirected graph stores each edge as two
/// arcs. Rows hold no self-loops and no repeated arcs. Original node names from a file are kept
/// for output; generated graphs name node `i` as `"i"`.
///
/// - Complexity: `successors(of:)` is O(1); memory is 8·(n + 1) + 8·arcs bytes.
public struct Graph: Sendable {
    /// Number of nodes, `n`.
    public let nodeCount: Int
    /// Row starts, `n + 1` entries; `offsets[n]` is the number of arcs.
    public let offsets: [Int]
    /// Arc heads, grouped by tail.
    public let targets: [NodeID]
    /// Tie strength `w_uv` in (0, 1] of each arc, aligned with `targets`.
    public let tieStrengths: [Float]
    /// Whether the graph was built from directed arcs (`false`: every edge is two arcs).
    public let isDirected: Bool
    /// Original node names (from an edge-list file or a built-in data set), or `nil`.
    public let nodeNames: [String]?
    /// Community labels known from the source (stochastic block model blocks, a data set's
    /// factions), or `nil`.
    public let communities: [Int32]?

    /// Creates a graph from CSR arrays, checking the type's invariants once: kernels index
    /// by them without bounds checks, so a graph that broke one would read and write out of
    /// bounds in release builds.
    ///
    /// - Precondition: `offsets` starts at 0, never decreases and ends at `targets.count`;
    ///   every row's targets are `< n`, strictly increasing and not the row's own node; one
    ///   tie strength in (0, 1] per arc; names and communities, if given, one per node.
    /// - Complexity: O(n + arcs).
    public init(
        offsets: [Int], targets: [NodeID], tieStrengths: [Float], isDirected: Bool,
        nodeNames: [String]? = nil, communities: [Int32]? = nil
    ) {
        if let problem = Self.invariantViolation(
            offsets: offsets, targets: targets, tieStrengths: tieStrengths, nodeNames: nodeNames,
            communities: communities)
        {
            preconditionFailure("Graph: \(problem)")
        }
        self.nodeCount = offsets.count - 1
        self.offsets = offsets
        self.targets = targets
        self.tieStrengths = tieStrengths
        self.isDirected = isDirected
        self.nodeNames = nodeNames
        self.communities = communities
    }

    /// The first invariant the arrays break, or `nil` when they make a graph.
    public static func invariantViolation(
        offsets: [Int], targets: [NodeID], tieStrengths: [Float], nodeNames: [String]?, communities: [Int32]?
    ) -> String? {
        guard let first = offsets.first, first == 0, offsets.last == targets.count else {
            return "offsets must start at 0 and end at the \(targets.count) arcs"
        }
        let n = offsets.count - 1
        guard n <= Int(Int32.max) else { return "at most \(Int32.max) nodes, got \(n)" }
        guard tieStrengths.count == targets.count else { return "one tie strength per arc" }
        if let nodeNames, nodeNames.count != n { return "one name per node" }
        if let communities, communities.count != n { return "one community per node" }
        for node in 0..<n {
            let (start, end) = (offsets[node], offsets[node + 1])
            guard start <= end else { return "offsets decrease at node \(node)" }
            var previous = NodeID(-1)
            for arc in start..<end {
                let target = targets[arc]
                guard target >= 0 && Int(target) < n else { return "arc \(arc) points at \(target), not a node" }
                guard target > previous else { return "row \(node) is not strictly increasing at arc \(arc)" }
                guard Int(target) != node else { return "node \(node) has a self-loop" }
                previous = target
            }
        }
        if let bad = tieStrengths.firstIndex(where: { !($0 > 0 && $0 <= 1) }) {
            return "tie strength \(tieStrengths[bad]) of arc \(bad) is not in (0, 1]"
        }
        return nil
    }

    /// Number of arcs.
    public var arcCount: Int { targets.count }

    /// The nodes that see what `node` shares.
    @inlinable
    public func successors(of node: NodeID) -> ArraySlice<NodeID> {
        targets[offsets[Int(node)]..<offsets[Int(node) + 1]]
    }

    /// The number of out-arcs of `node`.
    @inlinable
    public func outDegree(of node: NodeID) -> Int { offsets[Int(node) + 1] - offsets[Int(node)] }

    /// The in-degree of every node.
    ///
    /// - Complexity: O(n + arcs).
    public func inDegrees() -> [Int32] {
        var degrees = [Int32](repeating: 0, count: nodeCount)
        for target in targets { degrees[Int(target)] += 1 }
        return degrees
    }

    /// The summed tie strength of every node's in-arcs.
    public func inStrengths() -> [Double] {
        var strengths = [Double](repeating: 0, count: nodeCount)
        for arc in 0..<arcCount { strengths[Int(targets[arc])] += Double(tieStrengths[arc]) }
        return strengths
    }

    /// The name of `node` for output: its original name, or its index.
    public func name(of node: NodeID) -> String { nodeNames?[Int(node)] ?? String(node) }

    /// The arc index of `from → to`, or `nil` (binary search in the sorted row).
    public func arc(from: NodeID, to: NodeID) -> Int? {
        var low = offsets[Int(from)]
        var high = offsets[Int(from) + 1]
        while low < high {
            let middle = (low + high) / 2
            if targets[middle] < to { low = middle + 1 } else { high = middle }
        }
        return low < offsets[Int(from) + 1] && targets[low] == to ? low : nil
    }

    /// Approximate memory held by the graph's arrays, in bytes.
    public var memoryFootprint: Int {
        offsets.count * 8 + targets.count * 4 + tieStrengths.count * 4
            + (communities?.count ?? 0) * 4 + (nodeNames?.count ?? 0) * 16
    }
}
