/// The in-arcs of a ``Graph`` in compressed sparse rows, built on demand.
///
/// The in-arcs of `v` are `sources[offsets[v]..<offsets[v + 1]]`; `arcs[j]` is the index of
/// the same arc in the forward graph, so per-arc data (tie strength, probability) is shared.
/// Used by label propagation, by exact-enumeration tests, and by reverse-reachable sampling.
///
/// - Complexity: built in O(n + arcs) time; 8·(n + 1) + 8·arcs bytes.
public struct ReverseGraph: Sendable {
    /// Row starts, `n + 1` entries.
    public let offsets: [Int]
    /// Arc tails, grouped by head.
    public let sources: [NodeID]
    /// Forward arc index of each in-arc.
    public let arcs: [Int32]

    /// Builds the reverse rows of `graph` by a counting sort on arc heads.
    public init(_ graph: Graph) {
        precondition(graph.arcCount < Int(Int32.max), "too many arcs for 32-bit arc indices")
        var offsets = [Int](repeating: 0, count: graph.nodeCount + 1)
        for target in graph.targets { offsets[Int(target) + 1] += 1 }
        for node in 0..<graph.nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var sources = [NodeID](repeating: 0, count: graph.arcCount)
        var arcs = [Int32](repeating: 0, count: graph.arcCount)
        for tail in 0..<graph.nodeCount {
            for arc in graph.offsets[tail]..<graph.offsets[tail + 1] {
                let head = Int(graph.targets[arc])
                sources[next[head]] = NodeID(tail)
                arcs[next[head]] = Int32(arc)
                next[head] += 1
            }
        }
        self.offsets = offsets
        self.sources = sources
        self.arcs = arcs
    }

    /// The nodes whose shares `node` sees.
    public func predecessors(of node: NodeID) -> ArraySlice<NodeID> {
        sources[offsets[Int(node)]..<offsets[Int(node) + 1]]
    }
}
