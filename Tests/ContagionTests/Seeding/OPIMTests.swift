import Foundation
import Testing

@testable import Contagion

/// OPIM-C: its guarantee and its certificate against the exact optimum of graphs small enough
/// to enumerate every live-edge world, and the coverage bound it rests on against brute force.
@Suite struct OPIMTests {
    static func run(_ model: CompiledModel, k: Int, epsilon: Double = 0.1, seed: UInt64 = 1) throws -> OPIM.Run {
        var rng = Xoshiro256StarStar(seed: seed)
        return try OPIM(epsilon: epsilon).run(count: k, model: LiveEdgeModel(model), threads: 2, using: &rng)
    }

    /// θ₀, i_max and a against the paper's formulas evaluated independently (Python).
    @Test func theScheduleMatchesThePaper() {
        // n = 1,000, k = 10, ε = 0.1, δ = 1/n: θ₀ = 2((1 − 1/e)√ln(6000) + √((1 − 1/e)(ln C(1000, 10) + ln 6000)))².
        let plan = OPIM.schedule(nodeCount: 1000, seeds: 10, epsilon: 0.1, delta: 0.001)
        #expect(plan.initial == 134)  // 133.05…, rounded up
        #expect(plan.rounds == 14)
        #expect(abs(plan.a - log(3 * 14 / 0.001)) < 1e-12)
    }

    /// For IC and LT, k = 1…3, over several seeds: the seeds reach (1 − 1/e − ε) of the exact
    /// optimum; the certificate's upper bound is never below the optimum, its lower bound never
    /// above the seeds' exact spread, and the ratio it certifies is at most the true one.
    @Test(arguments: [1, 2, 3])
    func theGuaranteeAndTheCertificateHoldAgainstBruteForce(k: Int) throws {
        for (model, exact) in SeedingFixture.enumerable {
            let optimum = exact.optimum(seeds: k)
            for seed in 1...5 as ClosedRange<UInt64> {
                let result = try Self.run(model, k: k, seed: seed)
                let spread = exact.spread(of: result.seeds)
                let certificate = result.certificate
                #expect(Set(result.seeds).count == k)
                #expect(spread >= (1 - 1 / M_E - 0.1) * optimum)
                #expect(certificate.optimumUpperBound >= optimum)
                let lower = try #require(certificate.spreadLowerBound)
                #expect(lower <= spread)
                #expect(try #require(certificate.ratio) <= spread / optimum + 1e-12)
                // It stopped because the ratio was certified, or at its last round.
                let rounds = OPIM.schedule(nodeCount: 9, seeds: k, epsilon: 0.1, delta: 1 / 9).rounds
                #expect(try #require(certificate.ratio) >= 1 - 1 / M_E - 0.1 || result.rounds == rounds)
            }
        }
    }

    /// The greedy's bound on what the best k nodes cover is never below the best k-subset's
    /// coverage, found by brute force, and never below the greedy's own coverage.
    @Test func theCoverageBoundIsAtLeastTheBestCoverage() {
        var rng = Xoshiro256StarStar(seed: 3)
        var sets = ReverseReachableSets(nodeCount: 9)
        sets.extend(
            to: 3000, model: LiveEdgeModel(SeedingFixture.cascade), streams: RandomStreams(masterSeed: rng.next()),
            family: 0, threads: 2)
        for k in 1...4 {
            let greedy = MaximumCoverage.greedy(sets, count: k, boundsOptimum: true)
            var best = 0
            func search(_ start: Int, _ chosen: [NodeID]) {
                if chosen.count == k {
                    best = max(best, MaximumCoverage.coverage(of: chosen, in: sets))
                    return
                }
                for node in start..<9 { search(node + 1, chosen + [NodeID(node)]) }
            }
            search(0, [])
            let bound = greedy.optimumBound ?? 0
            #expect(bound >= best && best >= greedy.coveredSets, "k = \(k)")
            #expect(MaximumCoverage.coverage(of: greedy.seeds, in: sets) == greedy.coveredSets)
        }
    }

    /// The certificate's formulas on numbers worked by hand.
    @Test func theBoundsMatchTheirFormulas() {
        let a = 5.0
        let certificate = SpreadCertificate(
            scale: 1000, validationCoverage: 400, validationSets: 2000, optimumCoverageBound: 500,
            selectionSets: 2000, a: a)
        let lower = (pow((400 + 2 * a / 9).squareRoot() - (a / 2).squareRoot(), 2) - a / 18) * 1000 / 2000
        let upper = pow((500 + a / 2).squareRoot() + (a / 2).squareRoot(), 2) * 1000 / 2000
        #expect(abs((certificate.spreadLowerBound ?? 0) - lower) < 1e-9)
        #expect(abs(certificate.optimumUpperBound - upper) < 1e-9)
        #expect(abs((certificate.ratio ?? 0) - lower / upper) < 1e-12)
        // Nothing covered certifies nothing; the optimum never exceeds everyone.
        let empty = SpreadCertificate(
            scale: 10, validationCoverage: 0, validationSets: 100, optimumCoverageBound: 100, selectionSets: 100,
            a: a)
        #expect(empty.spreadLowerBound == 0 && empty.optimumUpperBound == 10)
    }

    /// Through a scenario, seeds.csv carries OPIM-C's bounds on every row of its arm, and
    /// IMM's upper bound on the optimum (no lower bound: its seeds were chosen on its sets).
    @Test func seedsTableCarriesTheCertificates() throws {
        let folder = try TemporaryFolder()
        let scenario = try ScenarioLoader.load(
            path: folder.write(
                "s.json",
                """
                { graph: { type: "builtin", name: "karate_club" }, model: { type: "independent_cascade", probability: 0.1 },
                  policies: [{ type: "opim", epsilon: 0.2 }, { type: "imm", epsilon: 0.2 }, { type: "degree" }],
                  budget: 3, simulation: { replicates: 10 } }
                """))
        _ = try ScenarioRunner.run(
            scenario, baseDirectory: folder.path, outputDirectory: folder.path(of: "out"), threads: 2)
        let seeds = try CSVTable(path: folder.path(of: "out/seeds.csv"))
        let f = try seeds.fields("policy", "spread_lower_bound", "optimum_upper_bound", "certified_ratio")
        for row in seeds.rows {
            switch f.text(row, 0) {
            case "opim":
                #expect(f.number(row, 1) > 0 && f.number(row, 2) > f.number(row, 1))
                #expect(abs(f.number(row, 3) - f.number(row, 1) / f.number(row, 2)) < 1e-9)
            case "imm": #expect(f.text(row, 1).isEmpty && f.number(row, 2) > 0 && f.text(row, 3).isEmpty)
            default: #expect(f.text(row, 1).isEmpty && f.text(row, 2).isEmpty && f.text(row, 3).isEmpty)
            }
        }
    }
}
