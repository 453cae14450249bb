import Foundation
import Testing

@testable import Contagion

/// The residual platform is exact: a seed set's expected spread on it equals its expected
/// addition to the observed cascade in the original model, conditioned on that observation.
@Suite struct ResidualPlatformTests {
    /// `E[|reach(S₁ ∪ S₂)| − |A| | reach(S₁) = A]`, by enumerating every live-edge world of the
    /// original model and keeping those where the first seeds reach exactly `A`.
    static func conditionalGain(_ exact: ExactSpread, first: [NodeID], then second: [NodeID]) -> (Double, UInt32) {
        let mask = { (world: (weight: Double, reach: [UInt32]), seeds: [NodeID]) in
            seeds.reduce(UInt32(0)) { $0 | world.reach[Int($1)] }
        }
        // The observation: the reach of `first` in the most likely world that leaves at least
        // three users inactive.
        let open = exact.worlds.filter { exact.nodeCount - mask($0, first).nonzeroBitCount >= 3 }
        guard let likely = open.max(by: { $0.weight < $1.weight }) else { return (0, 0) }
        let observed = mask(likely, first)
        var weight = 0.0
        var gain = 0.0
        for world in exact.worlds where mask(world, first) == observed {
            weight += world.weight
            gain += world.weight * Double(mask(world, first + second).nonzeroBitCount - observed.nonzeroBitCount)
        }
        return (gain / weight, observed)
    }

    static func active(_ mask: UInt32, count: Int) -> [Bool] { (0..<count).map { mask & (1 << $0) != 0 } }

    /// The residual of `model` after the cascade of `first`, and `second`'s spread on it
    /// computed exactly by `exactOnResidual`, against the conditional expectation under `exact`;
    /// also that the residual keeps only the users the observation left inactive.
    static func expectExact(
        _ exact: ExactSpread, model: CompiledModel, first: [NodeID], then second: [NodeID], tolerance: Double,
        exactOnResidual: (ResidualPlatform) -> ExactSpread?
    ) throws {
        let (expected, observed) = conditionalGain(exact, first: first, then: second)
        let context = SeedingContext(world: Fixture.world(SeedingFixture.graph), item: 0, model: model, threads: 1)
        let residual = try #require(ResidualPlatform(context, active: active(observed, count: 9)))
        #expect(residual.kept.allSatisfy { observed & (1 << $0) == 0 })
        let onResidual = try #require(exactOnResidual(residual), "the model keeps its kind")
        let mapped = second.filter { observed & (1 << $0) == 0 }.compactMap { residual.kept.firstIndex(of: $0) }
        #expect(abs(onResidual.spread(of: mapped.map { NodeID($0) }) - expected) < tolerance)
    }

    @Test(arguments: [([NodeID(0)], [NodeID(6)]), ([5], [1, 7]), ([0, 8], [4])])
    func theIndependentCascadeResidualIsExact(first: [NodeID], second: [NodeID]) throws {
        try Self.expectExact(
            ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities),
            model: SeedingFixture.cascade, first: first, then: second, tolerance: 1e-6
        ) { residual in
            guard case .cascade(let cascade) = residual.context.model else { return nil }
            let probabilities = (0..<residual.context.graph.arcCount).map {
                Double(cascade.probabilities.threshold(ofArc: $0)) * 0x1p-32
            }
            return ExactSpread(cascade: residual.context.graph, probabilities: probabilities)
        }
    }

    @Test(arguments: [([NodeID(0)], [NodeID(6)]), ([5], [1, 7]), ([3], [4, 8])])
    func theLinearThresholdResidualIsExact(first: [NodeID], second: [NodeID]) throws {
        try Self.expectExact(
            ExactSpread(threshold: SeedingFixture.graph, weights: SeedingFixture.thresholdWeights),
            model: SeedingFixture.threshold, first: first, then: second, tolerance: 1e-5
        ) { residual in
            guard case .linearThreshold(let threshold) = residual.context.model else { return nil }
            return ExactSpread(threshold: residual.context.graph, weights: threshold.weights.map { Double($0) })
        }
    }

    /// Adaptive degree is degree on the residual graph: it counts only inactive followers and
    /// never picks an active user; with everybody active there is nothing left to choose.
    @Test func adaptiveDegreeCountsOnlyInactiveFollowers() throws {
        // 0 → 1, 2, 3; 4 → 5, 6; 7 → 1. With 0 active, 4 has the most inactive followers.
        let graph = Fixture.graph(8, [(0, 1), (0, 2), (0, 3), (4, 5), (4, 6), (7, 1)])
        let context = Fixture.context(graph)
        var rng = Xoshiro256StarStar(seed: 1)
        var active = [Bool](repeating: false, count: 8)
        active[0] = true
        active[1] = true
        let observation = RoundObservation(active: active, seeds: [0], budget: 2, rounds: 2, round: 1)
        #expect(try DegreeSeeds().selectNextRound(count: 1, in: context, after: observation, using: &rng) == [4])
        let everyone = RoundObservation(
            active: [Bool](repeating: true, count: 8), seeds: [0], budget: 2, rounds: 2, round: 1)
        #expect(try DegreeSeeds().selectNextRound(count: 1, in: context, after: everyone, using: &rng) == [])
    }
}
