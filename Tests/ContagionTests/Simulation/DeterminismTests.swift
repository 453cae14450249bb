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

    /// A recommender-in-the-loop comparison: embedding seeds and recommenders, the offline evaluation.
    static let feedScenario = """
        {
          name: "determinism-feed",
          seed: 5,
          graph: { type: "stochastic_block_model", block_sizes: [50, 50, 50], p_in: 0.1, p_out: 0.01 },
          items: { count: 6 },
          embedding: { dimensions: 8, walks_per_node: 2, walk_length: 10 },
          budget: 3,
          policies: [{ type: "degree" }, { type: "embedding" }],
          feed: {
            recommenders: [{ type: "random" }, { type: "embedding" }, { type: "matrix_factorization", epochs: 3 }],
            evaluation: { k: 3, recommenders: [{ type: "popularity" }, { type: "user_cf" }, { type: "embedding" }] },
          },
          simulation: { replicates: 4, max_steps: 8, items: [0, 1], events: true },
        }
        """

    func runFolder(threads: Int, seed: UInt64? = nil, scenario text: String = Self.scenario) throws -> [String:
        [String]]
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contagion-det-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("s.json")
        try Data(text.utf8).write(to: file)
        let scenario = try ScenarioLoader.load(path: file.path, overrides: seed.map { [("seed", String($0))] } ?? [])
        let out = folder.appendingPathComponent("out").path
        _ = try ScenarioRunner.run(scenario, baseDirectory: folder.path, outputDirectory: out, threads: threads)
        var files: [String: [String]] = [:]
        for name in ExperimentTables.fileNames
        where name != "timings.csv" && FileManager.default.fileExists(atPath: out + "/" + name) {
            files[name] = try DeterministicTables.content(of: name, in: out)
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
        #expect((one["events.csv"]?.count ?? 0) > 100)
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
            world: world, model: IndependentCascadeSettings(probability: .uniform(0.3)),
            policies: [DegreeSeeds(name: "a"), DegreeSeeds(name: "b")],
            arms: [SeedingArm(policy: 0, budget: 3), SeedingArm(policy: 1, budget: 3)], baseline: 0, items: [0],
            replicates: 20, maximumSteps: 100, recordsEvents: false, masterSeed: 5)
        let result = try Experiment.run(plan, threads: 2)
        let a = result.runs.filter { $0.arm == 0 }.map(\.statistics)
        let b = result.runs.filter { $0.arm == 1 }.map(\.statistics)
        #expect(a == b)
        #expect(Set(a.map(\.adopters)).count > 1)
    }

    /// Coupled worlds: the same seeds in another order give identical rows in every replicate,
    /// under every model (the karate club's leaders, `{0, 33}` against `{33, 0}`).
    static let models: [String: any PropagationModelEntry] = [
        "independent_cascade": IndependentCascadeSettings(probability: .uniform(0.2)),
        "independent_cascade_skipping": IndependentCascadeSettings(probability: .uniform(0.04)),
        "weighted_cascade": IndependentCascadeSettings(probability: .weightedCascade),
        "linear_threshold": LinearThresholdSettings(), "content_aware": ContentAwareSettings(), "sir": SIRSettings(),
        "sis": SISSettings(),
    ]

    @Test(arguments: models.keys.sorted())
    func seedOrderDoesNotMatter(model: String) throws {
        let plan = ExperimentPlan(
            world: Fixture.world(BuiltinGraph.karateClub.makeGraph()), model: try #require(Self.models[model]),
            policies: [
                ExplicitSeeds(name: "ab", userNames: ["0", "33"]), ExplicitSeeds(name: "ba", userNames: ["33", "0"]),
            ],
            arms: [SeedingArm(policy: 0, budget: 2), SeedingArm(policy: 1, budget: 2)], baseline: 0, items: [0],
            replicates: 200, maximumSteps: 30, recordsEvents: false, masterSeed: 11)
        let result = try Experiment.run(plan, threads: 2)
        let ab = result.runs.filter { $0.arm == 0 }
        let ba = result.runs.filter { $0.arm == 1 }
        #expect(ab.map(\.statistics) == ba.map(\.statistics))
        #expect(ab.map(\.steps) == ba.map(\.steps))
        #expect(Set(ab.map(\.statistics.adopters)).count > 1)
    }

    @Test func theRecommenderLoopGivesIdenticalTablesAtAnyThreadCount() throws {
        let one = try runFolder(threads: 1, scenario: Self.feedScenario)
        let two = try runFolder(threads: 2, scenario: Self.feedScenario)
        #expect(
            one.keys.sorted() == [
                "comparisons.csv", "curves.csv", "events.csv", "recommenders.csv", "runs.csv", "seeds.csv",
                "steps.csv", "summary.csv",
            ])
        for name in one.keys.sorted() {
            #expect(one[name] == two[name], "\(name) differs between 1 and 2 threads")
        }
        let channels = Set(one["events.csv"]!.dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" })
        #expect(channels == ["seed", "social", "recommendation"])
    }
}
