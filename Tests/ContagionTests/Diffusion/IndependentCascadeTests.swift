import Foundation
import Testing

@testable import Contagion

@Suite struct IndependentCascadeTests {
    func uniform(_ graph: Graph, _ p: Double) -> CompiledModel {
        .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(p)))
    }
}

// MARK: - Exact cases

extension IndependentCascadeTests {
    @Test func probabilityZeroSpreadsNothing() {
        let graph = Fixture.star(leaves: 20)
        let totals = Fixture.spread(uniform(graph, 0), seeds: [0, 3], runs: 200)
        #expect(totals.activated == 2 * 200)
    }

    @Test func probabilityOneOnAPathHasAnExactTimeline() {
        let n = 12
        let model = IndependentCascade(graph: Fixture.path(n), probabilities: UniformArcProbability(1))
        let record = Fixture.record(model, seeds: [0])
        #expect(record.activatedUsers == (0..<n).map { NodeID($0) })
        #expect(record.steps.map(\.adopters).prefix(n) == ArraySlice([Int](repeating: 1, count: n)))
        let statistics = CascadeStatistics(record)
        #expect(statistics.adopters == n)
        #expect(statistics.depth == n - 1)
        #expect(statistics.duration == n - 1)
        #expect(statistics.peakStep == 1)
        #expect(abs(statistics.structuralVirality - Double(n + 1) / 3) < 1e-12)
    }

    /// The skipping kernel still reports every exposed user: on a star every leaf sees the centre.
    @Test func skippingRecordsEveryExposure() {
        let model = IndependentCascade(graph: Fixture.star(leaves: 40), probabilities: UniformArcProbability(0.01))
        let statistics = CascadeStatistics(Fixture.record(model, seeds: [0]))
        #expect(statistics.exposed == 41)
        #expect(statistics.arcsExamined >= 40)
    }

    @Test func stepLimitStopsTheCascade() {
        let model = IndependentCascade(
            graph: Fixture.path(10), probabilities: UniformArcProbability(1), maximumSteps: 3)
        #expect(CascadeStatistics(Fixture.record(model, seeds: [0])).adopters == 4)
    }

    @Test func repeatedSeedsCountOnce() {
        let model = IndependentCascade(graph: Fixture.path(3), probabilities: UniformArcProbability(0))
        #expect(CascadeStatistics(Fixture.record(model, seeds: [1, 1, 1])).seeds == 1)
    }
}

// MARK: - Closed forms, within 5 standard errors

extension IndependentCascadeTests {
    // p < 0.05 runs the geometric-skipping kernel, larger p the one-draw-per-arc kernel.
    @Test(arguments: [0.01, 0.03, 0.1, 0.5, 0.9])
    func starFromTheCentre(p: Double) {
        let leaves = 30
        let totals = Fixture.spread(uniform(Fixture.star(leaves: leaves), p), seeds: [0], runs: 20_000)
        let exact = 1 + Double(leaves) * p
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    @Test(arguments: [0.04, 0.2, 0.6])
    func starFromALeaf(p: Double) {
        let leaves = 30
        let totals = Fixture.spread(uniform(Fixture.star(leaves: leaves), p), seeds: [1], runs: 20_000)
        let exact = 1 + p + p * p * Double(leaves - 1)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    @Test func pathFromItsStart() {
        let (n, p) = (15, 0.8)
        let totals = Fixture.spread(uniform(Fixture.path(n), p), seeds: [0], runs: 20_000)
        let exact = (0..<n).reduce(0.0) { $0 + pow(p, Double($1)) }
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    /// Complete graph K_n from one seed: the exact final-size distribution of the Reed–Frost
    /// chain binomial (each susceptible escapes `a` new infectives with probability (1 − p)^a).
    @Test func completeGraphMatchesTheReedFrostRecursion() {
        let (n, p) = (7, 0.25)
        var edges: [(Int, Int)] = []
        for a in 0..<n { for b in (a + 1)..<n { edges.append((a, b)) } }
        // probability[s][a]: probability of state (susceptible s, newly active a).
        var expected = 0.0
        func binomial(_ k: Int, _ n: Int, _ q: Double) -> Double {
            var c = 1.0
            for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
            return c * pow(q, Double(k)) * pow(1 - q, Double(n - k))
        }
        func explore(susceptible s: Int, active a: Int, weight: Double) {
            if a == 0 || s == 0 {
                expected += weight * Double(n - s)
                return
            }
            let q = 1 - pow(1 - p, Double(a))
            for k in 0...s { explore(susceptible: s - k, active: k, weight: weight * binomial(k, s, q)) }
        }
        explore(susceptible: n - 1, active: 1, weight: 1)
        let totals = Fixture.spread(uniform(Fixture.graph(n, edges, directed: false), p), seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - expected) < 5 * totals.standardError)
    }

    /// Bond percolation on Erdős–Rényi G(n, c/n): a large outbreak reaches the fraction S that
    /// solves S = 1 − exp(−c·p·S). The tolerance adds the graph-to-graph fluctuation of the
    /// giant component, of order 1/√n, to 5 standard errors of the mean.
    @Test(arguments: [(4.0, 0.5), (40.0, 0.04)])
    func erdosRenyiLargeOutbreakFraction(c: Double, p: Double) {
        let n = 20_000
        var rng = Xoshiro256StarStar(seed: 99)
        let graph = GraphGenerators.erdosRenyi(
            nodeCount: n, meanDegree: c, directed: false, tieStrength: .constant(1), using: &rng)
        var s = 0.5
        for _ in 0..<200 { s = 1 - exp(-c * p * s) }
        let model = IndependentCascade(graph: graph, probabilities: UniformArcProbability(p))
        var workspace = model.makeWorkspace()
        var fractions: [Double] = []
        for run in 0..<300 {
            var counter = SpreadCounter()
            var stream = RandomStreams(masterSeed: 1).generator(.cascade, run)
            model.run(
                seeds: [NodeID(run * 61 % n)], workspace: &workspace, observer: &counter,
                world: PossibleWorld(using: &stream))
            if counter.activated > n / 10 { fractions.append(Double(counter.activated) / Double(n)) }
        }
        let summary = SampleSummary(fractions)
        #expect(summary.count > 150)
        #expect(abs(summary.mean - s) < 5 * summary.standardError + 3 / Double(n).squareRoot())
        // The share of runs that take off is also S (for undirected G(n, c/n)).
        let takeOff = Double(summary.count) / 300
        #expect(abs(takeOff - s) < 5 * (s * (1 - s) / 300).squareRoot())
    }
}

// MARK: - Brute force over live-edge worlds

extension IndependentCascadeTests {
    @Test func matchesLiveEdgeEnumerationOnASmallGraph() {
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (1, 4), (4, 5), (2, 5), (5, 0), (3, 1), (4, 2), (5, 3)]
        let graph = Fixture.graph(6, edges)
        let probabilities = (0..<graph.arcCount).map { 0.15 + 0.06 * Double($0) }
        let exact = Fixture.exactCascadeSpread(graph, probabilities: probabilities, seeds: [0])
        let model = CompiledModel.cascade(
            IndependentCascade(graph: graph, probabilities: PerArcProbabilities(probabilities)))
        let totals = Fixture.spread(model, seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    @Test func weightedCascadePresetIsOneOverInDegree() {
        let graph = Fixture.graph(4, [(0, 3), (1, 3), (2, 3), (0, 1)])
        var rng = SplitMix64(seed: 1)
        let probabilities = CascadeProbabilityPreset.weightedCascade.probabilities(on: graph, using: &rng)
        for arc in 0..<graph.arcCount {
            let inDegree = graph.inDegrees()[Int(graph.targets[arc])]
            #expect(probabilities[arc] == 1 / Double(inDegree))
        }
        let trivalency = CascadeProbabilityPreset.trivalency.probabilities(on: graph, using: &rng)
        #expect(trivalency.allSatisfy { [0.1, 0.01, 0.001].contains($0) })
    }
}
