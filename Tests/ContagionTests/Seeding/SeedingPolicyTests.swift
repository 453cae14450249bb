import Testing

@testable import Contagion

@Suite struct SeedingPolicyTests {
    func seeds(_ policy: some SeedingPolicy, _ graph: Graph, count: Int, seed: UInt64 = 1) throws -> [NodeID] {
        var rng = Xoshiro256StarStar(seed: seed)
        return try policy.selectSeeds(count: count, in: Fixture.context(graph), using: &rng)
    }
}

// MARK: - Degree and degree discount

extension SeedingPolicyTests {
    /// Undirected: 0 (degree 3) first; its neighbours 1, 2 drop to 2 − 2 − 1·1·0.1 = −0.1 and 3
    /// to −1, so the second pick is 4 (untouched degree 1), and the third 1 (−0.1, lower id).
    /// Plain degree picks 0, 1, 2.
    @Test func degreeDiscountByHandUndirected() throws {
        let graph = Fixture.graph(6, [(0, 1), (0, 2), (0, 3), (1, 2), (4, 5)], directed: false)
        #expect(try seeds(DegreeDiscount(probability: 0.1), graph, count: 3) == [0, 4, 1])
        #expect(try seeds(DegreeSeeds(), graph, count: 3) == [0, 1, 2])
    }

    /// Directed: after the hub 0 is chosen, 4 (which shares to 0 and 5) has one new follower
    /// left, so dd_4 = 2 − 1 = 1 and 6 (two fresh followers, dd = 2) comes second.
    @Test func degreeDiscountCountsSeedsAmongFollowersOnDirectedGraphs() throws {
        let graph = Fixture.graph(9, [(0, 1), (0, 2), (0, 3), (4, 0), (4, 5), (6, 7), (6, 8)])
        #expect(try seeds(DegreeDiscount(probability: 0.1), graph, count: 2) == [0, 6])
    }

    @Test func degreeBreaksTiesByLowerIndex() throws {
        let graph = Fixture.graph(5, [(3, 0), (3, 1), (1, 2), (1, 4), (0, 2)])
        #expect(try seeds(DegreeSeeds(), graph, count: 3) == [1, 3, 0])
    }
}

// MARK: - PageRank

extension SeedingPolicyTests {
    /// Against NetworkX (`nx.pagerank(karate, alpha=0.85)`): top five 33, 0, 32, 2, 1.
    @Test func pageRankMatchesNetworkXOnTheKarateClub() throws {
        let graph = BuiltinGraph.karateClub.makeGraph()
        let scores = PageRankSeeds().scores(graph)
        #expect(abs(scores.reduce(0, +) - 1) < 1e-9)
        #expect(abs(scores[33] - 0.1009191823) < 1e-8)
        #expect(abs(scores[0] - 0.0969972854) < 1e-8)
        #expect(try seeds(PageRankSeeds(), graph, count: 5) == [33, 0, 32, 2, 1])
    }

    /// Influence flows along arcs: on 0 → {1, 2, 3}, 3 → 4 the source 0 ranks first, and the
    /// scores equal NetworkX's PageRank of the reversed graph.
    @Test func pageRankFollowsInfluenceNotPopularity() throws {
        let graph = Fixture.graph(5, [(0, 1), (0, 2), (0, 3), (3, 4)])
        let scores = PageRankSeeds().scores(graph)
        let expected = [0.4683474925, 0.1096190737, 0.1096190737, 0.2027952864, 0.1096190737]
        for node in 0..<5 { #expect(abs(scores[node] - expected[node]) < 1e-8) }
        #expect(try seeds(PageRankSeeds(), graph, count: 2) == [0, 3])
    }
}

// MARK: - Random and explicit

extension SeedingPolicyTests {
    @Test func randomSeedsAreDistinctAndUniform() throws {
        let graph = Fixture.graph(20, [(0, 1)])
        var hits = [Int](repeating: 0, count: 20)
        let draws = 4_000
        for seed in 0..<draws {
            let chosen = try seeds(RandomSeeds(), graph, count: 5, seed: UInt64(seed))
            #expect(Set(chosen).count == 5)
            for node in chosen { hits[Int(node)] += 1 }
        }
        // Each node is chosen with probability 5/20; 5 binomial standard errors either way.
        let mean = Double(draws) * 0.25
        let sd = (Double(draws) * 0.25 * 0.75).squareRoot()
        #expect(hits.allSatisfy { abs(Double($0) - mean) < 5 * sd })
        #expect(try seeds(RandomSeeds(), graph, count: 50).count == 20)
    }

    @Test func explicitSeedsByNameAndUnknownUsers() throws {
        let graph = BuiltinGraph.florentineFamilies.makeGraph()
        let medici = try #require(graph.nodeNames?.firstIndex(of: "Medici"))
        #expect(try seeds(ExplicitSeeds(userNames: ["Medici"]), graph, count: 1) == [NodeID(medici)])
        #expect(throws: SeedingError("policy 'explicit': user 'Pucci' is not in the graph")) {
            try seeds(ExplicitSeeds(userNames: ["Medici", "Pucci"]), graph, count: 2)
        }
    }
}

/// A policy's answer is checked once per selection: kernels index by seed without bounds checks.
@Suite struct SeedSelectionCheckTests {
    struct OutOfRange: SeedingPolicy {
        let name = "broken"
        func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) -> [NodeID] {
            [0, NodeID(context.graph.nodeCount)]
        }
    }

    @Test func aSeedOutsideTheGraphIsASeedingError() {
        var rng = Xoshiro256StarStar(seed: 1)
        let context = Fixture.context(BuiltinGraph.karateClub.makeGraph())
        #expect(throws: SeedingError("policy 'broken' chose user 34, not one of the graph's 34 users")) {
            try OutOfRange().timedSelection(count: 2, in: context, using: &rng)
        }
    }
}
