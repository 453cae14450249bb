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
        #expect(Set(Self.files).isSuperset(of: ["quickstart.json", "karate-ic.json", "social-commerce.json"]))
    }

    @Test(arguments: files)
    func runsAtASmallSize(file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("//"), "\(file) should open with a comment saying what it shows")
        let scenario = try ScenarioLoader.load(path: path, overrides: [("simulation.replicates", "2")])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("contagion-scn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = try ScenarioRunner.run(
            scenario, baseDirectory: Self.directory.path, outputDirectory: out.path, threads: 2)
        #expect(
            report.runs == 2 * scenario.policies.count
                * (scenario.model.model.dependsOnItem ? scenario.simulation.items.count : 1))
        let runs = try String(contentsOf: out.appendingPathComponent("runs.csv"), encoding: .utf8)
        #expect(runs.split(separator: "\n").count == report.runs + 1)
    }
}
