import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// `contagion embed` as a user runs it.
@Suite struct EmbedCommandTests {
    static let options = ["--dimensions", "8", "--walks-per-node", "2", "--walk-length", "10", "--quiet"]

    @Test func aScenarioIsEmbeddedDeterministicallyInWord2VecFormat() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("tiny.json", CommandLineToolTests.scenario)
        for name in ["a.txt", "b.txt"] {
            #expect(CommandLineTool.run(["embed", scenario, "--out", folder.path(of: name)] + Self.options) == 0)
        }
        let a = try Word2VecFormat.read(path: folder.path(of: "a.txt"))
        #expect(a.names == (0..<34).map(String.init))
        #expect(a.embedding.dimensions == 8)
        let b = try String(contentsOfFile: folder.path(of: "b.txt"), encoding: .utf8)
        #expect(try String(contentsOfFile: folder.path(of: "a.txt"), encoding: .utf8) == b)
        #expect(try folder.listing() == ["a.txt", "b.txt", "tiny.json"])
    }

    @Test func anEdgeListKeepsItsNodeNames() throws {
        let folder = try TemporaryFolder()
        let edges = try folder.write("edges.txt", "# a triangle and a tail\nx y\ny z\nz x\nz w\n")
        let out = folder.path(of: "vectors.txt")
        #expect(
            CommandLineTool.run(["embed", edges, "--out", out, "--deterministic", "--header", "false"] + Self.options)
                == 0)
        #expect(try Word2VecFormat.read(path: out).names == ["x", "y", "z", "w"])
    }

    @Test(arguments: [
        ["--dimensions", "8"],
        ["--out", "v.txt", "--p", "0"],
        ["--out", "v.txt", "--deterministic", "--parallel"],
        ["--out", "v.txt", "--set", "seed=3"],
        ["--out", "v.txt", "--walk-length", "1"],
        ["--out", "v.txt", "--dimensions", "5000"],
        ["--out", "v.txt", "--p", "100000"],
        // The same ranges as a scenario's `embedding` section (5000 was accepted here once).
        ["--out", "v.txt", "--window", "5000"],
        ["--out", "v.txt", "--epochs", "5000"],
        ["--out", "v.txt", "--negatives", "-1"],
    ])
    func badOptionsExitTwo(options: [String]) throws {
        let folder = try TemporaryFolder()
        let edges = try folder.write("edges.txt", "1 2\n")
        #expect(CommandLineTool.run(["embed", edges] + options) == 2)
    }

    @Test func aMissingInputOrUnwritableOutputExitsTwo() throws {
        let folder = try TemporaryFolder()
        try folder.write("plain.txt", "x")
        #expect(CommandLineTool.run(["embed", folder.path(of: "none.txt"), "--out", folder.path(of: "v.txt")]) == 2)
        let edges = try folder.write("edges.txt", "1 2\n")
        #expect(CommandLineTool.run(["embed", edges, "--out", folder.path(of: "plain.txt/v.txt")]) == 2)
        #expect(try folder.listing() == ["edges.txt", "plain.txt"])
    }

    @Test func aBadEmbeddingKeyInTheScenarioExitsTwo() throws {
        let folder = try TemporaryFolder()
        let scenario = try folder.write("tiny.json", CommandLineToolTests.scenario)
        let out = folder.path(of: "v.txt")
        #expect(CommandLineTool.run(["embed", scenario, "--out", out, "--set", "embedding.window=0"]) == 2)
        #expect(CommandLineTool.run(["embed", scenario, "--out", out, "--set", "embedding.colour=1"]) == 2)
    }
}
