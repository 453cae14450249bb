import Testing

@testable import Contagion

@Suite struct LabelPropagationTests {
    /// Disjoint cliques of the given sizes, on consecutive nodes.
    static func cliques(_ sizes: [Int], directed: Bool = false) -> Graph {
        var edges: [(Int, Int)] = []
        var start = 0
        for size in sizes {
            for a in start..<(start + size) {
                for b in (a + 1)..<(start + size) { edges.append((a, b)) }
            }
            start += size
        }
        return GraphTestSupport.graph(start, edges, directed: directed)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func twoDisjointCliquesGiveTwoCommunities(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let labels = LabelPropagation.communities(of: Self.cliques([5, 5]), using: &rng)
        // Renumbered by first appearance, so node 0's community is 0.
        #expect(labels == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    }

    @Test func threeCliquesOfDifferentSizes() {
        var rng = Xoshiro256StarStar(seed: 9)
        let labels = LabelPropagation.communities(of: Self.cliques([3, 6, 4]), using: &rng)
        #expect(labels == [0, 0, 0] + Array(repeating: 1, count: 6) + Array(repeating: 2, count: 4))
    }

    @Test func directedArcsCountInBothDirections() {
        // A directed clique is one community even though most nodes have few out-arcs.
        var rng = Xoshiro256StarStar(seed: 4)
        let labels = LabelPropagation.communities(of: Self.cliques([4, 4], directed: true), using: &rng)
        #expect(labels == [0, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test func isolatedNodesKeepTheirOwnCommunities() {
        var rng = Xoshiro256StarStar(seed: 1)
        let graph = GraphTestSupport.graph(4, [(1, 2)], directed: false)
        let labels = LabelPropagation.communities(of: graph, using: &rng)
        #expect(labels == [0, 1, 1, 2])
    }

    @Test func labelsAreDenseAndReproducible() {
        let graph = BuiltinGraph.karateClub.makeGraph()
        var a = Xoshiro256StarStar(seed: 3)
        var b = Xoshiro256StarStar(seed: 3)
        let first = LabelPropagation.communities(of: graph, using: &a)
        let second = LabelPropagation.communities(of: graph, using: &b)
        #expect(first == second)
        #expect(first.count == 34)
        let distinct = Set(first)
        #expect(distinct == Set((0..<Int32(distinct.count))))
        #expect(distinct.count < 34)
    }
}
