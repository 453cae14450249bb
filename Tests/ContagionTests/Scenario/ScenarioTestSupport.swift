import Foundation
import Testing

@testable import Contagion

/// Scenario files written to a temporary folder and loaded, for the scenario tests.
enum ScenarioTestSupport {
    /// A small valid scenario: the karate club, IC with p = 0.1, two policies.
    static let karate = """
        {
          seed: 7,
          graph: { type: "builtin", name: "karate_club" },
          model: { type: "independent_cascade", probability: 0.1 },
          budget: 2,
          policies: [{ type: "random" }, { type: "degree", k: 3 }],
          simulation: { replicates: 5, max_steps: 10 },
        }
        """

    /// Loads `text` saved as `name` in a fresh folder.
    static func load(_ text: String, name: String = "scenario.json", overrides: [(String, String)] = []) throws
        -> Scenario
    {
        let folder = try TemporaryFolder()
        return try ScenarioLoader.load(path: folder.write(name, text), overrides: overrides)
    }

    /// The error loading `text` throws, and the file's path (which the description starts with).
    static func error(
        _ text: String, overrides: [(String, String)] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (error: ScenarioError, path: String) {
        let folder = try TemporaryFolder()
        let path = try folder.write("scenario.json", text)
        do {
            let scenario = try ScenarioLoader.load(path: path, overrides: overrides)
            Issue.record("loaded without error: \(scenario)", sourceLocation: sourceLocation)
        } catch let error as ScenarioError {
            return (error, path)
        }
        return (ScenarioError(keyPath: "", message: ""), path)
    }
}
