import Testing

@testable import Contagion

/// Deep Q-learning on a graph small enough to know the optimum.
@Suite struct DeepQLearningTests {
    static func environment(budget: Int) -> SeedingEnvironment {
        var configuration = SeedingEnvironment.Configuration()
        configuration.budget = budget
        configuration.candidates = 9
        configuration.rewardSets = 20_000
        return SeedingEnvironment(
            world: Fixture.world(SeedingFixture.graph), items: [0], models: [LiveEdgeModel(SeedingFixture.cascade)],
            embedding: nil, configuration: configuration, seed: 3, threads: 2)
    }

    static func trained(episodes: Int, seed: UInt64) -> (DeepQLearning, [DeepQLearning.EpisodeRecord]) {
        var parameters = DeepQLearning.Parameters()
        parameters.hiddenLayers = [16, 16]
        parameters.explorationEpisodes = episodes / 2
        parameters.learningRate = 3e-3
        var learner = DeepQLearning(parameters: parameters, using: Xoshiro256StarStar(seed: seed))
        var env = environment(budget: 2)
        let records = (0..<episodes).map { learner.train(episode: $0, in: &env) }
        return (learner, records)
    }

    /// After training, the greedy policy's two seeds reach at least 95% of the best pair's
    /// exact expected spread (every pair tried, every live-edge world enumerated), and more
    /// than the average pair.
    @Test func theLearnedPolicyNearlyMatchesTheBruteForceOptimum() {
        let (learner, records) = Self.trained(episodes: 300, seed: 1)
        var env = Self.environment(budget: 2)
        env.reset(episode: 0)
        _ = learner.policy.play(&env)
        let exact = ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities)
        let spread = exact.spread(of: env.seeds.map { NodeID($0.user) })
        let optimum = exact.optimum(seeds: 2)
        var pairs: [Double] = []
        for a in 0..<9 { for b in (a + 1)..<9 { pairs.append(exact.spread(of: [NodeID(a), NodeID(b)])) } }
        #expect(spread >= 0.95 * optimum, "\(spread) of \(optimum)")
        #expect(spread > pairs.reduce(0, +) / Double(pairs.count))
        #expect(records.last!.epsilon < records.first!.epsilon)
    }

    @Test func trainingIsDeterministicForASeed() {
        let (a, _) = Self.trained(episodes: 30, seed: 5)
        let (b, _) = Self.trained(episodes: 30, seed: 5)
        #expect(a.policy == b.policy)
        let (c, _) = Self.trained(episodes: 30, seed: 6)
        #expect(a.policy != c.policy)
    }
}
