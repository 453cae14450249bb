import Foundation
import Testing

@testable import Contagion

@Suite struct EdgeListReaderTests {
    /// Writes `contents` to a file `name` in `folder` and reads it.
    static func read(
        _ contents: String, name: String = "edges.txt", in folder: TemporaryFolder, format: GraphFileFormat = .auto,
        header: EdgeListHeader = .auto, directed: Bool = true
    ) throws -> Graph {
        try GraphFile.read(path: folder.write(name, contents), format: format, header: header, directed: directed)
    }

    /// The arcs as `(tail name, head name, strength)`.
    static func namedArcs(_ graph: Graph) -> [String] {
        (0..<graph.nodeCount).flatMap { tail in
            (graph.offsets[tail]..<graph.offsets[tail + 1]).map { arc in
                "\(graph.name(of: NodeID(tail)))>\(graph.name(of: graph.targets[arc])):\(graph.tieStrengths[arc])"
            }
        }
    }

    /// The error reading `contents` throws.
    static func error(
        _ contents: String, name: String = "edges.txt", format: GraphFileFormat = .auto, header: EdgeListHeader = .auto
    ) throws -> (error: EdgeListError, path: String) {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, contents)
        do {
            _ = try GraphFile.read(path: path, format: format, header: header, directed: true)
        } catch let error as EdgeListError {
            return (error, path)
        }
        Issue.record("reading \(contents.debugDescription) did not throw")
        return (EdgeListError(path: "", line: nil, message: ""), path)
    }
}

// MARK: - Formats

extension EdgeListReaderTests {
    @Test func whitespaceWithComments() throws {
        let folder = try TemporaryFolder()
        let text = """
            # a SNAP-style header
            % a Matrix Market comment
            0 1
            1\t2   \t
              2 3 0.5

            \t# an indented comment
            3  0
            """
        let graph = try Self.read(text, in: folder)
        #expect(graph.nodeCount == 4)
        #expect(graph.isDirected)
        #expect(Self.namedArcs(graph) == ["0>1:1.0", "1>2:1.0", "2>3:0.5", "3>0:1.0"])
    }

    @Test func windowsLineEndings() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("0 1 0.25\r\n1 2\r\n", in: folder)
        #expect(Self.namedArcs(graph) == ["0>1:0.25", "1>2:1.0"])
    }

    @Test func csvWithHeaderAndWeights() throws {
        let folder = try TemporaryFolder()
        let text = """
            source,target,weight
            # a comment
            alice, bob ,0.5
            "bob","carol",1
            carol,alice,0.125
            """
        let graph = try Self.read(text, name: "ties.csv", in: folder)
        #expect(graph.nodeNames == ["alice", "bob", "carol"])
        #expect(Self.namedArcs(graph) == ["alice>bob:0.5", "bob>carol:1.0", "carol>alice:0.125"])
    }

    @Test func csvFormatCanBeForcedOnAnyExtension() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("from,to\n1,2\n2,3\n", name: "edges.txt", in: folder, format: .csv)
        #expect(Self.namedArcs(graph) == ["1>2:1.0", "2>3:1.0"])
        // Read as whitespace, the same file has one-field lines.
        #expect(throws: EdgeListError.self) {
            try Self.read("from,to\n1,2\n", name: "edges.csv", in: folder, format: .whitespace)
        }
    }

    @Test func directedAndUndirectedReadingsOfOneFile() throws {
        let folder = try TemporaryFolder()
        let text = "0 1\n1 2\n2 0\n1 0\n"
        let directed = try Self.read(text, in: folder, directed: true)
        let undirected = try Self.read(text, in: folder, directed: false)
        #expect(directed.isDirected && !undirected.isDirected)
        #expect(directed.arcCount == 4)
        #expect(undirected.arcCount == 6)  // 0–1 listed both ways is one edge
        #expect(GraphTestSupport.isSymmetric(undirected))
    }

    @Test func stringNamesAreNumberedByFirstAppearance() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("zoe yan\nyan xia 0.5\nxia zoe\n", in: folder, header: .absent)
        #expect(graph.nodeNames == ["zoe", "yan", "xia"])
        #expect(Self.namedArcs(graph) == ["zoe>yan:1.0", "yan>xia:0.5", "xia>zoe:1.0"])
    }

    @Test func integerIDsAreNumberedInAscendingOrderAndKeepTheirNames() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("10 3\n3 7\n7 10\n42 3\n", in: folder)
        #expect(graph.nodeNames == ["3", "7", "10", "42"])
        // "10 3" is node 2 → node 0.
        #expect(Array(graph.successors(of: 2)) == [0])
        #expect(Self.namedArcs(graph) == ["3>7:1.0", "7>10:1.0", "10>3:1.0", "42>3:1.0"])
    }

    @Test func zeroBasedCompactIDsKeepTheirIndices() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("2 0\n0 1\n", in: folder)
        #expect(graph.nodeNames == ["0", "1", "2"])
        #expect(Array(graph.successors(of: 2)) == [0])
    }

    @Test func sparseLargeIDsAreNumberedInAscendingOrder() throws {
        // Ids far beyond the edge count take the hashed path instead of a direct table.
        let folder = try TemporaryFolder()
        let graph = try Self.read("900000000000 5\n5 123456789012\n", in: folder)
        #expect(graph.nodeNames == ["5", "123456789012", "900000000000"])
        #expect(Self.namedArcs(graph) == ["5>123456789012:1.0", "900000000000>5:1.0"])
    }

    @Test func oneNonIntegerIDMakesEveryIDAName() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("10 2\n2 x\n", in: folder)
        #expect(graph.nodeNames == ["10", "2", "x"])
    }

    @Test func selfLoopsAndRepeatsAreDropped() throws {
        let folder = try TemporaryFolder()
        let graph = try Self.read("0 0\n0 1 0.5\n0 1 0.25\n", in: folder)
        #expect(Self.namedArcs(graph) == ["0>1:0.5"])
    }
}

// MARK: - Errors

extension EdgeListReaderTests {
    @Test func missingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "absent.txt")
        #expect(throws: EdgeListError(path: path, line: nil, message: "no such file")) {
            try GraphFile.read(path: path, directed: true)
        }
        #expect(EdgeListError(path: path, line: nil, message: "no such file").description == "\(path): no such file")
    }

    @Test func wrongFieldCountNamesTheLine() throws {
        let (error, path) = try Self.error("# comment\n0 1\n\n1 2 0.5 9\n")
        #expect(error.line == 4)
        #expect(error.description == "\(path):4: expected 2 or 3 fields (source, target, optional weight), found 4")
        let (single, singlePath) = try Self.error("0 1\n7\n")
        #expect(
            single.description == "\(singlePath):2: expected 2 or 3 fields (source, target, optional weight), found 1")
    }

    @Test func csvLineNumbersCountTheHeader() throws {
        let (error, path) = try Self.error("a,b\n1,2\n3\n", name: "edges.csv")
        #expect(error.description == "\(path):3: expected 2 or 3 fields (source, target, optional weight), found 1")
        let (empty, emptyPath) = try Self.error("a,b\nx,,0.5\n", name: "edges.csv")
        #expect(empty.description == "\(emptyPath):2: expected a node id, found an empty field")
    }

    @Test(arguments: ["heavy", "0.5kg", "nan", "inf"])
    func nonNumericWeight(token: String) throws {
        let (error, path) = try Self.error("0 1\n1 2 \(token)\n")
        #expect(error.description == "\(path):2: expected a numeric weight, found '\(token)'")
    }

    @Test func nonNumericWeightWithNamedNodes() throws {
        let (error, path) = try Self.error("a b\nb c heavy\n", header: .absent)
        #expect(error.description == "\(path):2: expected a numeric weight, found 'heavy'")
    }

    @Test(arguments: ["0", "1.5", "-0.25", "1.0000001"])
    func weightOutsideTheUnitInterval(token: String) throws {
        let (error, path) = try Self.error("0 1 \(token)\n")
        #expect(
            error.description
                == "\(path):1: expected a weight in (0, 1] (set graph.weights to count for counts), found \(token)")
    }

    @Test func weightOfExactlyOneIsAllowed() throws {
        let folder = try TemporaryFolder()
        #expect(try Self.read("0 1 1\n1 2 1.0\n", in: folder).tieStrengths == [1, 1])
    }

    @Test(arguments: ["", "# only a comment\n", "\n\n  \n"])
    func fileWithoutEdges(contents: String) throws {
        let (error, path) = try Self.error(contents)
        #expect(error.line == nil)
        #expect(error.description == "\(path): expected edges, found none")
    }

    @Test func csvWithOnlyAHeaderHasNoEdges() throws {
        let (error, path) = try Self.error("source,target\n", name: "edges.csv")
        #expect(error.description == "\(path): expected edges, found none")
    }
}

// MARK: - Headers, unread formats, names

extension EdgeListReaderTests {
    /// `auto` takes a first line for a header only when it differs in kind from every other
    /// line, so no edge is dropped and none invented.
    @Test(arguments: [
        ("source,target\n1,2\n2,3\n", "edges.csv", ["1>2:1.0", "2>3:1.0"]),
        ("1,2\n2,3\n", "edges.csv", ["1>2:1.0", "2>3:1.0"]),
        ("FromNodeId\tToNodeId\n0\t1\n1\t2\n", "edges.txt", ["0>1:1.0", "1>2:1.0"]),
        ("a b weight\nx y 0.5\n", "edges.txt", ["x>y:0.5"]),
    ])
    func automaticHeaderReadsEveryEdge(contents: String, name: String, arcs: [String]) throws {
        let folder = try TemporaryFolder()
        #expect(Self.namedArcs(try Self.read(contents, name: name, in: folder)) == arcs)
    }

    @Test func anAmbiguousFirstLineIsRefusedNamingTheKeyToSet() throws {
        let (error, path) = try Self.error("# names\nsource target\nalice bob\n")
        #expect(
            error.description
                == "\(path):2: cannot tell whether 'source target' is a header or an edge between nodes with these "
                + "names: set graph.header (or --header) to true or false")
        let folder = try TemporaryFolder()
        #expect(
            Self.namedArcs(try Self.read("source target\nalice bob\n", in: folder, header: .present)) == [
                "alice>bob:1.0"
            ])
        #expect(Self.namedArcs(try Self.read("source target\nalice bob\n", in: folder, header: .absent)).count == 2)
    }

    @Test func headerTrueSkipsAnIntegerFirstLine() throws {
        let folder = try TemporaryFolder()
        #expect(Self.namedArcs(try Self.read("7 8\n1 2\n", in: folder, header: .present)) == ["1>2:1.0"])
    }

    /// Another graph format given as an edge list is named, with the setting that reads it.
    @Test(arguments: [
        (
            "<?xml version=\"1.0\"?>\n<graphml>\n",
            "a GraphML file, not an edge list: set graph.format to \"graphml\" or \"auto\""
        ),
        (
            "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 2 1\n",
            "a Matrix Market file, not an edge list: set graph.format to \"matrix_market\" or \"auto\""
        ),
        ("graph [\n  node [ id 1 ]\n]\n", "a GML file, not an edge list: set graph.format to \"gml\" or \"auto\""),
        ("*Vertices 2\n*Arcs\n1 2\n", "a Pajek file, not an edge list: set graph.format to \"pajek\" or \"auto\""),
        ("<?xml version=\"1.0\"?>\n<svg/>\n", "an XML file that is not GraphML, which is not read"),
    ])
    func otherGraphFormatsAreNamed(contents: String, format: String) throws {
        let (error, path) = try Self.error(contents, format: .whitespace)
        #expect(error.description == "\(path):1: \(format): \(EdgeListReader.unreadAdvice)")
    }

    @Test func aCompressedFileIsNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "edges.txt.gz")
        try Data([0x1F, 0x8B, 8, 0, 0, 0]).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: EdgeListError(
                path: path, line: 1,
                message:
                    "a gzip-compressed file, which is not read (decompress it first): \(EdgeListReader.unreadAdvice)")
        ) {
            try GraphFile.read(path: path, directed: false)
        }
    }

    /// Names reach the CSV tables: invalid UTF-8 and control characters are written out.
    @Test func nodeNamesAreValidUTF8WithoutControlCharacters() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "edges.txt")
        try Data(Array("a\u{1}b c".utf8) + [10] + Array("c d".utf8) + [0xFF, 10]).write(to: URL(fileURLWithPath: path))
        let graph = try GraphFile.read(path: path, header: .absent, directed: true)
        #expect((0..<graph.nodeCount).map { graph.name(of: NodeID($0)) } == ["a\\u{1}b", "c", "d\\x{FF}"])
    }
}
