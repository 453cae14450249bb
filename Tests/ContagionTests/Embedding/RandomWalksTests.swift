import Testing

@testable import Contagion

@Suite struct RandomWalksTests {
    let graph = EmbeddingFixture.communities()

    @Test(arguments: [(1.0, 1.0), (0.25, 4.0)])
    func everyStepFollowsAnArc(p: Double, q: Double) {
        let walks = RandomWalks(
            graph: graph, parameters: EmbeddingFixture.walks(p: p, q: q), streams: RandomStreams(masterSeed: 3),
            threads: 2)
        #expect(walks.walkCount == graph.nodeCount * 10)
        for index in 0..<walks.walkCount {
            let walk = Array(walks.walk(index))
            for (from, to) in zip(walk, walk.dropFirst()) { #expect(graph.arc(from: from, to: to) != nil) }
        }
    }

    @Test func everyRoundStartsOneWalkFromEveryNode() {
        let walks = RandomWalks(
            graph: graph, parameters: EmbeddingFixture.walks(), streams: RandomStreams(masterSeed: 3), threads: 1)
        let n = graph.nodeCount
        for round in 0..<10 {
            let starts = Set((0..<n).map { walks.walk(round * n + $0).first! })
            #expect(starts.count == n)
        }
    }

    @Test func aWalkStopsWhereThereIsNoWayOut() {
        let walks = RandomWalks(
            graph: Fixture.path(4), parameters: EmbeddingFixture.walks(), streams: RandomStreams(masterSeed: 1),
            threads: 1)
        for index in 0..<walks.walkCount {
            let walk = Array(walks.walk(index))
            #expect(walk == Array(walk.first!...3))
        }
    }

    @Test func theCorpusDoesNotDependOnTheThreadCount() {
        var parameters = EmbeddingFixture.walks(p: 0.5, q: 2)
        parameters.walksPerNode = 30
        let one = RandomWalks(graph: graph, parameters: parameters, streams: RandomStreams(masterSeed: 9), threads: 1)
        let two = RandomWalks(graph: graph, parameters: parameters, streams: RandomStreams(masterSeed: 9), threads: 2)
        #expect(one.nodes == two.nodes && one.lengths == two.lengths)
    }

    /// node2vec's second-order step against its definition: from v, having come from t, the
    /// next node x has probability ∝ 1/p (x = t), 1 (x adjacent to t), 1/q (otherwise).
    @Test(arguments: [(0.5, 2.0), (4.0, 0.25), (1.0, 1.0)])
    func theSecondStepHasNode2vecTransitionProbabilities(p: Double, q: Double) {
        // t = 0 with neighbours {1, 2}; v = 1 with neighbours {0, 2, 3, 4}.
        let graph = Fixture.graph(5, [(0, 1), (0, 2), (1, 2), (1, 3), (1, 4)], directed: false)
        var parameters = WalkParameters()
        parameters.length = 3
        parameters.returnParameter = p
        parameters.inOutParameter = q
        let walker = Walker(graph: graph, parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 12)
        var counts = [Int](repeating: 0, count: 5)
        var trials = 0
        var buffer = [NodeID](repeating: -1, count: 3)
        while trials < 100_000 {
            _ = buffer.withUnsafeMutableBufferPointer { walker.walk(from: 0, into: $0.baseAddress!, using: &rng) }
            guard buffer[1] == 1 else { continue }
            counts[Int(buffer[2])] += 1
            trials += 1
        }
        let weights = [1 / p, 0, 1, 1 / q, 1 / q]
        let total = weights.reduce(0, +)
        for x in [0, 2, 3, 4] {
            let expected = weights[x] / total
            let standardError = (expected * (1 - expected) / Double(trials)).squareRoot()
            #expect(abs(Double(counts[x]) / Double(trials) - expected) <= 5 * standardError)
        }
    }

    @Test func occurrencesCountEveryToken() {
        let walks = RandomWalks(
            graph: graph, parameters: EmbeddingFixture.walks(), streams: RandomStreams(masterSeed: 2), threads: 2)
        #expect(walks.occurrences(nodeCount: graph.nodeCount).reduce(0, +) == walks.tokenCount)
        #expect(walks.tokenCount == graph.nodeCount * 10 * 20)
    }
}
