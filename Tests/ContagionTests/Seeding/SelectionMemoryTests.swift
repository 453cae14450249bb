import Foundation
import Testing

@testable import Contagion

/// The memory estimates of IMM and CELF against what the algorithms actually allocate.
@Suite struct SelectionMemoryTests {
    static func weightedCascade(nodes: Int) -> LiveEdgeModel {
        var rng = Xoshiro256StarStar(seed: 3)
        let graph = GraphGenerators.barabasiAlbert(
            nodeCount: nodes, edgesPerNode: 3, directed: false, tieStrength: .constant(1), using: &rng)
        var modelRNG = Xoshiro256StarStar(seed: 4)
        let world = Fixture.world(graph)
        return LiveEdgeModel(
            IndependentCascadeSettings().compile(for: 0, in: world, maximumSteps: .max, using: &modelRNG))
    }

    @Test(arguments: [5, 20])
    func immSelectionSetsArePredictedWithinAFactorOfOnePointFive(k: Int) throws {
        let model = Self.weightedCascade(nodes: 3000)
        var rng = Xoshiro256StarStar(seed: 9)
        let run = try IMM(epsilon: 0.3).run(count: k, model: model, threads: 2, using: &rng)
        let pilot = SelectionMemory.pilotSets(model, threads: 2)
        let predicted = SelectionMemory.immSetCounts(pilot: pilot, count: k, epsilon: 0.3, ell: 1)
        let ratio = predicted.selection / Double(run.selectionSets)
        #expect(ratio > 1 / 1.5 && ratio < 1.5, "predicted \(predicted.selection), drawn \(run.selectionSets)")
        // The estimate covers the sets' storage and the coverage index on top of it.
        let bytes = SelectionMemory.immBytes(pilot: pilot, graph: model.graph, count: k, epsilon: 0.3, ell: 1)
        let peakSetBytes = Double(run.peakSetBytes)
        #expect(bytes > peakSetBytes)
        #expect(bytes < 4 * peakSetBytes + SelectionMemory.liveEdgeModelBytes(model.graph) + 3000.0 * 28)
    }

    @Test func celfWorldsHoldTheExpectedLiveArcs() {
        let model = Self.weightedCascade(nodes: 2000)
        let worlds = LiveEdgeWorlds(model: model, count: 200, streams: RandomStreams(masterSeed: 1), threads: 2)
        let expected = model.arcProbabilities().reduce(0, +) * 200
        // Live arcs are a sum of 200·arcs independent Bernoulli draws: within 5σ of the mean.
        let sigma = expected.squareRoot()
        #expect(abs(Double(worlds.targets.count) - expected) < 5 * sigma)
        let stored = Double(worlds.offsets.count * 4 + worlds.targets.count * 4)
        let bytes = SelectionMemory.celfBytes(graph: model.graph, simulations: 200, liveArcs: expected / 200)
        let lowest: Double = 2 * stored + 200 * 2000 * 4 - 5 * sigma * 8
        #expect(bytes >= lowest)
    }
}

/// The whole-command estimate, part by part.
@Suite struct MemoryEstimateTests {
    @Test func theEstimateGrowsWithReplicatesAndNamesItsParts() throws {
        let few = try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: [("simulation.replicates", "10")])
        let many = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("simulation.replicates", "10000")])
        let world = try few.makeWorld(baseDirectory: "/")
        let small = try few.memoryEstimate(for: .run, world: world, threads: 2)
        let large = try many.memoryEstimate(for: .run, world: world, threads: 2)
        #expect(small.parts.map(\.name) == ["process", "world", "simulation"])
        #expect(large.peakBytes > small.peakBytes)
        #expect(small.peakBytes == small.parts.reduce(0) { $0 + $1.bytes })
        #expect(
            small.description.hasPrefix(
                String(format: "%.1f MiB (process 23.0, world", small.peakBytes / 1_048_576)))
    }

    @Test func anEmbeddingCountsItsCorpusAndMatrices() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [("embedding", "{ dimensions: 16, walks_per_node: 10, walk_length: 40 }")])
        let world = try scenario.makeWorld(baseDirectory: "/")
        let estimate = try scenario.memoryEstimate(for: .embed, world: world, threads: 1)
        let embedding = try #require(estimate.parts.first { $0.name == "embedding" })
        #expect(embedding.bytes == Double(34 * 10 * (40 * 4 + 4) + 2 * 34 * 16 * 4 + 34 * 16))
    }
}
