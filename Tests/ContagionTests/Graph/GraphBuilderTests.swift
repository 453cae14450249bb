import Testing

@testable import Contagion

@Suite struct GraphBuilderTests {
    @Test func selfLoopsAreDropped() {
        var builder = GraphBuilder(nodeCount: 3, directed: true)
        builder.addEdge(from: 0, to: 0)
        builder.addEdge(from: 0, to: 1)
        builder.addEdge(from: 2, to: 2)
        #expect(builder.addedArcCount == 3)
        let graph = builder.build()
        #expect(graph.arcCount == 1)
        #expect(Array(graph.successors(of: 0)) == [1])
        #expect(graph.successors(of: 2).isEmpty)
    }

    @Test func repeatedArcsKeepTheFirstStrength() {
        var builder = GraphBuilder(nodeCount: 4, directed: true)
        builder.addEdge(from: 0, to: 3, strength: 0.5)
        builder.addEdge(from: 0, to: 1, strength: 0.25)
        builder.addEdge(from: 0, to: 3, strength: 0.875)
        builder.addEdge(from: 1, to: 0, strength: 0.75)
        builder.addEdge(from: 0, to: 1, strength: 0.125)
        builder.addEdge(from: 0, to: 3, strength: 1)
        let graph = builder.build()
        #expect(graph.offsets == [0, 2, 3, 3, 3])
        #expect(graph.targets == [1, 3, 0])
        #expect(graph.tieStrengths == [0.25, 0.5, 0.75])
    }

    @Test func rowsAreSortedByTarget() {
        var builder = GraphBuilder(nodeCount: 6, directed: true)
        for head: NodeID in [5, 2, 4, 1, 3] { builder.addEdge(from: 0, to: head, strength: Float(head) / 8) }
        for head: NodeID in [4, 0, 2] { builder.addEdge(from: 3, to: head) }
        let graph = builder.build()
        #expect(Array(graph.successors(of: 0)) == [1, 2, 3, 4, 5])
        #expect(Array(graph.tieStrengths[0..<5]) == [0.125, 0.25, 0.375, 0.5, 0.625])
        #expect(Array(graph.successors(of: 3)) == [0, 2, 4])
        #expect(GraphTestSupport.isSimple(graph))
    }

    @Test func undirectedEdgesBecomeTwoArcs() {
        var builder = GraphBuilder(nodeCount: 3, directed: false)
        builder.addEdge(from: 0, to: 1, strength: 0.5)
        builder.addEdge(from: 2, to: 1, strength: 0.25)
        #expect(builder.addedArcCount == 4)
        let graph = builder.build()
        #expect(!graph.isDirected)
        #expect(graph.arcCount == 4)
        #expect(graph.offsets == [0, 1, 3, 4])
        #expect(graph.targets == [1, 0, 2, 1])
        #expect(graph.tieStrengths == [0.5, 0.5, 0.25, 0.25])
    }

    @Test func anUndirectedEdgeListedBothWaysIsOneEdge() {
        var builder = GraphBuilder(nodeCount: 2, directed: false)
        builder.addEdge(from: 0, to: 1, strength: 0.5)
        builder.addEdge(from: 1, to: 0, strength: 0.25)
        let graph = builder.build()
        #expect(graph.arcCount == 2)
        #expect(graph.tieStrengths == [0.5, 0.5])
    }

    @Test func namesAndCommunitiesArePassedThrough() {
        var builder = GraphBuilder(nodeCount: 2, directed: true)
        builder.addEdge(from: 0, to: 1)
        let graph = builder.build(nodeNames: ["a", "b"], communities: [3, 4])
        #expect(graph.nodeNames == ["a", "b"])
        #expect(graph.communities == [3, 4])
        #expect(graph.isDirected)
    }

    @Test func emptyGraphs() {
        let isolated = GraphBuilder(nodeCount: 3, directed: true).build()
        #expect(isolated.nodeCount == 3)
        #expect(isolated.offsets == [0, 0, 0, 0])
        #expect(isolated.arcCount == 0)
        let nothing = GraphBuilder(nodeCount: 0, directed: false).build()
        #expect(nothing.nodeCount == 0)
        #expect(nothing.offsets == [0])
    }

    @Test func manyRepeatsAndLoopsGiveASimpleGraph() {
        var rng = Xoshiro256StarStar(seed: 12)
        var builder = GraphBuilder(nodeCount: 20, directed: true)
        var distinct = Set<GraphTestSupport.Arc>()
        for _ in 0..<2_000 {
            let (tail, head) = (rng.nextIndex(below: 20), rng.nextIndex(below: 20))
            builder.addEdge(from: NodeID(tail), to: NodeID(head))
            if tail != head { distinct.insert(.init(tail: tail, head: head)) }
        }
        let graph = builder.build()
        #expect(GraphTestSupport.isSimple(graph))
        #expect(Set(GraphTestSupport.arcs(of: graph)) == distinct)
        #expect(graph.arcCount == distinct.count)
    }
}
