import Foundation
import Testing

@testable import Contagion

@Suite struct IMMTests {
    static func run(
        _ model: CompiledModel, k: Int, epsilon: Double = 0.1, threads: Int = 2, seed: UInt64 = 1
    ) throws -> IMM.Run {
        var rng = Xoshiro256StarStar(seed: seed)
        return try IMM(epsilon: epsilon).run(count: k, model: LiveEdgeModel(model), threads: threads, using: &rng)
    }
}

// MARK: - The sample-size constants

extension IMMTests {
    /// λ′ and λ* against the paper's equations evaluated independently (Python, `math.comb`),
    /// with ℓ raised to ℓ·(1 + ln 2 / ln n) first.
    @Test(arguments: [
        (100_000, 50, 0.5, 1.0, 218_557_329.2787768, 287_241_498.84758097),
        (1_000, 10, 0.1, 2.0, 7_479_615.3059094865, 16_794_681.42490748),
        (34, 3, 0.2, 1.0, 13_527.130397667426, 31_933.884288324476),
    ])
    func boundsMatchThePaper(n: Int, k: Int, epsilon: Double, ell: Double, lambdaPrime: Double, lambdaStar: Double) {
        let bounds = IMM.Bounds(nodeCount: n, seeds: k, epsilon: epsilon, ell: ell)
        #expect(abs(bounds.lambdaPrime / lambdaPrime - 1) < 1e-9)
        #expect(abs(bounds.lambdaStar / lambdaStar - 1) < 1e-9)
        #expect(abs(bounds.epsilonPrime - 2.0.squareRoot() * epsilon) < 1e-15)
        #expect(abs(bounds.ell - ell * (1 + log(2) / log(Double(n)))) < 1e-15)
    }
}

// MARK: - The guarantee

extension IMMTests {
    /// On a graph small enough to enumerate every live-edge world, IMM's seeds reach at least
    /// (1 − 1/e − ε) of the best k-subset's exact spread, for IC and LT.
    @Test(arguments: [1, 2, 3])
    func reachesTheGuaranteeAgainstTheBruteForceOptimum(k: Int) throws {
        for (model, exact) in SeedingFixture.enumerable {
            let result = try Self.run(model, k: k)
            let optimum = exact.optimum(seeds: k)
            #expect(Set(result.seeds).count == k)
            #expect(exact.spread(of: result.seeds) >= (1 - 1 / M_E - 0.1) * optimum)
            // In practice IMM is within a few percent of the optimum here.
            #expect(exact.spread(of: result.seeds) >= 0.95 * optimum)
            // Its own estimate of the spread is unbiased: within 5 standard errors of the truth.
            let p = exact.spread(of: result.seeds) / 9
            let standardError = 9 * (p * (1 - p) / Double(result.selectionSets)).squareRoot()
            #expect(abs(result.estimatedSpread - exact.spread(of: result.seeds)) <= 5 * standardError + 1e-9)
        }
    }

    /// IMM's per-seed gains never increase and add up to its spread estimate; through
    /// `chooseSeeds` a heuristic has none.
    @Test func gainsAddUpToTheSpreadEstimate() throws {
        let context = Fixture.context(
            BuiltinGraph.karateClub.makeGraph(), model: IndependentCascadeSettings(probability: .uniform(0.1)))
        var rng = Xoshiro256StarStar(seed: 6)
        let run = try IMM(epsilon: 0.2).run(
            count: 5, model: LiveEdgeModel(context.model), threads: 2, using: &rng)
        #expect(run.marginalGains.count == 5)
        #expect(zip(run.marginalGains, run.marginalGains.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(abs(run.marginalGains.reduce(0, +) - run.estimatedSpread) < 1e-9 * run.estimatedSpread)
        #expect(try DegreeSeeds().chooseSeeds(count: 3, in: context, using: &rng).marginalGains == nil)
    }

    /// IMM and CELF agree within statistical error on the karate club (IC, p = 0.1): their
    /// seed sets' spreads, estimated on the same 40,000 cascades, differ by less than 5 SE.
    @Test func agreesWithCELFOnTheKarateClub() throws {
        let context = Fixture.context(
            BuiltinGraph.karateClub.makeGraph(), model: IndependentCascadeSettings(probability: .uniform(0.1)))
        var rng = Xoshiro256StarStar(seed: 4)
        let celf = try CELF(simulations: 2_000).selectSeeds(count: 4, in: context, using: &rng)
        let imm = try IMM(epsilon: 0.1).selectSeeds(count: 4, in: context, using: &rng)
        let runs = 40_000
        let a = Fixture.spread(context.model, seeds: celf, runs: runs)
        let b = Fixture.spread(context.model, seeds: imm, runs: runs)
        let standardError = (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
        #expect(abs(a.meanSpread - b.meanSpread) < 5 * standardError)
        #expect(a.meanSpread > 8)
    }
}

// MARK: - Determinism and errors

extension IMMTests {
    @Test func sameSeedGivesTheSameSeedsAtAnyThreadCount() throws {
        var rng = Xoshiro256StarStar(seed: 2)
        let graph = GraphGenerators.barabasiAlbert(
            nodeCount: 2_000, edgesPerNode: 3, directed: false, tieStrength: .constant(1), using: &rng)
        let model = CompiledModel.cascade(
            IndependentCascade(
                graph: graph,
                probabilities: PerArcProbabilities(
                    CascadeProbabilityPreset.weightedCascade.probabilities(on: graph, using: &rng))))
        let one = try Self.run(model, k: 10, epsilon: 0.3, threads: 1)
        let two = try Self.run(model, k: 10, epsilon: 0.3, threads: 2)
        let three = try Self.run(model, k: 10, epsilon: 0.3, threads: 3)
        #expect(one.seeds == two.seeds && one.seeds == three.seeds)
        #expect(one.estimatedSpread == two.estimatedSpread && one.selectionSets == three.selectionSets)
        #expect(try Self.run(model, k: 10, epsilon: 0.3, seed: 9).estimatedSpread != one.estimatedSpread)
    }

    @Test func aSingleUserIsAnError() throws {
        let graph = Fixture.graph(1, [])
        #expect(throws: SeedingError.self) {
            try Self.run(
                .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.5))), k: 1)
        }
    }
}
