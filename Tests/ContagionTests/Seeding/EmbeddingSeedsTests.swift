import Testing

@testable import Contagion

@Suite struct EmbeddingSeedsTests {
    /// Four communities, the first much denser, so that every top-reach user is in it: the
    /// coverage rule still puts one seed in each community.
    @Test func seedsSpreadOverTheCommunitiesOfTheEmbedding() throws {
        var rng = Xoshiro256StarStar(seed: 2)
        var builder = GraphBuilder(nodeCount: 200, directed: false)
        for u in 0..<200 {
            for v in (u + 1)..<200 {
                let (a, b) = (u / 50, v / 50)
                let p = a != b ? 0.002 : (a == 0 ? 0.5 : 0.15)
                if rng.nextUnit() < p { builder.addEdge(from: NodeID(u), to: NodeID(v)) }
            }
        }
        let graph = builder.build()
        let embedding = GraphEmbedding(
            graph: graph, walks: EmbeddingFixture.walks(), skipGram: EmbeddingFixture.skipGram(), seed: 3, threads: 2
        ).embedding
        let plain = Fixture.context(graph)
        let context = SeedingContext(
            world: plain.world, item: 0, model: plain.model, threads: 2, embedding: embedding)
        var policyRNG = Xoshiro256StarStar(seed: 4)
        let seeds = try EmbeddingSeeds().selectSeeds(count: 4, in: context, using: &policyRNG)
        #expect(Set(seeds.map { $0 / 50 }) == [0, 1, 2, 3])
        let byDegree = try DegreeSeeds().selectSeeds(count: 4, in: context, using: &policyRNG)
        #expect(Set(byDegree.map { $0 / 50 }) == [0])
    }

    @Test func withoutAnEmbeddingThePolicyExplainsWhatItNeeds() throws {
        let context = Fixture.context(Fixture.star(leaves: 5))
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(throws: SeedingError("embedding: the embedding policy needs the scenario's graph embedding")) {
            try EmbeddingSeeds().selectSeeds(count: 2, in: context, using: &rng)
        }
    }
}
