import ContagionCommandLine
import Foundation
import Testing

@testable import Contagion

/// `report.html` of a run: well-formed, every chart carrying exactly the tables' values, drawn
/// again identically by `contagion report`, skipped with `--no-report`.
@Suite struct RunReportTests {
    static let scenario = """
        { seed: 4, graph: { type: "builtin", name: "karate_club" },
          model: { type: "independent_cascade", probability: 0.2 },
          policies: [{ type: "random" }, { type: "degree" }, { type: "pagerank" }], budget: [2, 4],
          simulation: { replicates: 30, events: true } }
        """

    /// A finished run of ``scenario`` in a fresh folder, and its report read as XML.
    static func run() throws -> (folder: TemporaryFolder, out: String, report: ReportDocument) {
        let folder = try TemporaryFolder()
        let out = folder.path(of: "out")
        let scenario = try ScenarioLoader.load(path: folder.write("s.json", Self.scenario))
        _ = try ScenarioRunner.run(scenario, baseDirectory: folder.path, outputDirectory: out, threads: 2)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        return (folder, out, try ReportDocument(html: html))
    }

    static func table(_ name: String, in out: String) throws -> CSVTable { try CSVTable(path: out + "/" + name) }

    /// The `data-points` of every series named `name`.
    static func points(_ report: ReportDocument, series name: String) -> [String] {
        report.all("g", where: "data-series", is: name).compactMap { $0.attributes["data-points"] }
    }

    @Test func theReportHasEveryChartOfARun() throws {
        let (folder, out, report) = try Self.run()
        defer { withExtendedLifetime(folder) {} }
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
        // Spread against k, the forest plot, two significance matrices (k = 2, 4), the CCDF,
        // the curves, virality, selection cost and the tree; no funnel (nobody clicks under IC).
        #expect(report.chartKinds == ["xy", "interval", "heatmap", "heatmap", "xy", "xy", "xy", "xy", "tree"])
        #expect(report.all("script").isEmpty && report.all("link").isEmpty && report.all("img").isEmpty)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(((manifest as? [String: Any])?["files"] as? [String])?.contains("report.html") == true)
    }

    /// Spread against k: each policy's line is (k, mean, low, high) of its summary.csv rows.
    @Test func spreadChartsCarryTheSummarysValues() throws {
        let (folder, out, report) = try Self.run()
        defer { withExtendedLifetime(folder) {} }
        let summary = try Self.table("summary.csv", in: out)
        let f = try summary.fields("policy", "metric", "k", "mean", "ci95_low", "ci95_high")
        for policy in ["random", "degree", "pagerank"] {
            let expected = summary.rows.filter { f.text($0, 0) == policy && f.text($0, 1) == "adopters" }
                .map { "\(f.text($0, 2)),\(f.text($0, 3)),\(f.text($0, 4)),\(f.text($0, 5))" }
                .joined(separator: ";")
            #expect(Self.points(report, series: policy).contains(expected), "\(policy)")
        }
    }

    /// The forest plot is summary.csv's paired differences; the matrices are comparisons.csv's
    /// Holm-adjusted p-values, once each way.
    @Test func comparisonChartsCarryThePairedValues() throws {
        let (folder, out, report) = try Self.run()
        defer { withExtendedLifetime(folder) {} }
        let summary = try Self.table("summary.csv", in: out)
        let s = try summary.fields("policy", "metric", "k", "diff_mean", "diff_ci95_low", "diff_ci95_high")
        for row in summary.rows where s.text(row, 1) == "adopters" && s.text(row, 0) != "random" {
            let label = "\(s.text(row, 0)), k = \(s.text(row, 2))"
            let interval = try #require(report.all("g", where: "data-label", is: label).first, "\(label)")
            #expect(interval.attributes["data-mean"] == s.text(row, 3))
            #expect(interval.attributes["data-low"] == s.text(row, 4))
            #expect(interval.attributes["data-high"] == s.text(row, 5))
        }
        let comparisons = try Self.table("comparisons.csv", in: out)
        let c = try comparisons.fields("metric", "policy_a", "policy_b", "p_holm")
        let cells = report.all("g", where: "class", is: "cell")
        let adopters = comparisons.rows.filter { c.text($0, 0) == "adopters" }
        #expect(cells.count == 2 * adopters.count)
        for row in adopters {
            for (a, b) in [(c.text(row, 1), c.text(row, 2)), (c.text(row, 2), c.text(row, 1))] {
                #expect(
                    cells.contains {
                        $0.attributes["data-row"] == a && $0.attributes["data-column"] == b
                            && $0.attributes["data-value"] == c.text(row, 3)
                    }, "\(a) vs \(b)")
            }
        }
    }

    /// The CCDF is P(size ≥ s) of runs.csv's adopters at k = 4; the curves are curves.csv's.
    @Test func distributionChartsCarryTheRunsValues() throws {
        let (folder, out, report) = try Self.run()
        defer { withExtendedLifetime(folder) {} }
        let runs = try Self.table("runs.csv", in: out)
        let r = try runs.fields("policy", "k", "adopters")
        let curves = try Self.table("curves.csv", in: out)
        let c = try curves.fields("policy", "k", "step", "adopters_mean", "adopters_ci95_low", "adopters_ci95_high")
        for policy in ["random", "degree", "pagerank"] {
            let sizes = runs.rows.filter { r.text($0, 0) == policy && r.text($0, 1) == "4" }.map { r.number($0, 2) }
                .sorted()
            let distinct = Set(sizes).sorted()
            let ccdf = distinct.map { size in
                "\(CSVWriter.format(size)),\(CSVWriter.format(Double(sizes.count { $0 >= size }) / Double(sizes.count))),,"
            }
            #expect(Self.points(report, series: policy).contains(ccdf.joined(separator: ";")), "CCDF of \(policy)")
            let curve = curves.rows.filter { c.text($0, 0) == policy && c.text($0, 1) == "4" }
                .map { "\(c.text($0, 2)),\(c.text($0, 3)),\(c.text($0, 4)),\(c.text($0, 5))" }
            #expect(Self.points(report, series: policy).contains(curve.joined(separator: ";")), "curve of \(policy)")
        }
    }

    /// The tree is the first recorded cascade: its seeds and shares, each under its source.
    @Test func theTreeIsTheFirstCascade() throws {
        let (folder, out, report) = try Self.run()
        defer { withExtendedLifetime(folder) {} }
        let events = try Self.table("events.csv", in: out)
        let e = try events.fields("policy", "k", "replicate", "action", "user", "source")
        let first = events.rows.filter {
            e.text($0, 0) == "random" && e.text($0, 1) == "2" && e.text($0, 2) == "0"
                && ["seed", "share"].contains(e.text($0, 3))
        }
        let nodes = report.all("circle", where: "class", is: "node")
        #expect(nodes.map { $0.attributes["data-user"] ?? "" } == first.map { e.text($0, 4) })
        #expect(nodes.map { $0.attributes["data-parent"] ?? "" } == first.map { e.text($0, 5) })
    }

    /// `contagion report` draws the same page from the finished folder; `--no-report` writes
    /// none and removes the earlier one; a folder that is not an output folder exits 2.
    @Test func theReportCommandRedrawsItAndNoReportSkipsIt() throws {
        let (folder, out, _) = try Self.run()
        let written = try Data(contentsOf: URL(fileURLWithPath: out + "/report.html"))
        #expect(CommandLineTool.run(["report", out, "--quiet"]) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/report.html")) == written)
        #expect(!(try folder.listing("out")).contains { $0.hasPrefix(".") })

        let path = folder.path(of: "s.json")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--no-report", "--out", out]) == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/report.html"))

        #expect(CommandLineTool.run(["report", folder.path, "--quiet"]) == 2)
        try FileManager.default.removeItem(atPath: out + "/curves.csv")
        #expect(CommandLineTool.run(["report", out, "--quiet"]) == 2)
        #expect(throws: ReportError.missing(out + "/curves.csv")) { try Report.render(folder: out) }
    }
}

extension RunReportTests {
    /// One replicate has no intervals (summary.csv leaves them empty): the report still draws,
    /// with dashes where the intervals would be, and no `nan` reaches the drawing.
    @Test func oneReplicateDrawsWithoutIntervals() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.json", Self.scenario)
        let out = folder.path(of: "out")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--replicates", "1", "--out", out]) == 0)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        _ = try ReportDocument(html: html)
        #expect(!html.lowercased().contains("nan") && html.contains("– … –"))
    }
}
