import Foundation
import Testing

@testable import Contagion

/// The tables agree with each other: the per-step rows add up to the per-run rows, the
/// summary is the sample summary of the runs, the comparisons are the paired differences of
/// the runs and decide the summary's ties, the curves are the steps carried forward, and
/// the events are the cascade trees.
@Suite struct ExperimentTablesTests {
    /// Runs a small content-aware scenario with events and returns each table as rows of
    /// named fields.
    func tables() throws -> [String: [[String: String]]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contagion-tables-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("s.json")
        try Data(
            """
            // tables
            { seed: 3, graph: { type: "stochastic_block_model", block_sizes: [80, 80], p_in: 0.08, p_out: 0.01 },
              model: { type: "content_aware", click: { intercept: 0 } }, budget: [2, 4], baseline: "random",
              policies: [{ type: "degree" }, { type: "random" }], simulation: { replicates: 12, items: [1, 2], events: true } }
            """.utf8
        ).write(to: file)
        let out = folder.appendingPathComponent("out")
        _ = try ScenarioRunner.run(
            ScenarioLoader.load(path: file.path), baseDirectory: folder.path, outputDirectory: out.path, threads: 2)
        var result: [String: [[String: String]]] = [:]
        for name in ["runs", "steps", "summary", "comparisons", "curves", "events", "seeds"] {
            let lines = try String(contentsOf: out.appendingPathComponent("\(name).csv"), encoding: .utf8)
                .split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
            result[name] = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        return result
    }

    func key(_ row: [String: String]) -> String {
        ["policy", "k", "item", "replicate"].map { row[$0] ?? "?" }.joined(separator: "/")
    }

    @Test func tablesAgree() throws {
        let t = try tables()
        let runs = try #require(t["runs"])
        #expect(runs.count == 2 * 2 * 2 * 12)

        // steps.csv: new counts add up to the run's totals; cumulative columns end there.
        var stepTotals: [String: [String: Double]] = [:]
        for row in t["steps"]! {
            for (column, metric) in [
                ("new_exposed", "exposed"), ("new_clicks", "clicks"), ("new_purchases", "purchases"),
                ("new_adopters", "adopters"), ("new_revenue", "revenue"),
            ] {
                stepTotals[key(row), default: [:]][metric, default: 0] += Double(row[column]!)!
            }
        }
        for run in runs {
            for metric in ["exposed", "clicks", "purchases", "adopters", "revenue"] {
                #expect(abs(stepTotals[key(run)]![metric]! - Double(run[metric]!)!) < 1e-6, "\(key(run)) \(metric)")
            }
        }

        // summary.csv: mean and interval are SampleSummary of the runs' column.
        for row in t["summary"]! where ["adopters", "revenue", "structural_virality"].contains(row["metric"]!) {
            func column(_ policy: String) -> [Double] {
                runs.filter { $0["policy"] == policy && $0["k"] == row["k"] && $0["item"] == row["item"] }
                    .sorted { Int($0["replicate"]!)! < Int($1["replicate"]!)! }.map { Double($0[row["metric"]!]!)! }
            }
            let values = column(row["policy"]!)
            let expected = SampleSummary(values)
            #expect(Int(row["runs"]!) == values.count)
            #expect(abs(Double(row["mean"]!)! - expected.mean) <= 1e-9 * max(1, abs(expected.mean)))
            #expect(abs(Double(row["ci95_high"]!)! - expected.upper95) <= 1e-9 * max(1, abs(expected.upper95)))
            // The paired difference against random at the same k, replicate by replicate.
            #expect(row["baseline"] == "random")
            let difference = SampleSummary(zip(values, column("random")).map { $0 - $1 })
            #expect(abs(Double(row["diff_mean"]!)! - difference.mean) <= 1e-9 * max(1, abs(difference.mean)))
            if row["policy"] == "degree" {
                #expect(
                    abs(Double(row["diff_ci95_low"]!)! - difference.lower95) <= 1e-9 * max(1, abs(difference.lower95)))
            } else {
                #expect(row["diff_ci95_low"] == "0" && row["diff_ci95_high"] == "0")
            }
        }
        #expect(t["summary"]!.allSatisfy { $0["selection_seconds"] == nil })
        #expect(Set(t["summary"]!.map { $0["k"]! }) == ["2", "4"])

        // events.csv: one seed or share event per adopter, and every share's source adopted
        // earlier in the same cascade.
        var adopted: [String: [String: Int]] = [:]
        for event in t["events"]! where ["seed", "share"].contains(event["action"]!) {
            let cascade = key(event)
            let step = Int(event["step"]!)!
            if event["action"] == "share" {
                let sourceStep = try #require(adopted[cascade]?[event["source"]!], "\(cascade): source never adopted")
                #expect(sourceStep < step)
                #expect(event["channel"] == "social")
            } else {
                #expect(step == 0 && event["channel"] == "seed" && event["source"] == "")
            }
            #expect(adopted[cascade, default: [:]].updateValue(step, forKey: event["user"]!) == nil)
        }
        for run in runs { #expect(adopted[key(run)]?.count == Int(run["adopters"]!)) }

        // comparisons.csv: one row per pair at each (k, item, metric), the paired summary of the
        // runs; the Holm p-value is never below the raw one; the summary's tie marks follow.
        let metrics = CascadeStatistics.metrics.count
        #expect(t["comparisons"]!.count == 2 * 2 * metrics)
        for row in t["comparisons"]! where row["metric"] == "adopters" {
            func column(_ policy: String) -> [Double] {
                runs.filter { $0["policy"] == policy && $0["k"] == row["k"] && $0["item"] == row["item"] }
                    .sorted { Int($0["replicate"]!)! < Int($1["replicate"]!)! }.map { Double($0["adopters"]!)! }
            }
            let paired = PairedDifference(column(row["policy_a"]!), column(row["policy_b"]!))
            #expect(abs(Double(row["diff_mean"]!)! - paired.difference.mean) < 1e-9)
            #expect(abs(Double(row["p_value"]!)! - paired.pValue) < 1e-9)
            #expect(Double(row["p_holm"]!)! >= Double(row["p_value"]!)!)
            let summaries = t["summary"]!.filter {
                $0["k"] == row["k"] && $0["item"] == row["item"] && $0["metric"] == "adopters"
            }
            let loser = summaries.first { $0["rank"] == "2" }!
            #expect(summaries.first { $0["rank"] == "1" }?["tied_with_best"] == "true")
            #expect(loser["tied_with_best"] == String(row["significant"] == "false"))
        }

        // curves.csv: per step the mean of the cumulative adopters over all replicates, a
        // finished cascade counting with its total; the last step's mean is the runs' mean.
        var cumulative: [String: [Int: Double]] = [:]
        for row in t["steps"]! {
            cumulative[key(row), default: [:]][Int(row["step"]!)!] = Double(row["cumulative_adopters"]!)!
        }
        for curve in t["curves"]! where curve["policy"] == "degree" && curve["k"] == "4" && curve["item"] == "1" {
            let step = Int(curve["step"]!)!
            let values = runs.filter { $0["policy"] == "degree" && $0["k"] == "4" && $0["item"] == "1" }.map { run in
                let steps = cumulative[key(run)]!
                return steps[min(step, steps.keys.max()!)]!
            }
            #expect(abs(Double(curve["adopters_mean"]!)! - SampleSummary(values).mean) < 1e-9, "step \(step)")
        }

        // seeds.csv: each policy seeds k users per item, for k = 2 and 4.
        #expect(t["seeds"]!.count == 2 * 2 * (2 + 4))
    }
}
