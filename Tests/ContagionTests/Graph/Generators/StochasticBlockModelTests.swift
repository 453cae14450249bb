import Testing

@testable import Contagion

/// Edge counts inside and between blocks are binomial over the candidate pairs; the band is
/// 5 standard deviations.
@Suite struct StochasticBlockModelTests {
    static let sizes = [30, 40, 50]

    static func blockModel(inside: Double, between: Double, directed: Bool, seed: UInt64) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.stochasticBlockModel(
            blockSizes: sizes, inside: inside, between: between, directed: directed, tieStrength: .constant(1),
            using: &rng)
    }

    /// (edges inside blocks, edges between blocks), each undirected edge counted once.
    static func counts(_ graph: Graph) -> (inside: Int, between: Int) {
        let communities = graph.communities ?? []
        var inside = 0
        var between = 0
        for arc in GraphTestSupport.arcs(of: graph) where graph.isDirected || arc.tail < arc.head {
            if communities[arc.tail] == communities[arc.head] { inside += 1 } else { between += 1 }
        }
        return (inside, between)
    }

    static func expectBinomial(_ count: Int, pairs: Int, p: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let mean = Double(pairs) * p
        let sd = (mean * (1 - p)).squareRoot()
        #expect(
            abs(Double(count) - mean) < 5 * sd, "\(count), expected \(mean) ± \(5 * sd)", sourceLocation: sourceLocation
        )
    }

    @Test func communitiesAreTheConsecutiveBlocks() {
        let graph = Self.blockModel(inside: 0.1, between: 0.01, directed: false, seed: 1)
        #expect(graph.nodeCount == 120)
        #expect(
            graph.communities == Array(repeating: 0, count: 30) + Array(repeating: 1, count: 40)
                + Array(repeating: 2, count: 50))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func undirectedCountsAreBinomial(seed: UInt64) {
        let graph = Self.blockModel(inside: 0.2, between: 0.02, directed: false, seed: seed)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        let (inside, between) = Self.counts(graph)
        // Inside: Σ s(s − 1)/2 = 435 + 780 + 1225; between: 30·40 + 30·50 + 40·50.
        Self.expectBinomial(inside, pairs: 2440, p: 0.2)
        Self.expectBinomial(between, pairs: 4700, p: 0.02)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func directedCountsAreBinomial(seed: UInt64) {
        let graph = Self.blockModel(inside: 0.1, between: 0.01, directed: true, seed: seed)
        #expect(GraphTestSupport.isSimple(graph))
        let (inside, between) = Self.counts(graph)
        // Ordered pairs: inside Σ s(s − 1), between 2·(30·40 + 30·50 + 40·50).
        Self.expectBinomial(inside, pairs: 4880, p: 0.1)
        Self.expectBinomial(between, pairs: 9400, p: 0.01)
    }

    @Test(arguments: [true, false])
    func certainInsideAndNoBetweenGivesDisjointCliques(directed: Bool) {
        let graph = Self.blockModel(inside: 1, between: 0, directed: directed, seed: 1)
        #expect(graph.arcCount == 30 * 29 + 40 * 39 + 50 * 49)
        #expect(Self.counts(graph).between == 0)
    }

    @Test(arguments: [true, false])
    func noInsideAndCertainBetweenGivesTheCompleteMultipartiteGraph(directed: Bool) {
        let graph = Self.blockModel(inside: 0, between: 1, directed: directed, seed: 1)
        #expect(graph.arcCount == 2 * 4700)
        #expect(Self.counts(graph).inside == 0)
    }

    @Test func sameSeedGivesTheSameGraph() {
        let a = Self.blockModel(inside: 0.2, between: 0.02, directed: false, seed: 5)
        let b = Self.blockModel(inside: 0.2, between: 0.02, directed: false, seed: 5)
        let c = Self.blockModel(inside: 0.2, between: 0.02, directed: false, seed: 6)
        #expect(GraphTestSupport.isIdentical(a, b))
        #expect(!GraphTestSupport.isIdentical(a, c))
    }
}
