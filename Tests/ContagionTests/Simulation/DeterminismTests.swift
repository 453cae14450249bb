import Foundation
import Testing

@testable import Contagion

@Suite struct DeterminismTests {
    static let scenario = """
        // A small content-aware comparison with events, written twice.
        {
          name: "determinism",
          seed: 7,
          graph: { type: "stochastic_block_model", block_sizes: [60, 60, 60], p_in: 0.1, p_out: 0.01 },
          model: { type: "content_aware", click: { intercept: -1 } },
          budget: 5,
          policies: [{ type: "random" }, { type: "degree" }, { type: "pagerank" }],
          simulation: { replicates: 24, items: [0, 3], events: true },
        }
        """

    func runFolder(threads: Int, seed: UInt64? = nil) throws -> [String: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contagion-det-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("s.json")
        try Data(Self.scenario.utf8).write(to: file)
        let scenario = try ScenarioLoader.load(path: file.path, overrides: seed.map { [("seed", String($0))] } ?? [])
        let out = folder.appendingPathComponent("out").path
        _ = try ScenarioRunner.run(scenario, baseDirectory: folder.path, outputDirectory: out, threads: threads)
        var files: [String: Data] = [:]
        for name in ["runs.csv", "steps.csv", "summary.csv", "seeds.csv", "events.csv"] {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
        }
        return files
    }

    @Test func sameSeedGivesIdenticalTablesAtAnyThreadCount() throws {
        let one = try runFolder(threads: 1)
        let two = try runFolder(threads: 2)
        let seven = try runFolder(threads: 7)
        for name in one.keys.sorted() {
            #expect(one[name] == two[name], "\(name) differs between 1 and 2 threads")
            #expect(one[name] == seven[name], "\(name) differs between 1 and 7 threads")
        }
        #expect((one["events.csv"]?.count ?? 0) > 1000)
    }

    @Test func anotherSeedGivesOtherResults() throws {
        #expect(try runFolder(threads: 2)["runs.csv"] != runFolder(threads: 2, seed: 8)["runs.csv"])
    }

    /// Common random numbers: two policies with the same seeds produce identical runs.
    @Test func policiesShareRandomNumbers() throws {
        var rng = Xoshiro256StarStar(seed: 1)
        let graph = GraphGenerators.erdosRenyi(
            nodeCount: 300, meanDegree: 3, directed: false, tieStrength: .constant(1), using: &rng)
        let world = Fixture.world(graph)
        let plan = ExperimentPlan(
            world: world, model: .independentCascade(.uniform(0.3)),
            policies: [DegreeSeeds(name: "a"), DegreeSeeds(name: "b")], budgets: [3, 3], items: [0], replicates: 20,
            maximumSteps: 100, recordsEvents: false, masterSeed: 5)
        let result = try Experiment.run(plan, threads: 2)
        let a = result.runs.filter { $0.policy == 0 }.map(\.statistics)
        let b = result.runs.filter { $0.policy == 1 }.map(\.statistics)
        #expect(a == b)
        #expect(Set(a.map(\.adopters)).count > 1)
    }
}
