import Contagion
import Foundation

/// The dataset generator end to end: interactions written per second and peak memory.
enum DatasetBenchmark {
    /// Generates the `dataset-1m` platform scaled to `users` (20 communities, mean degree
    /// about 10, 1,000 items, 20 steps, item_cf in the loop, no baselines or embedding) into
    /// a temporary folder, then removes it.
    static func run(users: Int, threads: Int) {
        let block = users / 20
        let scenario = """
            {
              name: "bench-dataset", seed: 2026,
              graph: {
                type: "stochastic_block_model", block_sizes: [\(Array(repeating: String(block), count: 20).joined(separator: ", "))],
                p_in: \(8.0 / Double(block)), p_out: \(2.0 / Double(users - block)),
              },
              users: { topics: 16, homophily: 0.8, activity: { alpha: 2, beta: 3 } },
              items: { count: 1000, appeal: { alpha: 1, beta: 3 } },
              feed: { recommenders: [{ type: "item_cf" }], slots: 1 },
              simulation: { max_steps: 20 },
              dataset: { seeds_per_item: 10, embedding_segments: false },
            }
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contagion-bench-\(UUID())")
        do {
            // A new folder of the benchmark's own (creation fails if the name exists), removed
            // with everything the benchmark wrote into it.
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("scenario.json")
            try Data(scenario.utf8).write(to: file)
            MemoryUsage.resetPeak()
            let report = try DatasetGenerator.generate(
                ScenarioLoader.load(path: file.path), baseDirectory: folder.path,
                outputDirectory: folder.appendingPathComponent("out").path, threads: threads)
            print(
                column("\(users)", 10) + column(format(Double(report.interactions)), 14)
                    + column(String(format: "%.1f", report.seconds), 10)
                    + column(format(Double(report.interactions) / report.seconds), 16) + peakMemory())
        } catch {
            print("dataset benchmark failed: \(error)")
        }
    }

    /// Prints the table header.
    static func header() {
        print("\ndataset (contagion generate, 1,000 items, 20 steps, item_cf in the loop, files written)")
        print(
            column("users", 10) + column("interactions", 14) + column("seconds", 10) + column("interactions/s", 16)
                + "peak RSS")
    }
}
