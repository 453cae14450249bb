import Testing

@testable import Contagion

@Suite struct RecommenderEvaluationTests {
    /// On a homophilous platform the offline order is the one the models imply: the oracle
    /// (true interests) first, every learned recommender between it and popularity, random last.
    @Test func theOrderOnAHomophilousPlatform() throws {
        let scenario = try ScenarioTestSupport.load(RecommenderFixture.homophilousScenario)
        let world = try scenario.makeWorld(baseDirectory: "/")
        let result = try Experiment.run(try scenario.makePlan(world: world), threads: 2)
        let scores = try #require(result.evaluations.first).scores
        #expect(scores.map(\.recommender) == Recommenders.registry.defaultEntries.map(\.type))
        let ndcg = Dictionary(uniqueKeysWithValues: scores.map { ($0.recommender, $0.ndcg) })
        let oracle = ndcg["oracle"]!
        let popularity = ndcg["popularity"]!
        let random = ndcg["random"]!
        for learned in ["embedding", "content", "user_cf", "item_cf", "matrix_factorization"] {
            #expect(ndcg[learned]!.mean < oracle.mean, "\(learned) beats the oracle")
            #expect(ndcg[learned]!.mean > popularity.mean, "popularity beats \(learned)")
        }
        #expect(popularity.mean > random.mean)
        // The ends of the order are far apart: more than 5 standard errors.
        #expect(oracle.mean - popularity.mean > 5 * oracle.standardError)
        #expect(popularity.mean - random.mean > 5 * popularity.standardError)
        #expect(scores.allSatisfy { $0.users > 500 })
    }

    @Test func theCutoffLeavesTheAskedShareOfClicksForTraining() {
        let log = (0..<10).map { Interaction(step: Int32($0), user: 0, item: 0, action: .click, channel: .social) }
        #expect(RecommenderEvaluation.cutoff(of: log, trainFraction: 0.8) == 8)
        #expect(RecommenderEvaluation.cutoff(of: [], trainFraction: 0.8) == 1)
    }

    /// Only items a user had not clicked before the cut-off count as held out; users with none
    /// are not evaluated; a perfect recommender scores recall and NDCG 1.
    @Test func heldOutClicksAreTheNewOnes() {
        let context = RecommenderFixture.context(users: 3, items: 4)
        let log: [Interaction] = [
            .init(step: 1, user: 0, item: 1, action: .click, channel: .social),
            .init(step: 5, user: 0, item: 1, action: .click, channel: .social),
            .init(step: 5, user: 1, item: 3, action: .click, channel: .recommendation),
            .init(step: 6, user: 2, item: 0, action: .purchase, channel: .social),
        ]
        var rng = Xoshiro256StarStar(seed: 1)
        let scores = RecommenderEvaluation.evaluate(
            [PopularityRecommender()], interactions: log, cutoff: 5, k: 4, context: context, using: &rng)
        #expect(scores[0].users == 1)
        #expect(scores[0].recall.mean == 1)
    }
}
