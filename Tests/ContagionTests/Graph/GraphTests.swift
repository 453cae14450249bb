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

/// The invariants a public `Graph` is checked for at construction.
@Suite struct GraphInvariantTests {
    @Test(arguments: [
        ([0, 1], [NodeID(1)], "arc 0 points at 1, not a node"),
        ([0, 2, 2], [NodeID(1), 1], "row 0 is not strictly increasing at arc 1"),
        ([0, 1, 1], [NodeID(0)], "node 0 has a self-loop"),
        ([0, 2, 1, 2], [NodeID(1), 2], "offsets decrease at node 1"),
        ([1, 1], [NodeID](), "offsets must start at 0 and end at the 0 arcs"),
    ])
    func brokenArraysAreNamed(offsets: [Int], targets: [NodeID], problem: String) {
        let violation = Graph.invariantViolation(
            offsets: offsets, targets: targets, tieStrengths: [Float](repeating: 1, count: targets.count),
            nodeNames: nil, communities: nil)
        #expect(violation == problem)
    }

    @Test func tieStrengthsAndLabelsAreChecked() {
        #expect(
            Graph.invariantViolation(
                offsets: [0, 1, 1], targets: [1], tieStrengths: [0], nodeNames: nil, communities: nil)
                == "tie strength 0.0 of arc 0 is not in (0, 1]")
        #expect(
            Graph.invariantViolation(
                offsets: [0, 1, 1], targets: [1], tieStrengths: [1], nodeNames: ["a"], communities: nil)
                == "one name per node")
        #expect(
            Graph.invariantViolation(
                offsets: [0, 1, 1], targets: [1], tieStrengths: [1], nodeNames: nil, communities: [0, 1])
                == nil)
    }
}
