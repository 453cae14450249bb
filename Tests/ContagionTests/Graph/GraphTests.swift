import Testing

@testable import Contagion

@Suite struct GraphTests {
    /// 0 → 1, 0 → 3, 1 → 2, 2 → 0, 3 → 2, with strengths 0.1 … 0.5 in that order.
    static let sample = GraphTestSupport.graph(
        5, [(0, 1), (0, 3), (1, 2), (2, 0), (3, 2)], directed: true, strengths: [0.125, 0.25, 0.375, 0.5, 0.625])

    @Test func arcFromToFindsEveryArcAndNothingElse() {
        let graph = Self.sample
        for tail in 0..<graph.nodeCount {
            for head in 0..<graph.nodeCount {
                let expected = (graph.offsets[tail]..<graph.offsets[tail + 1]).first {
                    graph.targets[$0] == NodeID(head)
                }
                #expect(graph.arc(from: NodeID(tail), to: NodeID(head)) == expected, "\(tail) → \(head)")
            }
        }
        #expect(graph.arc(from: 0, to: 3) == 1)
        #expect(graph.arc(from: 3, to: 0) == nil)
        #expect(graph.arc(from: 4, to: 0) == nil)
    }

    @Test func arcFromToInALongRow() {
        let graph = GraphTestSupport.graph(100, (1..<100).filter { $0 % 3 == 0 }.map { (0, $0) }, directed: true)
        for head in 0..<100 {
            let index = graph.arc(from: 0, to: NodeID(head))
            #expect(index == (head % 3 == 0 && head > 0 ? head / 3 - 1 : nil))
        }
    }

    @Test func degreesAndStrengths() {
        let graph = Self.sample
        #expect(GraphTestSupport.outDegrees(graph) == [2, 1, 1, 1, 0])
        #expect(graph.inDegrees() == [1, 1, 2, 1, 0])
        let strengths = graph.inStrengths()
        #expect(strengths == [0.5, 0.125, 0.375 + 0.625, 0.25, 0])
        #expect(Array(graph.successors(of: 0)) == [1, 3])
        #expect(graph.successors(of: 4).isEmpty)
    }

    @Test func namesFallBackToTheIndex() {
        #expect(Self.sample.name(of: 3) == "3")
        var builder = GraphBuilder(nodeCount: 2, directed: true)
        builder.addEdge(from: 0, to: 1)
        let named = builder.build(nodeNames: ["ann", "bob"])
        #expect(named.name(of: 1) == "bob")
    }

    @Test func memoryFootprintCountsTheArrays() {
        // 6 offsets × 8 + 5 targets × 4 + 5 strengths × 4.
        #expect(Self.sample.memoryFootprint == 48 + 20 + 20)
    }
}
