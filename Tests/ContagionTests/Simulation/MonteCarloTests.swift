import Testing

@testable import Contagion

@Suite struct MonteCarloTests {
    let model = CompiledModel.uniformCascade(
        IndependentCascade(graph: Fixture.star(leaves: 30), probabilities: UniformArcProbability(0.3)))

    @Test func totalsDoNotDependOnTheThreadCount() {
        let streams = RandomStreams(masterSeed: 4)
        let one = MonteCarlo.run(
            model, seeds: [1], runs: 1_000, threads: 1, streams: streams, phase: .cascade, batch: 2)
        for threads in [2, 3, 8] {
            #expect(
                MonteCarlo.run(
                    model, seeds: [1], runs: 1_000, threads: threads, streams: streams, phase: .cascade, batch: 2)
                    == one)
        }
        #expect(one.runs == 1_000)
    }

    /// The standard error every 5σ test relies on equals the textbook one of the same sample.
    @Test func standardErrorMatchesSampleSummary() {
        let values: [Double] = [3, 7, 7, 12, 1, 9, 4, 4, 30, 2]
        var totals = MonteCarlo.Totals()
        totals.runs = values.count
        totals.activated = Int(values.reduce(0, +))
        totals.activatedSquares = values.reduce(0) { $0 + $1 * $1 }
        #expect(abs(totals.meanSpread - SampleSummary(values).mean) < 1e-12)
        #expect(abs(totals.standardError - SampleSummary(values).standardError) < 1e-12)
    }
}
