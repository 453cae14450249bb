import Foundation
import Testing

@testable import Contagion

/// The environment's rewards against exact spreads, its rounds, and the features' bookkeeping.
@Suite struct SeedingEnvironmentTests {
    func environment(_ model: CompiledModel, rounds: Int = 1, budget: Int = 3, sets: Int = 40_000)
        -> SeedingEnvironment
    {
        var configuration = SeedingEnvironment.Configuration()
        configuration.budget = budget
        configuration.rounds = rounds
        configuration.candidates = 9
        configuration.rewardSets = sets
        let world = Fixture.world(SeedingFixture.graph)
        return SeedingEnvironment(
            world: world, items: [0], models: [LiveEdgeModel(model)], embedding: nil, configuration: configuration,
            seed: 7, threads: 2)
    }

    @Test func arcProbabilitiesAreTheModelsOwn() {
        let cascade = LiveEdgeModel(SeedingFixture.cascade).arcProbabilities()
        #expect(zip(cascade, SeedingFixture.probabilities).allSatisfy { abs($0 - $1) < 1e-9 })
        let threshold = LiveEdgeModel(SeedingFixture.threshold).arcProbabilities()
        #expect(zip(threshold, SeedingFixture.thresholdWeights).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    /// Static rewards sum to the RR estimate of the seeds' spread, which is within 5 standard
    /// errors of the exact spread from every live-edge world (IC and LT).
    @Test func staticRewardsEstimateTheExactSpread() {
        for (model, exact) in SeedingFixture.enumerable {
            var env = environment(model)
            env.reset(episode: 0)
            let rewards = [0, 6, 3].map { env.act(.init(user: $0, itemIndex: 0)) }
            #expect(env.isDone && abs(rewards.reduce(0, +) - env.episodeReturn) < 1e-9)
            let n = 9.0
            let truth = exact.spread(of: [0, 6, 3])
            let f = truth / n
            let standardError = n * (f * (1 - f) / 40_000).squareRoot()
            #expect(abs(env.episodeReturn - truth) <= 5 * standardError + 1e-9, "\(env.episodeReturn) vs \(truth)")
            // Each marginal reward is the exact marginal gain, up to the same error.
            let first = exact.spread(of: [0])
            #expect(abs(rewards[0] - first) <= 5 * n * ((first / n) * (1 - first / n) / 40_000).squareRoot() + 1e-9)
        }
    }

    /// Adaptive episodes: rewards arrive at the end of each round, and their sum is the
    /// realised reach, whose mean over episodes is the exact spread (within 5 standard errors).
    @Test func adaptiveReturnsAreRealisedSpreads() {
        var env = environment(SeedingFixture.cascade, rounds: 3)
        let exact = ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities)
        var returns: [Double] = []
        for episode in 0..<4000 {
            env.reset(episode: episode)
            var rewards: [Double] = []
            for user: NodeID in [0, 6, 3] { rewards.append(env.act(.init(user: user, itemIndex: 0))) }
            // One seed a round: each action ends a round; the first seed is always new.
            #expect(rewards[0] >= 1 && rewards.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
            returns.append(env.episodeReturn)
        }
        let summary = SampleSummary(returns)
        let truth = exact.spread(of: [0, 6, 3])
        #expect(abs(summary.mean - truth) < 5 * summary.standardError, "\(summary.mean) vs \(truth)")
    }

    @Test func roundsSplitTheBudgetFrontLoaded() {
        var env = environment(SeedingFixture.cascade, rounds: 2, budget: 5)
        env.reset(episode: 0)
        var rounds: [Int] = []
        for user: NodeID in [0, 1, 2, 3, 4] {
            rounds.append(env.round)
            _ = env.act(.init(user: user, itemIndex: 0))
        }
        #expect(rounds == [0, 0, 0, 1, 1] && env.isDone)
    }

    /// On a star with arc probability 0.3, seeding the hub reaches each leaf with q = 0.3: the
    /// leaves' features say so, and the hub leaves the candidates.
    @Test func seedingUpdatesReachedProbabilitiesAndCandidates() {
        let star = Fixture.star(leaves: 6)
        let world = Fixture.world(star)
        let p = [Double](repeating: 0.3, count: star.arcCount)
        var features = CandidateFeatures(world: world, items: [0], probabilities: [p], embedding: nil)
        #expect(features.candidates(1) == [0])
        features.markSeed(0, itemIndex: 0)
        #expect(abs(features.reachedProbability(3, itemIndex: 0) - 0.3) < 1e-12)
        #expect(!features.candidates(7).contains(0) && features.candidates(7).count == 6)
        var vector: [Double] = []
        features.append(user: 3, itemIndex: 0, budgetLeft: 0.5, roundsLeft: 1, to: &vector)
        #expect(vector.count == CandidateFeatures.count)
        // Leaf 3's only friend is the hub (reached): residual mass 0, reached share 1.
        #expect(abs(vector[3]) < 1e-12 && abs(vector[6] - 1) < 1e-12 && abs(vector[12] - 0.3) < 1e-12)
        features.markReached(3, itemIndex: 0, probability: 1)
        #expect(features.reachedProbability(3, itemIndex: 0) == 1)
        features.reset()
        #expect(features.reachedProbability(3, itemIndex: 0) == 0 && features.candidates(1) == [0])
    }

    @Test func observationsPairEveryCandidateWithEveryItem() {
        var configuration = SeedingEnvironment.Configuration()
        configuration.candidates = 4
        configuration.rewardSets = 1000
        let world = Fixture.world(SeedingFixture.graph)
        let model = LiveEdgeModel(SeedingFixture.cascade)
        var env = SeedingEnvironment(
            world: world, items: [0, 1], models: [model, model], embedding: nil, configuration: configuration, seed: 1,
            threads: 1)
        env.reset(episode: 0)
        let observation = env.observe()
        #expect(observation.actions.count == 8)
        #expect(observation.features.count == 8 * CandidateFeatures.count)
        #expect(Set(observation.actions.map(\.itemIndex)) == [0, 1])
    }
}

extension SeedingEnvironmentTests {
    /// Evaluation realises even one-round episodes: a fixed seed list's returns average the
    /// exact spread (within 5 standard errors), and two strategies see the same realisation in
    /// the same episode (the same seeds, the same return).
    @Test func evaluationsCompareStrategiesOnCommonRealisations() {
        var configuration = SeedingEnvironment.Configuration()
        configuration.budget = 2
        configuration.realises = true
        configuration.candidates = 9
        var env = SeedingEnvironment(
            world: Fixture.world(SeedingFixture.graph), items: [0], models: [LiveEdgeModel(SeedingFixture.cascade)],
            embedding: nil, configuration: configuration, seed: 11, threads: 1)
        let seeds: [SeedingEnvironment.Action] = [.init(user: 0, itemIndex: 0), .init(user: 6, itemIndex: 0)]
        let first = PolicyEvaluation.returns(of: .fixed(seeds), in: &env, episodes: 0..<3000)
        let again = PolicyEvaluation.returns(of: .fixed(seeds.reversed()), in: &env, episodes: 0..<3000)
        #expect(first == again)
        let exact = ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities)
        let summary = SampleSummary(first)
        #expect(abs(summary.mean - exact.spread(of: [0, 6])) < 5 * summary.standardError)
        #expect(Set(first).count > 1)  // realised outcomes vary
    }
}

extension SeedingEnvironmentTests {
    /// With an embedding, feature 11 is the largest cosine between a candidate and the seeds so
    /// far: 1 for a user whose vector is a seed's, 0 before any seed or without an embedding.
    @Test func theEmbeddingFeatureMeasuresSimilarityToTheSeeds() {
        let star = Fixture.star(leaves: 4)
        let world = Fixture.world(star)
        // Leaves 1 and 2 point the same way; leaf 3 is orthogonal to them.
        let vectors: [Float] = [1, 1, 1, 0, 2, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1]
        let embedding = NodeEmbedding(count: 5, dimensions: 3, vectors: vectors)
        let p = [Double](repeating: 0.1, count: star.arcCount)
        var features = CandidateFeatures(world: world, items: [0], probabilities: [p], embedding: embedding)
        func similarity(_ user: Int) -> Double {
            var vector: [Double] = []
            features.append(user: user, itemIndex: 0, budgetLeft: 1, roundsLeft: 1, to: &vector)
            return vector[11]
        }
        #expect(similarity(2) == 0)
        features.markSeed(1, itemIndex: 0)
        #expect(abs(similarity(2) - 1) < 1e-6 && abs(similarity(3)) < 1e-6)
        var plain = CandidateFeatures(world: world, items: [0], probabilities: [p], embedding: nil)
        plain.markSeed(1, itemIndex: 0)
        var vector: [Double] = []
        plain.append(user: 2, itemIndex: 0, budgetLeft: 1, roundsLeft: 1, to: &vector)
        #expect(vector[11] == 0)
    }
}
