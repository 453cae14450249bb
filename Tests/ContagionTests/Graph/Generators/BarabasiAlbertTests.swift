import Testing

@testable import Contagion

/// The graph starts from a star on m + 1 nodes (m edges) and each of the n − m − 1 later
/// nodes adds m edges to distinct older nodes: m·(n − m) edges in all, never a repeat.
@Suite struct BarabasiAlbertTests {
    static func barabasiAlbert(_ n: Int, _ m: Int, directed: Bool, seed: UInt64) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.barabasiAlbert(
            nodeCount: n, edgesPerNode: m, directed: directed, tieStrength: .constant(0.5), using: &rng)
    }

    @Test(arguments: [(100, 1), (100, 3), (60, 5), (7, 6)])
    func undirectedEdgeCountIsExact(n: Int, m: Int) {
        let graph = Self.barabasiAlbert(n, m, directed: false, seed: 3)
        #expect(graph.arcCount == 2 * m * (n - m))
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        let degrees = GraphTestSupport.outDegrees(graph)
        // The star's centre and every later node have at least m neighbours; star leaves at least one.
        #expect(degrees[0] >= m)
        #expect(degrees[(m + 1)...].allSatisfy { $0 >= m })
        #expect(degrees[1...m].allSatisfy { $0 >= 1 })
    }

    @Test(arguments: [1, 3] as [Int])
    func directedArcsPointFromOlderToNewerNodes(m: Int) {
        let n = 80
        let graph = Self.barabasiAlbert(n, m, directed: true, seed: 5)
        #expect(graph.arcCount == m * (n - m))
        #expect(GraphTestSupport.arcs(of: graph).allSatisfy { $0.tail < $0.head })
        // Each node's in-arcs are the ones made when it arrived.
        let inDegrees = graph.inDegrees()
        #expect(inDegrees[0] == 0)
        #expect(inDegrees[1...m].allSatisfy { $0 == 1 })
        #expect(inDegrees[(m + 1)...].allSatisfy { $0 == Int32(m) })
    }

    @Test func earlyNodesBecomeHubs() {
        // Preferential attachment: across 10 graphs the 10 oldest nodes hold far more
        // edges than the 10 youngest, whose degree is m plus rare later attachments.
        var oldest = 0
        var youngest = 0
        for seed in 0..<10 as Range<UInt64> {
            let degrees = GraphTestSupport.outDegrees(Self.barabasiAlbert(200, 2, directed: false, seed: seed))
            oldest += degrees[0..<10].reduce(0, +)
            youngest += degrees[190..<200].reduce(0, +)
        }
        #expect(oldest > 3 * youngest)
    }

    @Test func tieStrengthsAreSampled() {
        let graph = Self.barabasiAlbert(30, 2, directed: false, seed: 1)
        #expect(graph.tieStrengths.allSatisfy { $0 == 0.5 })
    }

    @Test func sameSeedGivesTheSameGraph() {
        #expect(
            GraphTestSupport.isIdentical(
                Self.barabasiAlbert(120, 3, directed: false, seed: 9),
                Self.barabasiAlbert(120, 3, directed: false, seed: 9)))
        #expect(
            !GraphTestSupport.isIdentical(
                Self.barabasiAlbert(120, 3, directed: false, seed: 9),
                Self.barabasiAlbert(120, 3, directed: false, seed: 10)))
    }
}
