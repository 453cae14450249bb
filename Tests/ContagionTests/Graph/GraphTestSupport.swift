@testable import Contagion

/// Checks shared by the graph and generator tests.
enum GraphTestSupport {
    /// A graph from `(tail, head)` pairs, with unit strengths unless given.
    static func graph(_ nodeCount: Int, _ edges: [(Int, Int)], directed: Bool, strengths: [Float]? = nil) -> Graph {
        var builder = GraphBuilder(nodeCount: nodeCount, directed: directed)
        for (index, (tail, head)) in edges.enumerated() {
            builder.addEdge(from: NodeID(tail), to: NodeID(head), strength: strengths?[index] ?? 1)
        }
        return builder.build()
    }

    /// Every arc as a `(tail, head)` pair, in CSR order.
    static func arcs(of graph: Graph) -> [Arc] {
        (0..<graph.nodeCount).flatMap { tail in
            graph.successors(of: NodeID(tail)).map { Arc(tail: tail, head: Int($0)) }
        }
    }

    struct Arc: Hashable, CustomStringConvertible {
        var tail: Int
        var head: Int
        var description: String { "\(tail)→\(head)" }
    }

    /// Whether two graphs have the same arrays, arc for arc.
    static func isIdentical(_ a: Graph, _ b: Graph) -> Bool {
        a.nodeCount == b.nodeCount && a.offsets == b.offsets && a.targets == b.targets
            && a.tieStrengths == b.tieStrengths && a.isDirected == b.isDirected && a.communities == b.communities
    }

    /// The CSR invariants every graph promises: rows sorted strictly (no repeats), no self-loops,
    /// targets in range, strengths in (0, 1].
    static func isSimple(_ graph: Graph) -> Bool {
        guard graph.offsets.count == graph.nodeCount + 1, graph.offsets.first == 0,
            graph.offsets.last == graph.arcCount
        else { return false }
        for node in 0..<graph.nodeCount {
            let row = graph.successors(of: NodeID(node))
            guard graph.offsets[node] <= graph.offsets[node + 1] else { return false }
            for (previous, next) in zip(row, row.dropFirst()) where previous >= next { return false }
            if row.contains(where: { $0 == NodeID(node) || $0 < 0 || Int($0) >= graph.nodeCount }) { return false }
        }
        return graph.tieStrengths.allSatisfy { $0 > 0 && $0 <= 1 }
    }

    /// Whether every arc `u → v` has its reverse `v → u` with the same strength.
    static func isSymmetric(_ graph: Graph) -> Bool {
        for tail in 0..<graph.nodeCount {
            for arc in graph.offsets[tail]..<graph.offsets[tail + 1] {
                guard let back = graph.arc(from: graph.targets[arc], to: NodeID(tail)),
                    graph.tieStrengths[back] == graph.tieStrengths[arc]
                else { return false }
            }
        }
        return true
    }

    /// The out-degree of every node.
    static func outDegrees(_ graph: Graph) -> [Int] { (0..<graph.nodeCount).map { graph.outDegree(of: NodeID($0)) } }
}
