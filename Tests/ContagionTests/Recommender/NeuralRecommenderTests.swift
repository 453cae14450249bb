import Foundation
import Testing

@testable import Contagion

/// The two-tower recommender: its backward pass through the inputs, and that it learns tastes.
@Suite struct NeuralRecommenderTests {
    /// The input gradient the backward pass returns (what trains the embeddings) matches
    /// central finite differences of the output.
    @Test func theInputGradientMatchesFiniteDifferences() {
        var rng = Xoshiro256StarStar(seed: 3)
        let network = MultilayerPerceptron(layerSizes: [5, 7, 3], using: &rng)
        let input = (0..<5).map { _ in Distributions.normal(using: &rng) }
        let weights = [0.3, -1.2, 0.7]
        var unused = [Double](repeating: 0, count: network.parameters.count)
        let gradient = network.accumulateGradient(
            activations: network.activations(input[...]), outputGradient: weights, into: &unused)
        for index in input.indices {
            var up = input
            var down = input
            up[index] += 1e-6
            down[index] -= 1e-6
            let f = { (x: [Double]) in zip(network(x[...]), weights).reduce(0) { $0 + $1.0 * $1.1 } }
            #expect(abs((f(up) - f(down)) / 2e-6 - gradient[index]) < 1e-6)
        }
    }

    /// Two groups of users click two groups of items: each user clicked three of their group's
    /// five items. After fitting, a user's two unclicked in-group items outscore every
    /// out-group item for at least three users in four (the groups are equally popular, so only
    /// personal taste can tell them apart; a ranking by chance does it for one user in 21,
    /// `1/C(7, 2)`, and 30 of 40 by chance has probability below 10⁻³⁰).
    @Test(arguments: [MatrixFactorizationRecommender.Loss.logistic, .bpr])
    func itLearnsWhichGroupAUserLikes(loss: MatrixFactorizationRecommender.Loss) {
        let users = 40
        var pairs: [(Int, Int)] = []
        for user in 0..<users {
            let group = user % 2 * 5
            for offset in 0..<3 { pairs.append((user, group + (user / 2 + offset) % 5)) }
        }
        let clicks = RecommenderFixture.clicks(users: users, items: 10, pairs)
        var parameters = NeuralRecommender.Parameters()
        parameters.loss = loss
        parameters.dimensions = 8
        parameters.epochs = 60
        let context = RecommenderFixture.context(users: users, items: 10)
        var recommender = NeuralRecommender(parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 2)
        recommender.fit(clicks, context: context, using: &rng)
        var learned = 0
        for user in 0..<users {
            var scores = [Float](repeating: 0, count: 10)
            recommender.score(user: user, into: &scores, using: &rng)
            let group = user % 2 * 5
            let clicked = Set(clicks.items(of: user).map(Int.init))
            let inGroup = (group..<(group + 5)).filter { !clicked.contains($0) }.map { scores[$0] }
            let outGroup = (0..<10).filter { $0 < group || $0 >= group + 5 }.map { scores[$0] }
            if inGroup.min() ?? 0 > outGroup.max() ?? 0 { learned += 1 }
        }
        #expect(learned >= 30, "\(learned) of \(users) users ranked their group's unclicked items first")
    }

    @Test func itsKeysAreReadAndChecked() throws {
        let scenario = try ScenarioTestSupport.load(
            #"{ graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree" }], feed: { recommenders: [{ type: "neural", loss: "bpr", dimensions: 4, epochs: 2 }] } }"#
        )
        let settings = try #require(scenario.feed?.recommenders[0].recommender as? NeuralRecommenderSettings)
        #expect(
            settings.parameters.loss == .bpr && settings.parameters.dimensions == 4 && settings.parameters.epochs == 2)
        let (error, _) = try ScenarioTestSupport.error(
            #"{ graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree" }], feed: { recommenders: [{ type: "neural", dimensions: 0 }] } }"#
        )
        #expect(error.description.hasSuffix("feed.recommenders[0].dimensions: must be in [1, 256], got 0"))
    }
}
