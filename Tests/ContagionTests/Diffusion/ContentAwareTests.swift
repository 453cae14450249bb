import Foundation
import Testing

@testable import Contagion

@Suite struct ContentAwareTests {
    let graph = Fixture.graph(
        8, [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (1, 4), (4, 5), (2, 5), (5, 6), (6, 7), (3, 7)])

    /// A world on `graph` whose users are always online.
    func alwaysOnline(_ graph: Graph) -> World {
        let world = Fixture.world(graph)
        let u = world.users
        let users = Users(
            count: u.count, topicCount: u.topicCount, interests: u.interests,
            activity: [Float](repeating: 1, count: u.count), sharePropensity: u.sharePropensity,
            communities: u.communities, communityCount: u.communityCount)
        return World(graph: graph, users: users, catalogue: world.catalogue)
    }

    /// Without fatigue, and with users always online, each arc is tried once, independently:
    /// the model is the independent cascade with p_uv = p_click(u, v)·p_share(v), checked
    /// against live-edge enumeration.
    @Test func withoutFatigueItIsTheCompiledIndependentCascade() {
        var parameters = ContentAwareParameters()
        parameters.fatigue = 1
        parameters.clickIntercept = 0
        parameters.shareIntercept = 2
        let world = alwaysOnline(graph)
        let model = ContentAware(world: world, item: 0, parameters: parameters, maximumSteps: 100)
        let probabilities = (0..<graph.arcCount).map(model.independentProbability(ofArc:))
        let exact = Fixture.exactCascadeSpread(graph, probabilities: probabilities, seeds: [0])
        let totals = Fixture.spread(.contentAware(model), seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    /// Fatigue, exactly: seeds 0 and 1 both reach user 2 in step 1 (0 first). User 2 is online
    /// in that step with probability a, and then sees both shares, the second with fatigue:
    /// P(no share) = (1 − a) + a(1 − c₀s)(1 − c₁γs), with s = p_share and
    /// c = p_click = σ(b₀ + b_tie·w + b_aff·c(2, i) + b_app·q_i) computed here from the formula.
    @Test func fatigueMatchesTheTwoExposureFormula() {
        let graph = Fixture.graph(3, [(0, 2), (1, 2)], strengths: [0.9, 0.4])
        let world = Fixture.world(graph)
        var parameters = ContentAwareParameters()
        parameters.fatigue = 0.3
        parameters.clickIntercept = 0.5
        parameters.shareIntercept = 3
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let theta = world.users.interests(of: 2).map(Double.init)
        let phi = world.catalogue.topics(of: 0).map(Double.init)
        let affinity =
            zip(theta, phi).reduce(0) { $0 + $1.0 * $1.1 }
            / (theta.reduce(0) { $0 + $1 * $1 }.squareRoot() * phi.reduce(0) { $0 + $1 * $1 }.squareRoot())
        let appeal = Double(world.catalogue.appeal[0])
        func click(_ tie: Double) -> Double {
            sigmoid(
                parameters.clickIntercept + parameters.clickTie * tie + parameters.clickAffinity * affinity
                    + parameters.clickAppeal * appeal)
        }
        let share = Double(world.users.sharePropensity[2]) * sigmoid(3 + parameters.shareAffinity * affinity)
        let a = Double(world.users.activity[2])
        let (c0, c1, gamma) = (click(Double(Float(0.9))), click(Double(Float(0.4))), 0.3)
        let noShare = (1 - a) + a * (1 - c0 * share) * (1 - c1 * gamma * share)
        let exact = 3 - noShare
        let model = ContentAware(world: world, item: 0, parameters: parameters, maximumSteps: 5)
        let totals = Fixture.spread(.contentAware(model), seeds: [0, 1], runs: 200_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError + 1e-6)
    }

    /// Fatigue only lowers later clicks: spread with γ < 1 is below the γ = 1 spread.
    @Test func fatigueReducesSpread() {
        let world = Fixture.world(Fixture.graph(6, [(0, 2), (1, 2), (3, 2), (4, 2), (2, 5)]))
        var fresh = ContentAwareParameters()
        fresh.fatigue = 1
        fresh.clickIntercept = -1
        var tired = fresh
        tired.fatigue = 0.1
        let a = Fixture.spread(
            .contentAware(ContentAware(world: world, item: 0, parameters: fresh, maximumSteps: 9)),
            seeds: [0, 1, 3, 4], runs: 20_000)
        let b = Fixture.spread(
            .contentAware(ContentAware(world: world, item: 0, parameters: tired, maximumSteps: 9)),
            seeds: [0, 1, 3, 4], runs: 20_000)
        #expect(a.meanSpread - b.meanSpread > 5 * (a.standardError + b.standardError))
    }

    /// The funnel narrows: exposed ≥ clicks ≥ purchases, and every non-seed adopter clicked.
    @Test func funnelCountsAreOrdered() {
        let world = Fixture.world(graph)
        var parameters = ContentAwareParameters()
        parameters.clickIntercept = 1
        let model = ContentAware(world: world, item: 1, parameters: parameters, maximumSteps: 50)
        for seed in 0..<200 {
            let s = CascadeStatistics(Fixture.record(model, seeds: [0], seed: UInt64(seed)))
            #expect(s.exposed >= s.clicks && s.clicks >= s.purchases)
            #expect(s.adopters - s.seeds <= s.clicks)
            #expect(abs(s.revenue - Double(s.purchases) * world.catalogue.prices[1]) < 1e-9)
        }
    }

    /// Online is drawn once per user and step: two shares reaching user 2 in the same step
    /// are both seen or both missed, so 2 is exposed with probability a_2, not 1 − (1 − a_2)².
    @Test func onlineIsDrawnOncePerStep() {
        let world = Fixture.world(Fixture.graph(3, [(0, 2), (1, 2)]))
        let model = ContentAware(world: world, item: 0, parameters: ContentAwareParameters(), maximumSteps: 3)
        let runs = 40_000
        var exposed = 0
        for seed in 0..<runs {
            exposed += CascadeStatistics(Fixture.record(model, seeds: [0, 1], seed: UInt64(seed))).exposed - 2
        }
        let a = Double(world.users.activity[2])
        let standardError = (a * (1 - a) / Double(runs)).squareRoot()
        #expect(abs(Double(exposed) / Double(runs) - a) < 5 * standardError)
    }

    /// The seed-formula kernel against live-edge enumeration with its arc probabilities.
    @Test func seedFormulaRunsAsItsIndependentCascade() {
        var parameters = ContentAwareParameters()
        parameters.variant = .seedFormula
        parameters.fatigue = 1
        let world = alwaysOnline(graph)
        let model = ContentAware(world: world, item: 2, parameters: parameters, maximumSteps: 100)
        let probabilities = (0..<graph.arcCount).map(model.independentProbability(ofArc:))
        let exact = Fixture.exactCascadeSpread(graph, probabilities: probabilities, seeds: [0])
        let totals = Fixture.spread(.contentAware(model), seeds: [0], runs: 40_000)
        #expect(abs(totals.meanSpread - exact) < 5 * totals.standardError)
    }

    /// The seed formula: P(u→v) = α·w_uv/D(v) + β·c(v, i)/N(v); with certain activity, a single
    /// arc 0 → 1 with w = 0.5 and D(1) = 0.5 + 0.25 gives α·⅔ + β·c/2.
    @Test func seedFormulaProbability() {
        let small = Fixture.graph(3, [(0, 1), (2, 1)], strengths: [0.5, 0.25])
        let world = Fixture.world(small)
        var parameters = ContentAwareParameters()
        parameters.variant = .seedFormula
        parameters.alpha = 0.6
        parameters.beta = 0.3
        let model = ContentAware(world: world, item: 0, parameters: parameters, maximumSteps: 5)
        let affinity = Double(world.affinities(to: 0, measure: .cosine)[1])
        let expected = Double(world.users.activity[1]) * (0.6 * (0.5 / 0.75) + 0.3 * affinity / 2)
        #expect(abs(model.independentProbability(ofArc: 0) - expected) < 1e-6)
    }
}
