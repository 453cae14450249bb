import Foundation
import Testing

@testable import Contagion

/// Pearson similarity for user- and item-based CF, against values worked by hand.
@Suite struct ClickSimilarityTests {
    /// Users 0: {0, 1}, 1: {0, 1, 2}, 2: {1, 3}, over 4 items.
    static let clicks = RecommenderFixture.clicks(
        users: 3, items: 4, [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 3)])

    @Test func theFormulasOnHandWorkedPairs() {
        // c = 2, a = 2, b = 3 over N = 4: cosine 2/√6; Pearson (8 − 6)/√(4·3) = 1/√3.
        #expect(abs(ClickSimilarity.cosine.value(common: 2, 2, 3, positions: 4) - 0.8164966) < 1e-6)
        #expect(abs(ClickSimilarity.pearson.value(common: 2, 2, 3, positions: 4) - 0.5773503) < 1e-6)
        // c = 1, a = b = 2 over 4: no more overlap than chance.
        #expect(ClickSimilarity.pearson.value(common: 1, 2, 2, positions: 4) == 0)
        // A constant vector (set everywhere) has no correlation.
        #expect(ClickSimilarity.pearson.value(common: 2, 2, 3, positions: 3) == 0)
        // Less overlap than chance is negative: c = 0 … here c = 1, a = 3, b = 3 over 4: (4 − 9)/√(3·3).
        #expect(abs(ClickSimilarity.pearson.value(common: 1, 3, 3, positions: 4) + 5.0 / 3) < 1e-6)
    }

    /// User 0's neighbours: user 1 (Pearson 1/√3) and user 2 (Pearson 0), so each of user 1's
    /// items scores 1/√3 and user 2's item 3 scores 0; by cosine (2/√6 and 1/2) item 1 leads.
    @Test func userBasedCFByPearson() {
        let context = RecommenderFixture.context(users: 3, items: 4)
        let pearson = RecommenderFixture.scores(
            UserKNNRecommender(similarity: .pearson), fittedOn: Self.clicks, context: context, user: 0)
        let third = Float(1 / 3.0.squareRoot())
        #expect(zip(pearson, [third, third, third, 0]).allSatisfy { abs($0 - $1) < 1e-6 })
        let cosine = RecommenderFixture.scores(UserKNNRecommender(), fittedOn: Self.clicks, context: context, user: 0)
        let a = Float(2 / 6.0.squareRoot())
        #expect(zip(cosine, [a, a + 0.5, a, 0.5]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    /// Over 3 users item 1 is clicked by everyone (no correlation with anything) and items 0
    /// ({0, 1}) and 2 ({1}) correlate at (3·1 − 2·1)/√((6 − 4)(3 − 1)) = 1/2: user 0 (items 0
    /// and 1) scores item 2 at 1/2 and every other item 0.
    @Test func itemBasedCFByPearson() {
        let context = RecommenderFixture.context(users: 3, items: 4)
        let scores = RecommenderFixture.scores(
            ItemKNNRecommender(measure: .pearson), fittedOn: Self.clicks, context: context, user: 0)
        #expect(zip(scores, [0, 0, 0.5, 0] as [Float]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func theSimilarityKeyIsReadAndCheckedInAScenario() throws {
        let settings = try ScenarioTestSupport.load(
            #"{ graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree" }], feed: { recommenders: [{ type: "user_cf", similarity: "pearson" }, { type: "item_cf", similarity: "pearson" }] } }"#
        )
        #expect((settings.feed?.recommenders[0].recommender as? UserKNNRecommenderSettings)?.similarity == .pearson)
        #expect((settings.feed?.recommenders[1].recommender as? ItemKNNRecommenderSettings)?.similarity == .pearson)
        let (error, _) = try ScenarioTestSupport.error(
            #"{ graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree" }], feed: { recommenders: [{ type: "item_cf", similarity: "jaccard" }] } }"#
        )
        #expect(
            error.description.hasSuffix(
                "feed.recommenders[0].similarity: expected one of: cosine, pearson, got 'jaccard'"))
    }
}
