import Foundation
import Testing

@testable import Contagion

/// Every file in `scenarios/` decodes, validates and runs at a small size.
@Suite struct ScenarioFilesTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theExamplesExist() {
        #expect(
            Set(Self.files).isSuperset(of: [
                "quickstart.json", "karate-ic.json", "social-commerce.json", "seeding-showdown.json",
                "recommender-loop.json", "dataset-small.json", "dataset-1m.json", "rl-static.json", "rl-adaptive.json",
                "rl-joint.json",
            ]))
    }

    @Test(arguments: files)
    func runsAtASmallSize(file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("//"), "\(file) should open with a comment saying what it shows")
        // Small: two replicates, and (debug builds being slow) cheap CELF, IMM, embedding and
        // feed settings; `.ci/run` runs every file with its own settings in release.
        let original = try ScenarioLoader.load(path: path)
        let policies = original.policies
        var cheap = policies.indices.flatMap { index -> [(String, String)] in
            switch policies[index].type {
            case CELFSettings.type: return [("policies[\(index)].simulations", "5")]
            case IMMSettings.type: return [("policies[\(index)].epsilon", "0.5")]
            case EmbeddingSeedsSettings.type: return [("policies[\(index)].audience", "100")]
            default: return []
            }
        }
        if original.needsEmbedding {
            cheap += [
                ("embedding.walks_per_node", "1"), ("embedding.dimensions", "8"), ("embedding.walk_length", "10"),
            ]
        }
        if original.feed != nil { cheap.append(("simulation.max_steps", "6")) }
        if original.feed?.evaluation != nil {
            cheap.append(("feed.evaluation.recommenders", #"[{ type: "popularity" }, { type: "item_cf" }]"#))
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("contagion-scn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        if original.rl != nil && original.policies.isEmpty {
            try trainsAtASmallSize(path: path, out: out)
            return
        }
        if original.dataset != nil {
            try generatesAtASmallSize(original, path: path, overrides: cheap, out: out)
            if original.policies.isEmpty { return }
        }
        let scenario = try ScenarioLoader.load(path: path, overrides: [("simulation.replicates", "2")] + cheap)
        let report = try ScenarioRunner.run(
            scenario, baseDirectory: Self.directory.path, outputDirectory: out.path, threads: 2)
        let arms = scenario.policies.indices.reduce(0) { $0 + scenario.budgets(ofPolicy: $1).values.count }
        // An adaptive arm runs one cascade per round (the last is its outcome).
        let armRounds = scenario.policies.indices.reduce(0) {
            $0 + scenario.budgets(ofPolicy: $1).values.count * scenario.rounds(ofPolicy: $1)
        }
        // One (model, item) target per item for content-aware variants or a joint campaign, one
        // for the others.
        let joint = scenario.simulation.content == .joint
        let targets = scenario.models.list.reduce(0) {
            $0 + ($1.model.dependsOnItem || joint ? scenario.simulation.items.count : 1)
        }
        let graphs = scenario.graphs.list.count
        let recommenders = scenario.feed?.recommenders.count ?? 1
        #expect(report.runs == 2 * armRounds * targets * graphs * recommenders)
        // A joint campaign adds its total per (arm, model, replicate).
        let totals = joint ? 2 * arms * scenario.models.list.count * graphs * recommenders : 0
        let runs = try String(contentsOf: out.appendingPathComponent("runs.csv"), encoding: .utf8)
        #expect(runs.split(separator: "\n").count == report.runs + totals + 1)
        // Its report is drawn and well-formed.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(try !ReportDocument(html: html).chartKinds.isEmpty)
    }

    /// A dataset scenario through `contagion generate`, with blocks of at most 100 users and
    /// at most 30 items.
    func generatesAtASmallSize(_ original: Scenario, path: String, overrides: [(String, String)], out: URL) throws {
        var small = overrides + [("items.count", String(min(original.items.count, 30)))]
        if let blocks = (original.graph.source as? StochasticBlockModelSettings)?.blockSizes {
            small.append(("graph.block_sizes", "[" + blocks.map { String(min($0, 100)) }.joined(separator: ", ") + "]"))
        }
        let scenario = try ScenarioLoader.load(path: path, overrides: small)
        let report = try DatasetGenerator.generate(
            scenario, baseDirectory: Self.directory.path, outputDirectory: out.path, threads: 2)
        let rows = try String(contentsOf: out.appendingPathComponent("interactions.csv"), encoding: .utf8)
        #expect(rows.split(separator: "\n").count == report.interactions + 1)
        // statistics.csv's item popularity is the interactions' clicks per item, most first; the
        // report's rank-frequency chart plots exactly those with a click.
        let interactions = try CSVTable(path: out.appendingPathComponent("interactions.csv").path)
        let i = try interactions.fields("action", "item")
        var clicks = [Int](repeating: 0, count: scenario.items.count)
        for row in interactions.rows where i.text(row, 0) == "click" { clicks[Int(i.text(row, 1)) ?? 0] += 1 }
        let statistics = try CSVTable(path: out.appendingPathComponent("statistics.csv").path)
        let s = try statistics.fields("statistic", "value")
        let popularity = statistics.rows.filter { s.text($0, 0) == "item_popularity" }.map { Int(s.text($0, 1)) ?? -1 }
        #expect(popularity == clicks.sorted(by: >))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let plotted = try ReportDocument(html: html).all("g", where: "data-series", is: "items").first
        let expected = popularity.enumerated().filter { $0.element > 0 }.map { "\($0.offset + 1),\($0.element),," }
        #expect(plotted?.attributes["data-points"] == expected.joined(separator: ";"))
        // `contagion report` draws the same page from the finished folder, whatever its name.
        #expect(try Report.render(folder: out.path) == html)
    }

    /// A train-only scenario through `contagion train`: a few episodes on one graph, a short
    /// held-out comparison.
    func trainsAtASmallSize(path: String, out: URL) throws {
        let scenario = try ScenarioLoader.load(
            path: path,
            overrides: [
                ("rl.episodes", "3"), ("rl.graph_every", "3"), ("rl.reward_sets", "500"),
                ("rl.evaluation.episodes", "4"),
            ], readsPolicyFiles: false)
        let report = try TrainingRunner.train(
            scenario, baseDirectory: Self.directory.path, policyPath: out.appendingPathComponent("policy.json").path,
            threads: 2)
        #expect(report.episodes == 3 && report.evaluation.map(\.strategy).last == "rl")
        let rows = try String(contentsOf: out.appendingPathComponent("evaluation.csv"), encoding: .utf8)
        #expect(rows.split(separator: "\n").count == 1 + 3 * 4)
        // The report: the learning curve is training.csv's returns; the held-out means are
        // evaluation.csv's, one row per strategy.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let document = try ReportDocument(html: html)
        let training = try CSVTable(path: out.appendingPathComponent("training.csv").path)
        let t = try training.fields("episode", "return")
        let curve = training.rows.map { "\(t.text($0, 0)),\(t.text($0, 1)),," }.joined(separator: ";")
        #expect(document.all("g", where: "data-series", is: "episode").first?.attributes["data-points"] == curve)
        let evaluation = try CSVTable(path: out.appendingPathComponent("evaluation.csv").path)
        let e = try evaluation.fields("strategy", "adopters")
        for strategy in Set(evaluation.rows.map { e.text($0, 0) }) {
            let sample = evaluation.rows.filter { e.text($0, 0) == strategy }.map { e.number($0, 1) }
            let means = document.all("g", where: "data-label", is: strategy).compactMap { $0.attributes["data-mean"] }
            #expect(means.contains(CSVWriter.format(SampleSummary(sample).mean)), "\(strategy)")
        }
        #expect(try Report.render(folder: out.path) == html)
    }
}
