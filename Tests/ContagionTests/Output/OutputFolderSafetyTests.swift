import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// No command removes a folder: a folder where an output file belongs stops it with exit 2,
/// before anything is written, and everything in the folder stays.
@Suite struct OutputFolderSafetyTests {
    /// A folder `name` in `folder` holding one file of the user's.
    static func userFolder(_ name: String, in folder: TemporaryFolder) throws -> String {
        try FileManager.default.createDirectory(atPath: folder.path(of: name), withIntermediateDirectories: true)
        try folder.write("\(name)/mine.txt", "precious")
        return folder.path(of: name)
    }

    static func isIntact(_ path: String) throws -> Bool {
        try String(contentsOfFile: path + "/mine.txt", encoding: .utf8) == "precious"
    }

    @Test func embedIntoAnExistingFolderKeepsIt() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("tiny.json", CommandLineToolTests.scenario)
        let target = try Self.userFolder("vectors", in: folder)
        #expect(CommandLineTool.run(["embed", scenario, "--out", target, "--dimensions", "4", "--quiet"]) == 2)
        #expect(try Self.isIntact(target))
    }

    @Test func trainIntoAnExistingFolderKeepsIt() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("tiny.json", CommandLineToolTests.scenario)
        let target = try Self.userFolder("policy", in: folder)
        let arguments = [
            "train", scenario, "--out", target, "--quiet", "--set", "rl={episodes: 1, budget: 2, rounds: 1}",
        ]
        #expect(CommandLineTool.run(arguments) == 2)
        #expect(try Self.isIntact(target))
        #expect(try folder.listing() == ["policy", "tiny.json"])
    }

    @Test func runWithAFolderNamedLikeATableKeepsIt() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("tiny.json", CommandLineToolTests.scenario)
        let out = folder.path(of: "out")
        let table = try Self.userFolder("out/summary.csv", in: folder)
        #expect(CommandLineTool.run(["run", scenario, "--out", out, "--replicates", "2", "--quiet"]) == 2)
        #expect(try Self.isIntact(table))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.csv"])
    }

    @Test func aStaleNameThatIsAFolderIsNotRemoved() throws {
        let folder = try TemporaryFolder()
        let output = try OutputFolder(path: folder.path)
        let stale = try Self.userFolder("events.csv", in: folder)
        try output.write("runs.csv", contents: Data("a\n".utf8))
        try output.commit(removingStale: ["events.csv"])
        #expect(try Self.isIntact(stale))
        #expect(try String(contentsOfFile: folder.path(of: "runs.csv"), encoding: .utf8) == "a\n")
    }

    @Test func commitReplacesAnEarlierFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("runs.csv", "old\n")
        let output = try OutputFolder(path: folder.path, files: ["runs.csv"])
        try output.write("runs.csv", contents: Data("new\n".utf8))
        try output.commit()
        #expect(try String(contentsOfFile: folder.path(of: "runs.csv"), encoding: .utf8) == "new\n")
        #expect(try folder.listing() == ["runs.csv"])
    }
}

extension OutputFolderSafetyTests {
    @Test func aKilledEarlierRunsTemporaryFileIsRemovedByTheNextRun() throws {
        let folder = try TemporaryFolder()
        try folder.write(".runs.csv.partial", "half a table")
        try folder.write(".other.txt.partial", "not ours to remove")
        _ = try OutputFolder(path: folder.path, files: ["runs.csv"])
        #expect(!FileManager.default.fileExists(atPath: folder.path(of: ".runs.csv.partial")))
        #expect(FileManager.default.fileExists(atPath: folder.path(of: ".other.txt.partial")))
    }
}

/// A set committed with its marker is the earlier set or a set without a marker at any instant
/// of the commit: a failure injected before every rename (as a kill there would stop it).
@Suite struct OutputSetCommitTests {
    struct Killed: Error {}
    static let tables = ["runs.csv", "steps.csv", "summary.csv"]

    /// Writes one complete set, every file holding `tag`, committed with `manifest.json` last.
    static func commitSet(_ tag: String, in path: String, killedBeforeRename kill: Int? = nil) throws {
        let folder = try OutputFolder(path: path, files: tables + ["manifest.json"])
        var renames = 0
        folder.beforeEachRename = { _ in
            if renames == kill { throw Killed() }
            renames += 1
        }
        for name in tables + ["manifest.json"] { try folder.write(name, contents: Data(tag.utf8)) }
        try folder.commit(removingStale: tables + ["manifest.json"], marker: "manifest.json")
    }

    static func contents(_ path: String) -> [String: String] {
        var files: [String: String] = [:]
        for name in tables + ["manifest.json"] {
            files[name] = try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
        }
        return files
    }

    /// Four renames: the three tables, then the marker.
    @Test(arguments: 0...3)
    func aKillAtAnyRenameLeavesNoMixedCompleteSet(kill: Int) throws {
        let folder = try TemporaryFolder()
        try Self.commitSet("old", in: folder.path)
        #expect(throws: Killed.self) { try Self.commitSet("new", in: folder.path, killedBeforeRename: kill) }
        let files = Self.contents(folder.path)
        if let marker = files["manifest.json"] {
            // A marker is only ever beside its own complete set.
            #expect(Self.tables.allSatisfy { files[$0] == marker })
        }
        // The earlier marker went before any table was replaced.
        #expect(files["manifest.json"] != "old" || Self.tables.allSatisfy { files[$0] == "old" })
        // The next run replaces whatever is left with a complete set.
        try Self.commitSet("next", in: folder.path)
        #expect(Self.contents(folder.path).values.allSatisfy { $0 == "next" })
    }
}
