import Foundation
import Testing

@testable import Contagion

@Suite struct LiveEdgeModelTests {
    static let graph = Fixture.graph(3, [(0, 1), (1, 2), (0, 2)])

    static func thresholds(_ model: LiveEdgeModel) -> [UInt32] {
        guard case .independent(let rule) = model.rule else { return [] }
        return rule.thresholds
    }
}

// MARK: - Exact forms

extension LiveEdgeModelTests {
    @Test func cascadeAndThresholdAreExact() {
        let cascade = LiveEdgeModel(
            .cascade(IndependentCascade(graph: Self.graph, probabilities: PerArcProbabilities([0.1, 0.2, 0.3]))))
        #expect(cascade.approximation == nil)
        // Reverse arcs are grouped by head: 1 ← 0 (arc 0), 2 ← 1 (arc 1), 2 ← 0 (arc 2).
        #expect(Self.thresholds(cascade) == [0.1, 0.2, 0.3].map(bernoulliThreshold))
        let threshold = LiveEdgeModel(.linearThreshold(LinearThreshold(graph: Self.graph, useTieStrength: false)))
        #expect(threshold.approximation == nil)
        guard case .single = threshold.rule else {
            Issue.record("LT keeps one live in-arc per node")
            return
        }
    }

    /// SIR with recovery 1 transmits once per arc: exactly IC with p = β.
    @Test func sirWithCertainRecoveryIsTheCascade() {
        let sir = LiveEdgeModel(
            .epidemic(
                Epidemic(
                    graph: Self.graph, transmission: PerArcProbabilities([0.2, 0.2, 0.2]), recovery: 1, kind: .sir,
                    maximumSteps: 100)))
        #expect(sir.approximation == nil)
        #expect(Self.thresholds(sir) == [UInt32](repeating: bernoulliThreshold(0.2), count: 3))
    }

    /// γ = 0.5, β = 0.2: P(transmit over the infectious period) = 1 − Σ_l γ(1 − γ)^(l−1)(1 − β)^l
    /// = 1 − 0.5·0.8 / (1 − 0.5·0.8) = 1/3; labelled, and SIS says reinfection too.
    @Test func epidemicsWithLongerInfectionAreApproximations() {
        for kind in [Epidemic<PerArcProbabilities>.Kind.sir, .sis] {
            let model = LiveEdgeModel(
                .epidemic(
                    Epidemic(
                        graph: Self.graph, transmission: PerArcProbabilities([0.2, 0.2, 0.2]), recovery: 0.5,
                        kind: kind, maximumSteps: 100)))
            let expected = (1...200).reduce(1.0) { $0 - 0.5 * pow(0.5, Double($1 - 1)) * pow(0.8, Double($1)) }
            #expect(abs(Double(Self.thresholds(model)[0]) * 0x1p-32 - expected) < 1e-9)
            #expect(abs(expected - 1.0 / 3) < 1e-12)
            #expect(model.approximation?.hasPrefix(kind.rawValue) == true)
            #expect(model.approximation?.contains("reinfected") == (kind == .sis))
        }
    }

    /// The content-aware model is labelled unless fatigue is off and everyone is always online.
    @Test func contentAwareIsExactOnlyWithoutFatigueAndAlwaysOnline() {
        var parameters = ContentAwareParameters()
        let world = Fixture.world(Self.graph)
        #expect(
            LiveEdgeModel(.contentAware(ContentAware(world: world, item: 0, parameters: parameters, maximumSteps: 10)))
                .approximation != nil)
        parameters.fatigue = 1
        let u = world.users
        let alwaysOnline = Users(
            count: u.count, topicCount: u.topicCount, interests: u.interests,
            activity: [Float](repeating: 1, count: u.count), sharePropensity: u.sharePropensity,
            communities: u.communities, communityCount: u.communityCount)
        let online = World(graph: world.graph, users: alwaysOnline, catalogue: world.catalogue)
        let exact = ContentAware(world: online, item: 0, parameters: parameters, maximumSteps: 10)
        #expect(LiveEdgeModel(.contentAware(exact)).approximation == nil)
        #expect(
            Self.thresholds(LiveEdgeModel(.contentAware(exact)))
                == [0, 2, 1].map { bernoulliThreshold(exact.independentProbability(ofArc: $0)) })
    }
}
