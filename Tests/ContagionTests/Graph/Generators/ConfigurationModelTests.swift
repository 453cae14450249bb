import Testing

@testable import Contagion

@Suite struct ConfigurationModelTests {
    static func configuration(
        _ n: Int, exponent: Double = 2.5, minimum: Int, maximum: Int, directed: Bool, seed: UInt64
    ) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.powerLawConfiguration(
            nodeCount: n, exponent: exponent, minimumDegree: minimum, maximumDegree: maximum, directed: directed,
            tieStrength: .constant(1), using: &rng)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func undirectedGraphIsSimpleWithDegreesWithinBounds(seed: UInt64) {
        // 200 nodes: the stub count is odd about half the time, which exercises the fix-up.
        let graph = Self.configuration(200, minimum: 2, maximum: 20, directed: false, seed: seed)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        let degrees = GraphTestSupport.outDegrees(graph)
        #expect(degrees.max()! <= 20)
        // Erasing loops and repeats only removes a few edges: most nodes keep at least the minimum.
        #expect(degrees.filter { $0 >= 2 }.count > 180)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func directedGraphHasInAndOutDegreesWithinBounds(seed: UInt64) {
        let graph = Self.configuration(200, minimum: 1, maximum: 15, directed: true, seed: seed)
        #expect(graph.isDirected)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.outDegrees(graph).max()! <= 15)
        #expect(graph.inDegrees().max()! <= 15)
    }

    @Test func regularDegreeSequenceGivesANearlyRegularGraph() {
        // min = max = 3 on 200 nodes: 600 stubs, every node has degree 3 before erasure.
        let graph = Self.configuration(200, minimum: 3, maximum: 3, directed: false, seed: 6)
        let degrees = GraphTestSupport.outDegrees(graph)
        #expect(degrees.allSatisfy { $0 <= 3 })
        #expect(graph.arcCount > 2 * 300 - 2 * 10)
    }

    @Test func degreeDistributionFollowsThePowerLaw() {
        // P(k) ∝ k^(−3) on [1, 2]: P(1) = 8/9. Erasure only lowers degrees, so count
        // nodes with degree 2 (at most those drawn as 2) against the binomial of 1/9.
        let n = 2_000
        let graph = Self.configuration(n, exponent: 3, minimum: 1, maximum: 2, directed: true, seed: 7)
        let twos = GraphTestSupport.outDegrees(graph).filter { $0 == 2 }.count
        let mean = Double(n) / 9
        let sd = (Double(n) * (1.0 / 9) * (8.0 / 9)).squareRoot()
        #expect(Double(twos) < mean + 5 * sd)
        #expect(Double(twos) > mean - 5 * sd - 20)  // a few erased repeats or loops
    }

    /// `max_degree` is the largest degree, also when the stub total is odd: 7 nodes of degree
    /// exactly 3 have 21 stubs, and the generator must drop one rather than exceed 3.
    @Test func oddStubTotalNeverExceedsTheMaximumDegree() {
        var worst = 0
        for seed in 0..<40 as Range<UInt64> {
            let graph = Self.configuration(7, minimum: 3, maximum: 3, directed: false, seed: seed)
            worst = max(worst, GraphTestSupport.outDegrees(graph).max()!)
        }
        #expect(worst <= 3)
        // With room below the maximum, the extra stub goes to a node that has it.
        for seed in 0..<40 as Range<UInt64> {
            let graph = Self.configuration(9, minimum: 1, maximum: 4, directed: false, seed: seed)
            #expect(GraphTestSupport.outDegrees(graph).max()! <= 4)
        }
    }

    @Test func sameSeedGivesTheSameGraph() {
        let a = Self.configuration(150, minimum: 2, maximum: 12, directed: false, seed: 8)
        let b = Self.configuration(150, minimum: 2, maximum: 12, directed: false, seed: 8)
        let c = Self.configuration(150, minimum: 2, maximum: 12, directed: false, seed: 9)
        #expect(GraphTestSupport.isIdentical(a, b))
        #expect(!GraphTestSupport.isIdentical(a, c))
    }
}
