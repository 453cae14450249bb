import Foundation
import Testing

@testable import Contagion

/// The draws of a possible world are uniform, independent of the order they are asked for,
/// and couple arms whose seeds overlap.
@Suite struct PossibleWorldTests {
    /// Each draw is a pure function of (key, index), and the families differ.
    @Test func drawsArePureFunctionsOfTheirIndex() {
        let world = PossibleWorld(key: 42)
        let forward = (0..<1000).map { world.bits($0) }
        let backward = (0..<1000).reversed().map { world.bits($0) }.reversed()
        #expect(forward == Array(backward))
        #expect(Set(forward).count == 1000)
        #expect(world.aspect(.transmission).bits(7) != world.aspect(.node).bits(7))
        #expect(world.subworld(1).bits(0) != world.subworld(2).bits(0))
    }

    /// Units are uniform on [0, 1): mean 1/2 and variance 1/12 within 5 standard errors over
    /// 100,000 draws; a Bernoulli threshold of 0.3·2³² succeeds 30% of the time.
    @Test func drawsAreUniform() {
        let world = PossibleWorld(key: 7).aspect(.click)
        let count = 100_000
        let units = (0..<count).map { world.unit($0) }
        let mean = units.reduce(0, +) / Double(count)
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(count)).squareRoot())
        let variance = units.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        #expect(abs(variance - 1.0 / 12) < 0.002)
        let hits = (0..<count).count { world.bernoulli($0, threshold: bernoulliThreshold(0.3)) }
        #expect(abs(Double(hits) / Double(count) - 0.3) < 5 * (0.3 * 0.7 / Double(count)).squareRoot())
        #expect((0..<1000).allSatisfy { world.index($0, below: 7) < 7 })
    }

    /// Coupling: on a scale-free graph of 3,000 users under weighted cascade, the top-20
    /// degree and degree-discount sets share most seeds (18 of 20), and their spreads
    /// correlate ≥ 0.9 per replicate, so the paired interval is ≥ 2× narrower than either
    /// arm's own.
    @Test func overlappingSeedSetsAreCoupled() throws {
        var rng = Xoshiro256StarStar(seed: 2)
        let graph = GraphGenerators.barabasiAlbert(
            nodeCount: 3000, edgesPerNode: 3, directed: false, tieStrength: .constant(1), using: &rng)
        let plan = ExperimentPlan(
            world: Fixture.world(graph), model: IndependentCascadeSettings(probability: .weightedCascade),
            policies: [DegreeSeeds(name: "degree"), DegreeDiscount(name: "degree_discount")],
            arms: [SeedingArm(policy: 0, budget: 20), SeedingArm(policy: 1, budget: 20)], baseline: 0, items: [0],
            replicates: 300, maximumSteps: .max, recordsEvents: false, masterSeed: 4)
        let result = try Experiment.run(plan, threads: 2)
        let seeds = result.arms.map { Set($0.seeds[0]) }
        #expect(seeds[0].intersection(seeds[1]).count >= 15 && seeds[0] != seeds[1])
        let adopters = [0, 1].map { arm in result.runs.filter { $0.arm == arm }.map { Double($0.statistics.adopters) } }
        let paired = PairedDifference(adopters[0], adopters[1])
        #expect(paired.correlation >= 0.9, "correlation \(paired.correlation)")
        let ownWidth = adopters.map { SampleSummary($0).upper95 - SampleSummary($0).lower95 }.min()!
        let pairedWidth = paired.difference.upper95 - paired.difference.lower95
        // At 20,000 users `.ci/coupling-check` asks for 3×; at this size the overlap gives ≥ 2×.
        #expect(2 * pairedWidth <= ownWidth, "paired \(pairedWidth), own \(ownWidth)")
    }
}
