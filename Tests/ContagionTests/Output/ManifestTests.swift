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
                "comparisons.csv", "curves.csv", "manifest.json", "runs.csv", "seeds.csv", "steps.csv", "summary.csv",
                "timings.csv",
            ])
    }
}
