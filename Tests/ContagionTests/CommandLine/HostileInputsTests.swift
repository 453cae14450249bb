import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// Every input of issue 14's hostile-user list, replayed through `contagion validate` (or the
/// command that met it): each now ends in exit code 2 and one line that says where and what,
/// where it used to crash, hang, abort in an allocation or be accepted silently.
@Suite struct HostileInputsTests {
    /// The quickstart scenario at test size: overrides below make it hostile.
    static let base = """
        { name: "hostile", seed: 1, graph: { type: "stochastic_block_model", block_sizes: [20, 20] },
          items: { count: 4 }, budget: 2, policies: [{ type: "degree" }], simulation: { replicates: 2 } }
        """

    /// The error `arguments` end in, and the exit code `CommandLineTool.run` gives them.
    static func failure(_ arguments: [String]) -> (message: String, code: Int32) {
        do {
            try CommandLineTool.dispatch(arguments)
            return ("", 0)
        } catch {
            // As the command line prints it: control characters escaped.
            return (TextSafety.escapingControlCharacters("\(error)"), CommandLineTool.run(arguments))
        }
    }

    /// Expects exit 2 and one line containing `expected`.
    static func expectRefused(
        _ arguments: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (message, code) = failure(arguments)
        #expect(code == 2, "exit code of \(arguments)", sourceLocation: sourceLocation)
        #expect(message.contains(expected), "\(message)", sourceLocation: sourceLocation)
        #expect(!message.contains("\n"), "one line: \(message.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Syntax the old parser crashed on (the first two) or named without a line (the rest).
    static let malformedTexts: [([UInt8], String)] = [
        (Array(repeating: UInt8(ascii: "["), count: 100_000), "1:65: expected at most 64 nested objects and lists"),
        (Array("{ a".utf8) + [0xFD] + Array(": 1 }".utf8), "1:4: expected UTF-8 text, found the byte 0xFD"),
        (Array("{ name: \"a\u{0}\" }".utf8), "1:11: expected no NUL byte in a string"),
        (Array("{ seed: 01 }".utf8), "1:9: expected a number without a leading zero"),
        (Array("{ seed: 1E400 }".utf8), "1:9: expected a number within"),
        (Array("{ seed: 18446744073709551616 }".utf8), "1:9: expected an integer within 64 bits"),
        (Array("{ seed: inf }".utf8), "1:9: expected a value"),
        (Array("{ name: \"a\", name: \"b\" }".utf8), "1:14: expected each key once in an object, found 'name'"),
        (Array("{ \"a\\u000Ab\": 1 }".utf8), "a\\nb: unknown key"),
    ]

    @Test(arguments: malformedTexts)
    func malformedText(bytes: [UInt8], expected: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "s.json")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        Self.expectRefused(["validate", path], expected)
    }

    /// Values that overflowed, aborted in an allocation or hung, and small gaps of the schema.
    static let hostileAssignments: [(String, String)] = [
        ("graph.block_sizes=[9223372036854775807,1]", "graph.block_sizes: must sum to at most 2147483646 nodes"),
        ("graph.block_sizes=[4294967296]", "graph.block_sizes: must sum to at most 2147483646 nodes"),
        (
            "graph.block_sizes=[\(Array(repeating: "1", count: 100_000).joined(separator: ","))]",
            "must list 1 to 10000 blocks"
        ),
        ("items.count=9223372036854775807", "items.count: must be in [1, 2147483646]"),
        ("items.count=1000000000", "run needs about"),
        ("simulation.replicates=9223372036854775807", "simulation.replicates: must be in [1, 1000000000]"),
        ("simulation.max_steps=1000000000", "simulation.max_steps: must be in [1, 1000000]"),
        ("policies=[{type:\"imm\",epsilon:1.2e-38}]", "run needs about"),
        ("policies=[{type:\"imm\",ell:9e15}]", "run needs about"),
        ("graph={type:\"erdos_renyi\",nodes:1000000000}", "(the graph, users and items alone)"),
        ("graph={type:\"barabasi_albert\",nodes:2147483646}", "(the graph, users and items alone)"),
        (
            "graph={type:\"configuration_model\",nodes:100,min_degree:1000000000}",
            "graph.min_degree: must be in [1, 99]"
        ),
        (
            "feed={recommenders:[{type:\"popularity\"}],evaluation:{recommenders:[{type:\"random\"}],k:1000000000}}",
            "feed.evaluation.k: must be in [1, 10000]"
        ),
        ("simulation.items=[0,0]", "simulation.items[1]: must list each item once, got 0 twice"),
        ("name=..", "name: must name a folder: no '/', not '.' or '..', got '..'"),
    ]

    @Test(arguments: hostileAssignments)
    func hostileValues(assignment: String, expected: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.json", Self.base)
        Self.expectRefused(["validate", path, "--set", assignment, "--memory-limit", "4GiB"], expected)
    }

    @Test func tooManyReplicatesAreRefusedByTheMemoryLimit() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.json", Self.base)
        Self.expectRefused(
            ["run", path, "--replicates", "100000000", "--memory-limit", "4GiB", "--out", folder.path(of: "o")],
            "run needs about")
        #expect(!FileManager.default.fileExists(atPath: folder.path(of: "o/runs.csv")))
    }

    @Test func aMemoryLimitThatIsNoSizeIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.json", Self.base)
        #expect(CommandLineTool.run(["validate", path, "--memory-limit", "lots"]) == 2)
    }

    /// Graph files that lost or invented an edge, or failed on a misleading line.
    @Test(arguments: [
        ("edges.csv", "alice,bob\nbob,carol\n", "edges.csv:1: cannot tell whether 'alice bob' is a header"),
        ("graph.graphml", "<?xml version=\"1.0\"?>\n<graphml/>\n", "graph.graphml: expected nodes, found none"),
        (
            "m.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n",
            "m.mtx: expected 2 entries, found 1"
        ),
    ])
    func edgeListsThatCannotBeReadSafely(name: String, contents: String, expected: String) throws {
        let folder = try TemporaryFolder()
        try folder.write(name, contents)
        let path = try folder.write(
            "s.json", #"{ graph: { type: "file", path: "\#(name)" }, budget: 1, policies: [{ type: "degree" }] }"#)
        Self.expectRefused(["validate", path], expected)
        Self.expectRefused(["embed", folder.path(of: name), "--out", folder.path(of: "v.txt")], expected)
    }

    @Test func aCSVWithoutHeaderKeepsItsFirstEdgeAndASNAPHeaderAddsNoNodes() throws {
        let folder = try TemporaryFolder()
        let csv = try GraphFile.read(path: folder.write("e.csv", "1,2\n2,3\n"), directed: true)
        #expect(csv.arcCount == 2)
        let snap = try GraphFile.read(
            path: folder.write("e.txt", "FromNodeId ToNodeId\n1 2\n2 3\n"), directed: true)
        #expect(snap.nodeCount == 3 && snap.arcCount == 2)
    }
}
