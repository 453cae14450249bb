import Foundation
import Testing

@testable import Contagion

@Suite struct EpidemicTests {
    /// Five users, six friendships with two cycles: 12 arcs, few enough to enumerate.
    let graph = Fixture.graph(5, [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (2, 4)], directed: false)

    func epidemic(_ kind: Epidemic<PerArcProbabilities>.Kind, beta: Double, gamma: Double, steps: Int = 200)
        -> Epidemic<PerArcProbabilities>
    {
        Epidemic(
            graph: graph, transmission: PerArcProbabilities([Double](repeating: beta, count: graph.arcCount)),
            recovery: gamma, kind: kind, maximumSteps: steps)
    }

    /// With γ = 1 every infective transmits for exactly one step: SIR is the independent cascade.
    @Test func sirWithCertainRecoveryIsTheIndependentCascade() {
        let sir = Fixture.spread(.epidemic(epidemic(.sir, beta: 0.4, gamma: 1)), seeds: [0], runs: 40_000)
        let probabilities = [Double](repeating: 0.4, count: graph.arcCount)
        let exact = Fixture.exactCascadeSpread(graph, probabilities: probabilities, seeds: [0])
        #expect(abs(sir.meanSpread - exact) < 5 * sir.standardError)
    }

    /// SIR with recovery γ: an infective transmits along an arc within its geometric
    /// infectious period with probability T = β / (1 − (1 − β)(1 − γ)). On a tree each node is
    /// reached along one path, so the expected final size is Σ_v T^depth(v) exactly (on graphs
    /// with cycles the arcs out of one node are correlated and this no longer holds).
    @Test func sirOnATreeReachesEachNodeWithTransmissibilityToTheDepth() {
        let (beta, gamma) = (0.3, 0.4)
        let transmissibility = beta / (1 - (1 - beta) * (1 - gamma))
        let tree = Fixture.graph(7, [(0, 1), (0, 2), (1, 3), (1, 4), (2, 5), (5, 6)], directed: false)
        let model = Epidemic(
            graph: tree, transmission: PerArcProbabilities([Double](repeating: beta, count: tree.arcCount)),
            recovery: gamma, kind: .sir, maximumSteps: 500)
        let depths = [0, 1, 1, 2, 2, 2, 3]
        let exact = depths.reduce(0.0) { $0 + pow(transmissibility, Double($1)) }
        let sir = Fixture.spread(.epidemic(model), seeds: [0], runs: 40_000)
        #expect(abs(sir.meanSpread - exact) < 5 * sir.standardError)
    }

    @Test func noTransmissionInfectsOnlyTheSeeds() {
        let totals = Fixture.spread(.epidemic(epidemic(.sis, beta: 0, gamma: 0.3)), seeds: [0, 4], runs: 500)
        #expect(totals.activated == 2 * 500)
    }

    @Test func sisWithoutRecoveryInfectsTheWholeComponentAndStaysInfectious() {
        let record = Fixture.record(epidemic(.sis, beta: 1, gamma: 0, steps: 10), seeds: [0])
        #expect(CascadeStatistics(record).adopters == 5)
        #expect(record.steps.last?.infectious == 5)
    }

    /// SIS reinfection, exactly: on 0 — 1 with β = γ = 1 the infection hops back and forth,
    /// one infectious user every step, and both users count as adopters once.
    @Test func sisReinfectsRecoveredUsers() {
        let pair = Fixture.graph(2, [(0, 1)], directed: false)
        let model = Epidemic(
            graph: pair, transmission: PerArcProbabilities([1, 1]), recovery: 1, kind: .sis, maximumSteps: 9)
        let record = Fixture.record(model, seeds: [0])
        #expect(record.steps.map(\.infectious) == [Int](repeating: 1, count: 10))
        #expect(CascadeStatistics(record).adopters == 2)
        #expect(record.steps.count == 10)
    }

    /// SIR on the same pair: 1 is infected at step 1, 0 recovers and is immune, so the run
    /// ends after step 2 with nobody infectious.
    @Test func sirRecoveredUsersAreImmune() {
        let pair = Fixture.graph(2, [(0, 1)], directed: false)
        let model = Epidemic(
            graph: pair, transmission: PerArcProbabilities([1, 1]), recovery: 1, kind: .sir, maximumSteps: 9)
        let record = Fixture.record(model, seeds: [0])
        #expect(record.steps.map(\.infectious) == [1, 1, 0])
    }

    /// Without recovery every user of the component is infected eventually (a susceptible
    /// neighbour escapes 500 steps with probability 0.7^500).
    @Test func sirWithoutRecoveryReachesTheWholeComponent() {
        let totals = Fixture.spread(.epidemic(epidemic(.sir, beta: 0.3, gamma: 0, steps: 500)), seeds: [0], runs: 200)
        #expect(totals.activated == 5 * 200)
    }
}
