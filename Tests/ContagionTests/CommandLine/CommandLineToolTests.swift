import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// Exit codes of whole command lines: 0 success, 2 bad usage or bad input.
@Suite struct CommandLineToolTests {
    /// The karate club under IC: a run takes a few milliseconds.
    static let scenario = """
        // A tiny scenario for command-line tests.
        {
          name: "tiny",
          seed: 3,
          graph: { type: "builtin", name: "karate_club" },
          model: { type: "independent_cascade", probability: 0.2 },
          budget: 2,
          policies: [{ type: "random" }, { type: "degree" }],
          simulation: { replicates: 5, max_steps: 10 },
        }
        """

    static let tables = [
        "comparisons.csv", "curves.csv", "manifest.json", "report.html", "runs.csv", "seeds.csv", "steps.csv",
        "summary.csv", "timings.csv",
    ]

    /// The text of `name` in `folder`, split into lines (without the empty text after the last "\n").
    static func lines(_ name: String, in folder: String) throws -> [Substring] {
        let text = try String(
            contentsOfFile: URL(fileURLWithPath: folder).appendingPathComponent(name).path, encoding: .utf8)
        return text.split(separator: "\n")
    }

    struct ManifestFields: Decodable {
        var masterSeed: UInt64
        var files: [String]
        var nodes: Int
        var arcs: Int

        enum CodingKeys: String, CodingKey {
            case masterSeed = "master_seed"
            case files, nodes, arcs
        }
    }
}

// MARK: - Help and usage

extension CommandLineToolTests {
    @Test(arguments: [
        [], ["--help"], ["-h"], ["help"], ["help", "run"], ["help", "validate"], ["--version"], ["run", "--help"],
        ["validate", "-h"],
    ])
    func helpAndVersionExitZero(arguments: [String]) {
        #expect(CommandLineTool.run(arguments) == 0)
    }

    @Test(arguments: [
        ["frobnicate"], ["help", "frobnicate"], ["run"], ["run", "s.json", "--bogus"],
        ["run", "s.json", "--threads", "zero"],
        ["validate"],
    ])
    func badUsageExitsTwo(arguments: [String]) {
        #expect(CommandLineTool.run(arguments) == 2)
    }

    @Test func versionIsTheLibraryVersion() {
        #expect(ContagionVersion.string.split(separator: ".").count == 3)
    }
}

// MARK: - Bad input

extension CommandLineToolTests {
    @Test(arguments: ["run", "validate"])
    func missingScenarioFileExitsTwo(command: String) throws {
        let folder = try TemporaryFolder()
        let arguments = [command, folder.path(of: "absent.json")] + (command == "run" ? ["--quiet"] : [])
        #expect(CommandLineTool.run(arguments) == 2)
        #expect(try folder.listing().isEmpty)
    }

    @Test(arguments: ["run", "validate"])
    func scenarioWithABadKeyExitsTwo(command: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.json", Self.scenario.replacingOccurrences(of: "budget: 2", with: "budgett: 2"))
        var arguments = [command, path]
        if command == "run" { arguments += ["--quiet", "--out", folder.path(of: "out")] }
        #expect(CommandLineTool.run(arguments) == 2)
        #expect(try folder.listing() == ["bad.json"])
    }

    @Test func badSetOverrideExitsTwo() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        #expect(CommandLineTool.run(["validate", path, "--set", "budget"]) == 2)
        #expect(CommandLineTool.run(["validate", path, "--set", "=3"]) == 2)
        #expect(CommandLineTool.run(["validate", path, "--set", "budget=0"]) == 2)
        #expect(CommandLineTool.run(["validate", path, "--set", "policies[7].k=1"]) == 2)
    }

    @Test func budgetLargerThanTheGraphExitsTwoAndNamesTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        #expect(CommandLineTool.run(["validate", path, "--set", "budget=40"]) == 2)
        let parsed = try Commands.validate.parse([path, "--set", "budget=40"])
        #expect(throws: ScenarioError(file: path, keyPath: "budget", message: "must be ≤ the graph's 34 users, got 40"))
        {
            try Commands.validateScenario(parsed)
        }
    }

    @Test func malformedSetInValidateShowsValidatesUsage() throws {
        let parsed = try Commands.validate.parse(["s.json", "--set", "budget"])
        do {
            _ = try Commands.loadScenario(parsed, for: Commands.validate)
            Issue.record("no error")
        } catch let error as UsageError {
            #expect(error.message == "error: --set expects KEY=VALUE, got 'budget'")
            #expect(error.usage == Commands.validate.usage)
        }
    }
}

// MARK: - Validating and running

extension CommandLineToolTests {
    @Test func validateExitsZero() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        #expect(CommandLineTool.run(["validate", path]) == 0)
        #expect(CommandLineTool.run(["validate", path, "--set", "budget=34"]) == 0)
        // Validating writes nothing.
        #expect(try folder.listing() == ["tiny.json"])
    }

    @Test func runWritesEveryTableAndNoPartialFiles() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "results")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--threads", "2", "--out", out]) == 0)
        let files = try folder.listing("results")
        #expect(files == Self.tables)
        #expect(!files.contains { $0.hasSuffix(".partial") || $0.hasPrefix(".") })

        // 5 replicates × 2 policies, one item (IC does not depend on it), plus the header.
        let runs = try Self.lines("runs.csv", in: out)
        #expect(runs.count == 1 + 10)
        #expect(runs[0].hasPrefix("graph,policy,k,recommender,model,item,replicate,round,seeds,exposed,"))
        #expect(
            runs.dropFirst().allSatisfy {
                $0.hasPrefix("builtin,random,2,none,independent_cascade,0,")
                    || $0.hasPrefix("builtin,degree,2,none,independent_cascade,0,")
            })
        // Two seeds for each policy.
        #expect(try Self.lines("seeds.csv", in: out).count == 1 + 4)
        // 12 metrics per policy.
        #expect(try Self.lines("summary.csv", in: out).count == 1 + 24)

        let manifest = try JSONDecoder().decode(
            ManifestFields.self,
            from: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("manifest.json")))
        #expect(manifest.masterSeed == 3)
        #expect(manifest.nodes == 34)
        #expect(manifest.arcs == 156)
        #expect(manifest.files.sorted() == Self.tables)
    }

    @Test func runOptionsOverrideTheScenario() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "results")
        let arguments = [
            "run", path, "--quiet", "--threads", "1", "--out", out, "--replicates", "2", "--seed",
            "18446744073709551615",
            "--set", "simulation.events=true",
        ]
        #expect(CommandLineTool.run(arguments) == 0)
        #expect(try Self.lines("runs.csv", in: out).count == 1 + 4)
        #expect(try folder.listing("results").contains("events.csv"))
        let manifest = try JSONDecoder().decode(
            ManifestFields.self,
            from: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("manifest.json")))
        #expect(manifest.masterSeed == .max)
    }

    @Test func rerunningWithoutEventsRemovesTheOldEventsTable() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "results")
        #expect(
            CommandLineTool.run([
                "run", path, "--quiet", "--threads", "1", "--out", out, "--set", "simulation.events=true",
            ]) == 0)
        #expect(try folder.listing("results") == (Self.tables + ["events.csv"]).sorted())
        #expect(CommandLineTool.run(["run", path, "--quiet", "--threads", "1", "--out", out]) == 0)
        #expect(try folder.listing("results") == Self.tables)
    }

    @Test func outputDirectoryFromTheScenario() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "from-scenario")
        #expect(
            CommandLineTool.run(["run", path, "--quiet", "--threads", "1", "--set", "output.directory=\(out)"]) == 0)
        #expect(try folder.listing("from-scenario") == Self.tables)
    }

    @Test func sameSeedGivesTheSameTables() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        #expect(CommandLineTool.run(["run", path, "--quiet", "--threads", "1", "--out", folder.path(of: "a")]) == 0)
        #expect(CommandLineTool.run(["run", path, "--quiet", "--threads", "2", "--out", folder.path(of: "b")]) == 0)
        for table in ["runs.csv", "steps.csv", "summary.csv", "seeds.csv"] {
            #expect(
                try DeterministicTables.content(of: table, in: folder.path(of: "a"))
                    == DeterministicTables.content(of: table, in: folder.path(of: "b")),
                "\(table) differs")
        }
    }
}

// MARK: - Output folders that cannot be used

extension CommandLineToolTests {
    @Test func outputUnderARegularFileExitsTwoAndLeavesNothing() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        try folder.write("plain.txt", "not a folder\n")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--out", folder.path(of: "plain.txt/results")]) == 2)
        #expect(try folder.listing() == ["plain.txt", "tiny.json"])
        #expect(try String(contentsOfFile: folder.path(of: "plain.txt"), encoding: .utf8) == "not a folder\n")
    }

    @Test func outputThatIsARegularFileExitsTwo() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        try folder.write("plain.txt", "x")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--out", folder.path(of: "plain.txt")]) == 2)
        #expect(try folder.listing() == ["plain.txt", "tiny.json"])
    }

    @Test func failedRunLeavesNoTables() throws {
        // The folder is checked (and created) first; the budget error comes after, and no
        // file, finished or partial, may be left behind.
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "results")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--out", out, "--set", "budget=40"]) == 2)
        #expect(try folder.listing("results").isEmpty)
    }

    @Test func failedRunKeepsThePreviousTables() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.json", Self.scenario)
        let out = folder.path(of: "results")
        #expect(CommandLineTool.run(["run", path, "--quiet", "--threads", "1", "--out", out]) == 0)
        let before = try Self.lines("runs.csv", in: out)
        #expect(CommandLineTool.run(["run", path, "--quiet", "--out", out, "--set", "budget=40"]) == 2)
        #expect(try folder.listing("results") == Self.tables)
        #expect(try Self.lines("runs.csv", in: out) == before)
    }
}
