import Testing

@testable import Contagion

@Suite struct LinearThresholdTests {
    @Test func matchesLivePathEnumerationWithUniformWeights() {
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (1, 4), (4, 5), (2, 5), (5, 0), (3, 1), (4, 2)]
        let graph = Fixture.graph(6, edges)
        let model = LinearThreshold(graph: graph, useTieStrength: false)
        let exact = Fixture.exactThresholdSpread(graph, weights: model.weights.map(Double.init), seeds: [0])
        let totals = Fixture.spread(.linearThreshold(model), seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    @Test func matchesLivePathEnumerationWithTieStrengths() {
        let edges = [(0, 1), (0, 2), (1, 2), (2, 3), (1, 3), (3, 4), (0, 4), (4, 1)]
        let strengths: [Float] = [0.9, 0.2, 0.5, 0.7, 0.3, 1.0, 0.4, 0.6]
        let graph = Fixture.graph(5, edges, strengths: strengths)
        let model = LinearThreshold(graph: graph, useTieStrength: true)
        let exact = Fixture.exactThresholdSpread(graph, weights: model.weights.map(Double.init), seeds: [0])
        let totals = Fixture.spread(.linearThreshold(model), seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    /// s → {a, b} → t: under LT with weights 1/indeg, t has both in-neighbours active and is
    /// always reached (spread 4); under weighted-cascade IC it is reached with 1 − ½·½ (3.75).
    @Test func differsFromIndependentCascade() {
        let graph = Fixture.graph(4, [(0, 1), (0, 2), (1, 3), (2, 3)])
        let threshold = Fixture.spread(
            .linearThreshold(LinearThreshold(graph: graph, useTieStrength: false)), seeds: [0], runs: 5_000)
        #expect(threshold.activated == 4 * 5_000)
        var rng = SplitMix64(seed: 1)
        let cascade = CompiledModel.cascade(
            IndependentCascade(
                graph: graph,
                probabilities: PerArcProbabilities(
                    CascadeProbabilityPreset.weightedCascade.probabilities(on: graph, using: &rng))))
        let totals = Fixture.spread(cascade, seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - 3.75) < 5 * totals.standardError)
    }

    @Test func normalisedWeightsSumToOne() {
        let graph = Fixture.graph(4, [(0, 3), (1, 3), (2, 3)], strengths: [0.2, 0.3, 0.5])
        let model = LinearThreshold(graph: graph, useTieStrength: true)
        #expect(abs(model.weights.reduce(0, +) - 1) < 1e-6)
        #expect(abs(model.weights[2] - 0.5) < 1e-6)
    }
}
