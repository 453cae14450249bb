import Foundation
import Testing

@testable import Contagion

@Suite struct ManifestTests {
    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contagion-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The manifest's scenario is the resolved scenario: fed back to the loader from another
    /// folder, it decodes to the same value, edge-list path included.
    @Test func manifestScenarioRunsAgain() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a b\nb c\nc a\nc d\n".utf8).write(to: folder.appendingPathComponent("g.edges"))
        let file = folder.appendingPathComponent("s.json")
        try Data(
            """
            // test
            { graph: { type: "file", path: "g.edges", header: false }, model: { type: "linear_threshold" },
              policies: [{ type: "explicit", users: ["a"] }], simulation: { replicates: 3 } }
            """.utf8
        ).write(to: file)
        let scenario = try ScenarioLoader.load(path: file.path)
        let out = folder.appendingPathComponent("out")
        _ = try ScenarioRunner.run(scenario, baseDirectory: folder.path, outputDirectory: out.path, threads: 1)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        let scenarioObject = try #require((manifest as? [String: Any])?["scenario"])
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contagion-copy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: copy) }
        try JSONSerialization.data(withJSONObject: scenarioObject).write(to: copy)
        var expected = scenario
        expected.graph.source = EdgeListFileSettings(
            path: folder.appendingPathComponent("g.edges").path, header: .absent)
        #expect(try ScenarioLoader.load(path: copy.path) == expected)
    }

    /// On a path of 200 users with p = 1 a cascade runs to the end without `max_steps` (200
    /// adopters, none cut short); with `max_steps: 50` it stops at 51 adopters and the
    /// manifest counts every run as cut short.
    @Test(arguments: [(nil, 200, 0), (50, 51, 4)] as [(Int?, Int, Int)])
    func cascadesCutShortAreCounted(maxSteps: Int?, adopters: Int, cutShort: Int) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = (0..<199).map { "\($0) \($0 + 1)\n" }.joined()
        try Data(path.utf8).write(to: folder.appendingPathComponent("path.edges"))
        let file = folder.appendingPathComponent("s.json")
        try Data(
            """
            { graph: { type: "file", path: "path.edges", directed: true, header: false },
              model: { type: "independent_cascade", probability: 1 },
              policies: [{ type: "explicit", users: ["0"] }], simulation: { replicates: 4 } }
            """.utf8
        ).write(to: file)
        let scenario = try ScenarioLoader.load(
            path: file.path, overrides: maxSteps.map { [("simulation.max_steps", String($0))] } ?? [])
        let out = folder.appendingPathComponent("out")
        let report = try ScenarioRunner.run(scenario, baseDirectory: folder.path, outputDirectory: out.path, threads: 1)
        #expect(report.cascadesAtStepLimit == cutShort)
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["cascades_at_step_limit"] as? Int == cutShort)
        let rows = try String(contentsOf: out.appendingPathComponent("runs.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(rows.first?.firstIndex(of: "adopters"))
        #expect(rows.count == 5 && rows.dropFirst().allSatisfy { $0[column] == "\(adopters)" })
    }

    /// A run without events removes the `events.csv` an earlier run left, and no `.partial`
    /// file remains.
    @Test func staleTablesAreRemoved() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.json")
        try Data(
            """
            // test
            { graph: { type: "builtin", name: "florentine_families" }, model: { type: "independent_cascade" },
              policies: [{ type: "degree" }], budget: 2, simulation: { replicates: 3, events: true } }
            """.utf8
        ).write(to: file)
        let out = folder.appendingPathComponent("out")
        let withEvents = try ScenarioLoader.load(path: file.path)
        _ = try ScenarioRunner.run(withEvents, baseDirectory: folder.path, outputDirectory: out.path, threads: 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("events.csv").path))
        let without = try ScenarioLoader.load(path: file.path, overrides: [("simulation.events", "false")])
        _ = try ScenarioRunner.run(without, baseDirectory: folder.path, outputDirectory: out.path, threads: 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "comparisons.csv", "curves.csv", "manifest.json", "report.html", "runs.csv", "seeds.csv", "steps.csv",
                "summary.csv", "timings.csv",
            ])
    }
}
