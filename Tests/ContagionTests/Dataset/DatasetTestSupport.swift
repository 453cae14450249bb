import Foundation
import Testing

@testable import Contagion

/// A small generated dataset and readers for its files.
enum DatasetFixture {
    /// 900 users in 3 communities, 24 items, 20 steps, a one-slot random feed, baselines scored.
    static let scenario = """
        {
          name: "tiny-dataset",
          seed: 5,
          graph: {
            type: "stochastic_block_model", block_sizes: [300, 300, 300], p_in: 0.03, p_out: 0.001,
            tie_strength: { distribution: "beta", alpha: 2, beta: 2 },
          },
          users: { topics: 6, homophily: 0.9, activity: { alpha: 2, beta: 3 } },
          items: { count: 24, appeal: { alpha: 1, beta: 3 } },
          model: { type: "content_aware", click: { intercept: -3, tie: 2, affinity: 4, appeal: 1 }, fatigue: 0.7 },
          feed: { recommenders: [{ type: "random" }], slots: 1, evaluation: { k: 5 } },
          embedding: { dimensions: 8, walks_per_node: 4, walk_length: 20 },
          simulation: { max_steps: 20 },
          dataset: { name: "tiny", seeds_per_item: 2 },
        }
        """

    /// Generates `text` (with `overrides`) into a fresh folder.
    static func generate(
        _ text: String = scenario, overrides: [(String, String)] = [], threads: Int = 1
    ) throws -> (folder: TemporaryFolder, report: DatasetGenerator.Report, scenario: Scenario) {
        let folder = try TemporaryFolder()
        let scenario = try ScenarioLoader.load(path: folder.write("scenario.json", text), overrides: overrides)
        let report = try DatasetGenerator.generate(
            scenario, baseDirectory: folder.path, outputDirectory: folder.path(of: "out"), threads: threads)
        return (folder, report, scenario)
    }

    /// The rows of a delimited file, header first, split on `separator` (the generated files
    /// never quote).
    static func rows(_ path: String, separator: Character = ",") throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
    }
}
