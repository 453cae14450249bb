import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// `contagion generate` as a user runs it.
@Suite struct GenerateCommandTests {
    static let scenario = """
        // A dataset from the karate club.
        {
          graph: { type: "builtin", name: "karate_club" },
          items: { count: 5 },
          feed: { recommenders: [{ type: "popularity" }], slots: 1 },
          simulation: { max_steps: 6 },
          dataset: { name: "karate", embedding_segments: false },
        }
        """

    @Test func writesTheDatasetAndNothingHalfFinished() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("karate.json", Self.scenario)
        let out = folder.path(of: "data")
        #expect(CommandLineTool.run(["generate", path, "--out", out, "--quiet", "--seed", "3"]) == 0)
        let files = try folder.listing("data")
        #expect(files.contains("karate.inter") && files.contains("dataset.md") && !files.contains { $0.hasPrefix(".") })
        #expect(try String(contentsOfFile: out + "/dataset.md", encoding: .utf8).contains("master seed 3"))
    }

    @Test(arguments: [
        ["--set", "model.type=linear_threshold"],
        ["--set", "dataset.train_fraction=1"],
        ["--out", "/proc/contagion-cannot-write"],
        ["--threads", "0"],
    ])
    func badInputExitsTwoAndLeavesNoFiles(options: [String]) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("karate.json", Self.scenario)
        let out = folder.path(of: "data")
        let arguments = ["generate", path, "--quiet"] + (options.contains("--out") ? [] : ["--out", out]) + options
        #expect(CommandLineTool.run(arguments) == 2)
        #expect(try folder.listing().filter { $0 != "karate.json" }.allSatisfy { $0 == "data" })
        if FileManager.default.fileExists(atPath: out) { #expect(try folder.listing("data").isEmpty) }
    }

    @Test func aMissingScenarioExitsTwo() {
        #expect(CommandLineTool.run(["generate", "/nonexistent/scenario.json", "--quiet"]) == 2)
        #expect(CommandLineTool.run(["generate"]) == 2)
    }
}
