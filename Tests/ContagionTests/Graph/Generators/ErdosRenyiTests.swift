import Testing

@testable import Contagion

/// Arc counts of G(n, p) are binomial: N candidate pairs, mean N·p, variance N·p·(1 − p);
/// the band is 5 standard deviations.
@Suite struct ErdosRenyiTests {
    static func erdosRenyi(_ n: Int, _ meanDegree: Double, directed: Bool, seed: UInt64) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.erdosRenyi(
            nodeCount: n, meanDegree: meanDegree, directed: directed, tieStrength: .uniform(min: 0.2, max: 0.4),
            using: &rng)
    }

    static func expectBinomial(
        _ count: Int, pairs: Int, p: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let mean = Double(pairs) * p
        let sd = (mean * (1 - p)).squareRoot()
        #expect(
            abs(Double(count) - mean) < 5 * sd, "\(count) edges, expected \(mean) ± \(5 * sd)",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func directedArcCountIsBinomial(seed: UInt64) {
        let n = 300
        let graph = Self.erdosRenyi(n, 5, directed: true, seed: seed)
        let p = 5.0 / Double(n - 1)
        #expect(graph.isDirected)
        #expect(GraphTestSupport.isSimple(graph))
        Self.expectBinomial(graph.arcCount, pairs: n * (n - 1), p: p)
        // Forward (u < v) and backward (u > v) pairs are each half of the candidates.
        let forward = GraphTestSupport.arcs(of: graph).filter { $0.tail < $0.head }.count
        Self.expectBinomial(forward, pairs: n * (n - 1) / 2, p: p)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func undirectedEdgeCountIsBinomial(seed: UInt64) {
        let n = 300
        let graph = Self.erdosRenyi(n, 5, directed: false, seed: seed)
        let p = 5.0 / Double(n - 1)
        #expect(!graph.isDirected)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        #expect(graph.arcCount % 2 == 0)
        Self.expectBinomial(graph.arcCount / 2, pairs: n * (n - 1) / 2, p: p)
        // Pairs inside the first half of the nodes are a quarter of all pairs, roughly.
        let half = n / 2
        let inside = GraphTestSupport.arcs(of: graph).filter { $0.tail < $0.head && $0.head < half }.count
        Self.expectBinomial(inside, pairs: half * (half - 1) / 2, p: p)
    }

    @Test func everyPairCanAppear() {
        // With p = 1/2 over 20 graphs, every ordered pair of 6 nodes shows up at least once
        // unless the pair enumeration skips some (chance of a miss: 30 · 2⁻²⁰).
        var seen = Set<GraphTestSupport.Arc>()
        for seed in 0..<20 as Range<UInt64> {
            seen.formUnion(GraphTestSupport.arcs(of: Self.erdosRenyi(6, 2.5, directed: true, seed: seed)))
        }
        #expect(seen.count == 30)
    }

    @Test(arguments: [true, false])
    func meanDegreeZeroGivesNoArcs(directed: Bool) {
        let graph = Self.erdosRenyi(50, 0, directed: directed, seed: 1)
        #expect(graph.nodeCount == 50)
        #expect(graph.arcCount == 0)
    }

    @Test(arguments: [true, false])
    func meanDegreeNMinusOneGivesTheCompleteGraph(directed: Bool) {
        let graph = Self.erdosRenyi(12, 11, directed: directed, seed: 1)
        #expect(graph.arcCount == 12 * 11)
        #expect(GraphTestSupport.isSimple(graph))
    }

    @Test func singleNodeHasNoArcs() {
        #expect(Self.erdosRenyi(1, 3, directed: true, seed: 1).arcCount == 0)
    }

    @Test func tieStrengthsFollowTheDistribution() {
        let graph = Self.erdosRenyi(200, 6, directed: true, seed: 4)
        #expect(graph.tieStrengths.allSatisfy { $0 >= 0.2 && $0 <= 0.4 })
        #expect(Set(graph.tieStrengths).count > graph.arcCount / 2)
    }

    @Test func sameSeedGivesTheSameGraph() {
        let a = Self.erdosRenyi(150, 4, directed: false, seed: 21)
        let b = Self.erdosRenyi(150, 4, directed: false, seed: 21)
        let c = Self.erdosRenyi(150, 4, directed: false, seed: 22)
        #expect(GraphTestSupport.isIdentical(a, b))
        #expect(!GraphTestSupport.isIdentical(a, c))
    }
}
