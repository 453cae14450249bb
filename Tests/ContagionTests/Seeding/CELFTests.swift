import Foundation
import Testing

@testable import Contagion

@Suite struct CELFTests {
    static func worlds(_ model: CompiledModel, count: Int, seed: UInt64 = 5) -> LiveEdgeWorlds {
        LiveEdgeWorlds(model: LiveEdgeModel(model), count: count, streams: RandomStreams(masterSeed: seed), threads: 2)
    }

    /// Plain greedy on the same worlds, written independently: every round, recompute every
    /// candidate's spread from scratch and keep the largest (lower id on ties).
    static func plainGreedy(count: Int, on worlds: LiveEdgeWorlds) -> [NodeID] {
        var seeds: [NodeID] = []
        for _ in 0..<count {
            var best = (node: -1, spread: Int.min)
            for node in 0..<worlds.nodeCount where !seeds.contains(NodeID(node)) {
                let spread = worlds.spread(of: seeds + [NodeID(node)])
                if spread > best.spread { best = (node, spread) }
            }
            seeds.append(NodeID(best.node))
        }
        return seeds
    }

    static func randomGraph(seed: UInt64, nodes: Int = 150) -> Graph {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.erdosRenyi(
            nodeCount: nodes, meanDegree: 3, directed: true, tieStrength: .uniform(min: 0.1, max: 1), using: &rng)
    }
}

// MARK: - CELF is greedy

extension CELFTests {
    /// Lazy evaluation changes nothing: CELF and plain greedy pick identical seeds on the same
    /// worlds, for IC and LT, with and without a step limit (which the incremental gains
    /// must handle: a node the seeds reach late can still relay a new seed's cascade early).
    @Test(arguments: [1, 2, 3], [2, 1_000])
    func celfEqualsPlainGreedy(seed: UInt64, maximumSteps: Int) {
        let graph = Self.randomGraph(seed: seed)
        let models: [CompiledModel] = [
            .uniformCascade(
                IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.3), maximumSteps: maximumSteps)),
            .linearThreshold(LinearThreshold(graph: graph, useTieStrength: true, maximumSteps: maximumSteps)),
        ]
        for model in models {
            let worlds = Self.worlds(model, count: 20, seed: seed)
            #expect(CELF.greedy(count: 6, on: worlds, threads: 2) == Self.plainGreedy(count: 6, on: worlds))
        }
    }

    /// On enumerable graphs, CELF with many simulations reaches (1 − 1/e) of the brute-force
    /// optimum's exact spread (in practice, nearly all of it).
    @Test(arguments: [1, 2, 3])
    func reachesTheGreedyGuaranteeAgainstTheBruteForceOptimum(k: Int) throws {
        for (model, exact) in SeedingFixture.enumerable {
            let seeds = CELF.greedy(count: k, on: Self.worlds(model, count: 5_000), threads: 2)
            let optimum = exact.optimum(seeds: k)
            #expect(exact.spread(of: seeds) >= (1 - 1 / M_E) * optimum)
            #expect(exact.spread(of: seeds) >= 0.95 * optimum)
        }
    }

    /// CELF's gains are the increments of the worlds' spread, recounted from scratch for each
    /// prefix of the seeds, and never increase (submodularity).
    @Test func gainsAreTheIncrementsOfTheWorldsSpread() {
        let worlds = Self.worlds(SeedingFixture.cascade, count: 300)
        let selection = CELF.greedySelection(count: 4, on: worlds, threads: 2)
        #expect(selection.seeds == CELF.greedy(count: 4, on: worlds, threads: 2))
        for rank in selection.seeds.indices {
            let prefix = Array(selection.seeds[...rank])
            #expect(selection.gains[...rank].reduce(0, +) == worlds.spread(of: prefix))
            if rank > 0 { #expect(selection.gains[rank] <= selection.gains[rank - 1]) }
        }
    }

    /// The worlds' spread estimate is unbiased: within 5 SE of the exact spread.
    @Test func worldsEstimateTheExactSpread() {
        let exact = ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities)
        let worlds = Self.worlds(SeedingFixture.cascade, count: 20_000)
        let estimate = Double(worlds.spread(of: [0])) / Double(worlds.count)
        // The spread of one node is at most 9: its variance is at most 9²/4.
        #expect(abs(estimate - exact.spread(of: [0])) < 5 * 4.5 / Double(worlds.count).squareRoot())
    }

    /// With p = 1 on a path and T = 2, a seed reaches itself and two more.
    @Test func stepLimitCutsTheSpread() {
        let graph = Fixture.graph(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
        let model = CompiledModel.uniformCascade(
            IndependentCascade(graph: graph, probabilities: UniformArcProbability(1), maximumSteps: 2))
        let worlds = Self.worlds(model, count: 3)
        #expect(worlds.spread(of: [0]) == 3 * 3)
        #expect(worlds.spread(of: [0, 3]) == 6 * 3)
        #expect(CELF.greedy(count: 2, on: worlds, threads: 2) == [0, 3])
    }

    @Test func seedsDoNotDependOnTheThreadCount() throws {
        let graph = Self.randomGraph(seed: 9, nodes: 400)
        let one = Fixture.context(graph, model: IndependentCascadeSettings(probability: .weightedCascade), threads: 1)
        let two = Fixture.context(graph, model: IndependentCascadeSettings(probability: .weightedCascade), threads: 2)
        var a = Xoshiro256StarStar(seed: 1)
        var b = Xoshiro256StarStar(seed: 1)
        #expect(
            try CELF(simulations: 50).selectSeeds(count: 8, in: one, using: &a)
                == CELF(simulations: 50).selectSeeds(count: 8, in: two, using: &b))
    }
}
