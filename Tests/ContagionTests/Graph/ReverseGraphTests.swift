import Testing

@testable import Contagion

@Suite struct ReverseGraphTests {
    /// The reverse rows must list every forward arc exactly once, under its head, with
    /// `arcs[j]` pointing back at it.
    static func expectConsistent(_ graph: Graph, sourceLocation: SourceLocation = #_sourceLocation) {
        let reverse = ReverseGraph(graph)
        #expect(reverse.offsets.count == graph.nodeCount + 1, sourceLocation: sourceLocation)
        #expect(reverse.sources.count == graph.arcCount, sourceLocation: sourceLocation)
        #expect(reverse.arcs.sorted() == (0..<graph.arcCount).map { Int32($0) }, sourceLocation: sourceLocation)
        let inDegrees = graph.inDegrees()
        for head in 0..<graph.nodeCount {
            #expect(
                reverse.offsets[head + 1] - reverse.offsets[head] == Int(inDegrees[head]),
                sourceLocation: sourceLocation)
            let predecessors = reverse.predecessors(of: NodeID(head))
            #expect(
                predecessors.sorted() == Array(predecessors), "in-row of \(head) is not sorted",
                sourceLocation: sourceLocation)
            for j in reverse.offsets[head]..<reverse.offsets[head + 1] {
                let arc = Int(reverse.arcs[j])
                let tail = Int(reverse.sources[j])
                #expect(graph.targets[arc] == NodeID(head), sourceLocation: sourceLocation)
                #expect(graph.offsets[tail] <= arc && arc < graph.offsets[tail + 1], sourceLocation: sourceLocation)
            }
        }
    }

    @Test func smallDirectedGraph() {
        let graph = GraphTestSupport.graph(4, [(0, 1), (0, 2), (1, 2), (3, 2), (2, 0)], directed: true)
        let reverse = ReverseGraph(graph)
        #expect(reverse.offsets == [0, 1, 2, 5, 5])
        #expect(reverse.sources == [2, 0, 0, 1, 3])
        // Forward arcs: 0→1 (0), 0→2 (1), 1→2 (2), 2→0 (3), 3→2 (4).
        #expect(reverse.arcs == [3, 0, 1, 2, 4])
        #expect(Array(reverse.predecessors(of: 2)) == [0, 1, 3])
        #expect(reverse.predecessors(of: 3).isEmpty)
        Self.expectConsistent(graph)
    }

    @Test(arguments: [true, false])
    func randomGraphs(directed: Bool) {
        var rng = Xoshiro256StarStar(seed: 13)
        let graph = GraphGenerators.erdosRenyi(
            nodeCount: 60, meanDegree: 4, directed: directed, tieStrength: .constant(1), using: &rng)
        Self.expectConsistent(graph)
    }

    @Test func undirectedReverseEqualsForward() {
        let graph = BuiltinGraph.karateClub.makeGraph()
        let reverse = ReverseGraph(graph)
        #expect(reverse.offsets == graph.offsets)
        #expect(reverse.sources == graph.targets)
    }
}
