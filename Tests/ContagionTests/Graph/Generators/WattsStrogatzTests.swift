import Testing

@testable import Contagion

@Suite struct WattsStrogatzTests {
    static func wattsStrogatz(_ n: Int, _ k: Int, rewiring: Double, directed: Bool, seed: UInt64) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.wattsStrogatz(
            nodeCount: n, neighbours: k, rewiring: rewiring, directed: directed, tieStrength: .constant(1), using: &rng)
    }

    /// The ring lattice: node i linked to i ± 1, …, i ± k/2 (mod n).
    static func ring(_ n: Int, _ k: Int) -> Set<GraphTestSupport.Arc> {
        var arcs = Set<GraphTestSupport.Arc>()
        for node in 0..<n {
            for offset in 1...(k / 2) {
                arcs.insert(.init(tail: node, head: (node + offset) % n))
                arcs.insert(.init(tail: node, head: (node - offset + n) % n))
            }
        }
        return arcs
    }

    @Test(arguments: [(20, 4), (10, 2), (9, 8), (30, 6)])
    func noRewiringGivesTheRingLattice(n: Int, k: Int) {
        for directed in [false, true] {
            let graph = Self.wattsStrogatz(n, k, rewiring: 0, directed: directed, seed: 1)
            #expect(graph.arcCount == n * k)
            #expect(Set(GraphTestSupport.arcs(of: graph)) == Self.ring(n, k))
            #expect(GraphTestSupport.outDegrees(graph).allSatisfy { $0 == k })
        }
    }

    @Test(arguments: [0.1, 0.5, 1.0])
    func rewiringKeepsTheUndirectedEdgeCount(rewiring: Double) {
        let (n, k) = (60, 6)
        let graph = Self.wattsStrogatz(n, k, rewiring: rewiring, directed: false, seed: 2)
        #expect(graph.arcCount == n * k)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        let moved = Set(GraphTestSupport.arcs(of: graph)).subtracting(Self.ring(n, k)).count
        #expect(moved > 0)
        // Only an edge's far end moves, so every node keeps the k/2 edges it started.
        #expect(GraphTestSupport.outDegrees(graph).allSatisfy { $0 >= k / 2 })
    }

    @Test(arguments: [0.2, 1.0])
    func rewiringKeepsEveryDirectedOutDegree(rewiring: Double) {
        let (n, k) = (40, 4)
        let graph = Self.wattsStrogatz(n, k, rewiring: rewiring, directed: true, seed: 3)
        #expect(graph.arcCount == n * k)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.outDegrees(graph).allSatisfy { $0 == k })
        #expect(!Set(GraphTestSupport.arcs(of: graph)).subtracting(Self.ring(n, k)).isEmpty)
    }

    @Test func rewiredFractionTracksTheProbability() {
        // Each of the n·k/2 lattice edges is rewired with probability β; an edge that moves
        // lands on a lattice position with probability about k/n, so count non-lattice edges
        // over 20 graphs and allow 5σ of the binomial plus that small correction.
        let (n, k, beta) = (200, 4, 0.3)
        var moved = 0
        for seed in 0..<20 as Range<UInt64> {
            let graph = Self.wattsStrogatz(n, k, rewiring: beta, directed: false, seed: seed)
            moved += Set(GraphTestSupport.arcs(of: graph)).subtracting(Self.ring(n, k)).count / 2
        }
        let trials = Double(20 * n * k / 2)
        let sd = (trials * beta * (1 - beta)).squareRoot()
        #expect(Double(moved) < trials * beta + 5 * sd)
        #expect(Double(moved) > trials * beta * (1 - 2.0 * Double(k) / Double(n)) - 5 * sd)
    }

    @Test func sameSeedGivesTheSameGraph() {
        let a = Self.wattsStrogatz(80, 4, rewiring: 0.3, directed: false, seed: 7)
        let b = Self.wattsStrogatz(80, 4, rewiring: 0.3, directed: false, seed: 7)
        let c = Self.wattsStrogatz(80, 4, rewiring: 0.3, directed: false, seed: 8)
        #expect(GraphTestSupport.isIdentical(a, b))
        #expect(!GraphTestSupport.isIdentical(a, c))
    }
}
