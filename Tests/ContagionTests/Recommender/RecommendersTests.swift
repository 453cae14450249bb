import Foundation
import Testing

@testable import Contagion

/// Each recommender against scores worked out by hand on tiny click matrices.
@Suite struct RecommendersTests {
    let context = RecommenderFixture.context(users: 4, items: 4)
    /// Users 0 and 1 share items 0 and 1; user 2 clicked items 1 and 2; user 3 nothing.
    let clicks = RecommenderFixture.clicks(
        users: 4, items: 4, [(0, 0), (0, 1), (1, 0), (1, 1), (1, 1), (2, 1), (2, 2)])

    @Test func theMatrixHoldsEachClickOnceBothWays() {
        #expect(clicks.count == 6)
        #expect(Array(clicks.items(of: 1)) == [0, 1])
        #expect(Array(clicks.users(of: 1)) == [0, 1, 2])
        #expect(clicks.items(of: 3).isEmpty && clicks.users(of: 3).isEmpty)
        #expect(clicks.hasClicked(2, 2) && !clicks.hasClicked(2, 0))
        let log = [
            Interaction(step: 1, user: 0, item: 3, action: .click, channel: .social),
            Interaction(step: 1, user: 0, item: 2, action: .purchase, channel: .social),
            Interaction(step: 4, user: 1, item: 3, action: .click, channel: .recommendation),
        ]
        let early = InteractionMatrix(userCount: 2, itemCount: 4, interactions: log, before: 4)
        #expect(early.count == 1 && early.hasClicked(0, 3))
    }

    @Test func popularityCountsClickers() {
        #expect(
            RecommenderFixture.scores(PopularityRecommender(), fittedOn: clicks, context: context, user: 3) == [
                2, 3, 1, 0,
            ])
    }

    /// s(0,1) = 2/√(2·3), s(1,2) = 1/√(3·1); user 2 (items 1, 2) scores item 0 with s(1,0).
    @Test func itemCFSumsCosineSimilaritiesToTheClickedItems() {
        let scores = RecommenderFixture.scores(ItemKNNRecommender(), fittedOn: clicks, context: context, user: 2)
        let s01 = Float(2 / (2.0 * 3).squareRoot())
        let s12 = Float(1 / 3.0.squareRoot())
        #expect(abs(scores[0] - s01) < 1e-6)
        #expect(abs(scores[1] - s12) < 1e-6)
        #expect(abs(scores[2] - s12) < 1e-6)
        #expect(scores[3] == 0)
    }

    /// User 2's neighbours: users 0 and 1 with similarity 1/√(2·2) each.
    @Test func userCFWeighsNeighboursClicksBySimilarity() {
        let scores = RecommenderFixture.scores(UserKNNRecommender(), fittedOn: clicks, context: context, user: 2)
        #expect(scores == [1, 1, 0, 0])
        let one = RecommenderFixture.scores(
            UserKNNRecommender(neighbourCount: 1), fittedOn: clicks, context: context, user: 2)
        #expect(one == [0.5, 0.5, 0, 0])
        #expect(
            RecommenderFixture.scores(UserKNNRecommender(), fittedOn: clicks, context: context, user: 3) == [
                0, 0, 0, 0,
            ])
    }

    @Test func contentRanksByTheLearnedProfile() {
        let topics = context.world.catalogue.topics
        let d = context.world.catalogue.topicCount
        let scores = RecommenderFixture.scores(ContentRecommender(), fittedOn: clicks, context: context, user: 2)
        let profile = (0..<d).map { (topics[1 * d + $0] + topics[2 * d + $0]) / 2 }
        for item in 0..<4 {
            let expected = VectorMath.cosine(profile[...], topics[(item * d)..<((item + 1) * d)])
            #expect(abs(scores[item] - expected) < 1e-5)
        }
    }

    @Test func theOracleRanksByTrueClickProbability() {
        let scores = RecommenderFixture.scores(OracleRecommender(), fittedOn: clicks, context: context, user: 1)
        #expect(scores == (0..<4).map { Float(context.truth.recommendedClickProbability(user: 1, item: $0)) })
    }

    @Test func recommendationsSkipClickedItemsAndComeBestFirst() {
        var recommender: any Recommender = PopularityRecommender()
        var rng = Xoshiro256StarStar(seed: 1)
        recommender.fit(clicks, context: context, using: &rng)
        #expect(recommender.recommend(for: 2, count: 2, clicks: clicks, using: &rng) == [0, 3])
        #expect(recommender.recommend(for: 3, count: 3, clicks: clicks, using: &rng) == [1, 0, 2])
    }

    /// Two groups of users click two disjoint groups of items; a user's held-out item from its
    /// own group must outrank every item of the other group.
    @Test(arguments: MatrixFactorizationRecommender.Loss.allCases)
    func matrixFactorizationRecoversBlockStructure(loss: MatrixFactorizationRecommender.Loss) {
        var pairs: [(Int, Int)] = []
        for user in 0..<40 {
            let group = user % 2
            for item in stride(from: group, to: 10, by: 2) where (user + item) % 5 != 0 { pairs.append((user, item)) }
        }
        let clicks = RecommenderFixture.clicks(users: 40, items: 10, pairs)
        var parameters = MatrixFactorizationRecommender.Parameters()
        parameters.loss = loss
        parameters.factors = 4
        parameters.epochs = 60
        var recommender = MatrixFactorizationRecommender(parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 4)
        recommender.fit(clicks, context: RecommenderFixture.context(users: 40, items: 10), using: &rng)
        var scores = [Float](repeating: 0, count: 10)
        var correct = 0
        for user in 0..<40 {
            recommender.score(user: user, into: &scores, using: &rng)
            let group = user % 2
            let heldOut = (0..<10).filter { $0 % 2 == group && (user + $0) % 5 == 0 }
            let others = (0..<10).filter { $0 % 2 != group }
            correct += heldOut.allSatisfy { item in others.allSatisfy { scores[item] > scores[$0] } } ? 1 : 0
        }
        #expect(correct >= 38)
    }

    @Test func ndcgOfKnownLists() {
        #expect(RecommenderEvaluation.ndcg([1, 2, 3], relevant: [1], k: 3) == 1)
        #expect(abs(RecommenderEvaluation.ndcg([2, 1, 3], relevant: [1], k: 3) - 1 / log2(3.0)) < 1e-12)
        let twoHits = (1 / log2(3.0) + 1 / log2(4.0)) / (1 + 1 / log2(3.0))
        #expect(abs(RecommenderEvaluation.ndcg([5, 1, 2], relevant: [1, 2], k: 3) - twoHits) < 1e-12)
        #expect(RecommenderEvaluation.ndcg([5, 6], relevant: [1], k: 2) == 0)
    }
}
