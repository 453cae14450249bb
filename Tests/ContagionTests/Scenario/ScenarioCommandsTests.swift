import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// One check per command, made before any work: `validate` refuses what `generate` or `train`
/// would refuse.
@Suite struct ScenarioCommandsTests {
    static let datasetScenario = """
        { graph: { type: "stochastic_block_model", block_sizes: [30, 30] }, model: { type: "sir" },
          dataset: {}, items: { count: 5 } }
        """

    @Test func theCommandsFollowTheSections() throws {
        #expect(try ScenarioTestSupport.load(ScenarioTestSupport.karate).commands == [.run, .embed])
        let both = try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: [("rl", "{}")])
        #expect(both.commands == [.run, .train, .embed])
    }

    @Test func validateRefusesADatasetScenarioWithoutAFunnel() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("data.json", Self.datasetScenario)
        #expect(CommandLineTool.run(["validate", path]) == 2)
        let scenario = try ScenarioLoader.load(path: path)
        let error = try #require(throws: ScenarioError.self) {
            try scenario.check(.generate, baseDirectory: folder.path) {
                try scenario.makeWorld(baseDirectory: folder.path)
            }
        }
        #expect(error.keyPath == "model.type")
        #expect(CommandLineTool.run(["generate", path, "--out", folder.path(of: "out"), "--quiet"]) == 2)
        #expect(try folder.listing() == ["data.json"])
    }

    @Test func validateRefusesATrainingBudgetLargerThanTheGraph() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "train.json",
            #"{ graph: { type: "erdos_renyi", nodes: 50 }, model: { type: "independent_cascade" }, rl: { budget: 500, rounds: 1 } }"#
        )
        #expect(CommandLineTool.run(["validate", path]) == 2)
        let scenario = try ScenarioLoader.load(path: path)
        let error = try #require(throws: ScenarioError.self) {
            try scenario.check(.train, baseDirectory: folder.path) {
                try scenario.makeWorld(baseDirectory: folder.path)
            }
        }
        #expect(error.description == "rl.budget: must be ≤ the graph's 50 users, got 500")
    }

    @Test func aMissingEvaluationGraphStopsTrainingBeforeItStarts() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "train.json",
            """
            { graph: { type: "erdos_renyi", nodes: 50 }, model: { type: "independent_cascade" },
              rl: { budget: 2, rounds: 1, episodes: 2, evaluation: { graph: { type: "file", path: "held-out.txt" } } } }
            """)
        #expect(CommandLineTool.run(["validate", path]) == 2)
        #expect(CommandLineTool.run(["train", path, "--out", folder.path(of: "out/policy.json"), "--quiet"]) == 2)
        #expect(try folder.listing() == ["train.json"])
    }

    @Test func everyExampleScenarioPassesTheChecksOfItsCommands() throws {
        for file in ScenarioFilesTests.files {
            let path = ScenarioFilesTests.directory.appendingPathComponent(file).path
            // The million-user dataset at a small size: the checks do not depend on it.
            let scenario = try ScenarioLoader.load(
                path: path, overrides: file == "dataset-1m.json" ? [("graph.block_sizes", "[50, 50]")] : [])
            let base = ScenarioFilesTests.directory.path
            let world = try scenario.makeWorld(baseDirectory: base)
            for command in scenario.commands {
                #expect(throws: Never.self, "\(file) \(command)") {
                    _ = try scenario.check(command, baseDirectory: base) { world }
                }
            }
        }
    }
}
