import Foundation
import Testing

@testable import Contagion

/// GraphML, GML, Matrix Market and Pajek files, written by networkx 3 (`write_graphml`,
/// `write_gml`, `write_pajek`, scipy's `mmwrite` of `to_scipy_sparse_array`), each read
/// against the SNAP reading of the same graph (`write_weighted_edgelist`).
@Suite struct GraphFileTests {
    /// The undirected weighted graph 0–1 (0.5), 0–2 (1), 1–2 (0.25), 2–3 (0.75), 3–4 (0.5).
    static let undirected: [String: String] = [
        "snap.txt": "0 1 0.5\n0 2 1.0\n1 2 0.25\n2 3 0.75\n3 4 0.5\n",
        "g.graphml": """
        <?xml version='1.0' encoding='utf-8'?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="d0" for="edge" attr.name="weight" attr.type="double" />
          <graph edgedefault="undirected">
            <node id="0" />
            <node id="1" />
            <node id="2" />
            <node id="3" />
            <node id="4" />
            <edge source="0" target="1">
              <data key="d0">0.5</data>
            </edge>
            <edge source="0" target="2">
              <data key="d0">1.0</data>
            </edge>
            <edge source="1" target="2">
              <data key="d0">0.25</data>
            </edge>
            <edge source="2" target="3">
              <data key="d0">0.75</data>
            </edge>
            <edge source="3" target="4">
              <data key="d0">0.5</data>
            </edge>
          </graph>
        </graphml>
        """,
        "g.gml": """
        graph [
          node [
            id 0
            label "0"
          ]
          node [
            id 1
            label "1"
          ]
          node [
            id 2
            label "2"
          ]
          node [
            id 3
            label "3"
          ]
          node [
            id 4
            label "4"
          ]
          edge [
            source 0
            target 1
            weight 0.5
          ]
          edge [
            source 0
            target 2
            weight 1.0
          ]
          edge [
            source 1
            target 2
            weight 0.25
          ]
          edge [
            source 2
            target 3
            weight 0.75
          ]
          edge [
            source 3
            target 4
            weight 0.5
          ]
        ]
        """,
        "g.net": """
        *vertices 5
        1 0 0.0 0.0 ellipse
        2 1 0.0 0.0 ellipse
        3 2 0.0 0.0 ellipse
        4 3 0.0 0.0 ellipse
        5 4 0.0 0.0 ellipse
        *edges
        1 2 0.5
        1 3 1.0
        2 3 0.25
        3 4 0.75
        4 5 0.5
        """,
        "g.mtx": """
        %%MatrixMarket matrix coordinate real symmetric
        %
        5 5 5
        2 1 5E-1
        3 1 1
        3 2 2.5E-1
        4 3 7.5E-1
        5 4 5E-1
        """,
    ]

    /// The directed graph 0→1 (0.5), 1→0 (0.25), 1→2 (1), 3→2 (0.75), 4→3 (0.5).
    static let directed: [String: String] = [
        "snap.txt": "0 1 0.5\n1 0 0.25\n1 2 1.0\n3 2 0.75\n4 3 0.5\n",
        "g.graphml": """
        <?xml version='1.0' encoding='utf-8'?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="edge" attr.name="weight" attr.type="double" />
          <graph edgedefault="directed">
            <node id="0" /><node id="1" /><node id="2" /><node id="3" /><node id="4" />
            <edge source="0" target="1"><data key="d0">0.5</data></edge>
            <edge source="1" target="0"><data key="d0">0.25</data></edge>
            <edge source="1" target="2"><data key="d0">1.0</data></edge>
            <edge source="3" target="2"><data key="d0">0.75</data></edge>
            <edge source="4" target="3"><data key="d0">0.5</data></edge>
          </graph>
        </graphml>
        """,
        "g.gml": """
        graph [
          directed 1
          node [ id 0 label "0" ]
          node [ id 1 label "1" ]
          node [ id 2 label "2" ]
          node [ id 3 label "3" ]
          node [ id 4 label "4" ]
          edge [ source 0 target 1 weight 0.5 ]
          edge [ source 1 target 0 weight 0.25 ]
          edge [ source 1 target 2 weight 1.0 ]
          edge [ source 3 target 2 weight 0.75 ]
          edge [ source 4 target 3 weight 0.5 ]
        ]
        """,
        "g.net": """
        *vertices 5
        1 0 0.0 0.0 ellipse
        2 1 0.0 0.0 ellipse
        3 2 0.0 0.0 ellipse
        4 3 0.0 0.0 ellipse
        5 4 0.0 0.0 ellipse
        *arcs
        1 2 0.5
        2 1 0.25
        2 3 1.0
        4 3 0.75
        5 4 0.5
        """,
        "g.mtx": """
        %%MatrixMarket matrix coordinate real general
        %
        5 5 5
        1 2 5E-1
        2 1 2.5E-1
        2 3 1
        4 3 7.5E-1
        5 4 5E-1
        """,
    ]

    /// Every arc as `name>name:strength`, sorted.
    static func arcs(_ graph: Graph) -> [String] {
        (0..<graph.nodeCount).flatMap { u in
            (graph.offsets[u]..<graph.offsets[u + 1]).map { arc in
                "\(graph.name(of: NodeID(u)))>\(graph.name(of: graph.targets[arc])):\(graph.tieStrengths[arc])"
            }
        }.sorted()
    }
}

// MARK: - Each format against SNAP

extension GraphFileTests {
    /// Each format gives the SNAP reading's users, arcs and tie strengths, directed as the
    /// file says.
    @Test(arguments: [false, true])
    func everyFormatReadsTheSNAPGraph(isDirected: Bool) throws {
        let files = isDirected ? Self.directed : Self.undirected
        let folder = try TemporaryFolder()
        let snap = try GraphFile.read(path: folder.write("snap.txt", files["snap.txt"] ?? ""), directed: isDirected)
        for (name, text) in files where name != "snap.txt" {
            let graph = try GraphFile.read(path: folder.write(name, text + "\n"))
            #expect(graph.isDirected == isDirected, "\(name)")
            #expect(graph.nodeCount == snap.nodeCount && graph.arcCount == snap.arcCount, "\(name)")
            #expect(Self.arcs(graph) == Self.arcs(snap), "\(name)")
        }
    }

    /// The format is told by the first bytes, whatever the extension; an explicit format
    /// reads the same; the extension decides for text that does not name itself.
    @Test func theFormatIsToldByTheFileItself() throws {
        let folder = try TemporaryFolder()
        let snap = Self.arcs(try GraphFile.read(path: folder.write("snap.txt", Self.undirected["snap.txt"] ?? "")))
        for (name, format) in [
            ("g.graphml", GraphFileFormat.graphml), ("g.gml", .gml), ("g.net", .pajek), ("g.mtx", .matrixMarket),
        ] {
            let text = (Self.undirected[name] ?? "") + "\n"
            #expect(Self.arcs(try GraphFile.read(path: folder.write("renamed-\(format).txt", text))) == snap)
            #expect(Self.arcs(try GraphFile.read(path: folder.write("x-\(name)", text), format: format)) == snap)
        }
        let listed = try GraphFile.read(path: folder.write("g.csv", "source,target\n0,1\n1,2\n"))
        #expect(listed.arcCount == 4)
    }

    /// `directed: false` makes a directed file's arcs edges; `directed: true` keeps arcs and
    /// doubles an undirected file's edges.
    @Test func theScenarioCanOverrideTheFilesDirection() throws {
        let folder = try TemporaryFolder()
        let directedText = (Self.directed["g.gml"] ?? "") + "\n"
        let asEdges = try GraphFile.read(path: folder.write("d.gml", directedText), directed: false)
        #expect(!asEdges.isDirected && asEdges.arcCount == 8)
        let undirectedText = (Self.undirected["g.graphml"] ?? "") + "\n"
        let asArcs = try GraphFile.read(path: folder.write("u.graphml", undirectedText), directed: true)
        #expect(asArcs.isDirected && asArcs.arcCount == 10)
        #expect(Self.arcs(asArcs) == Self.arcs(try GraphFile.read(path: folder.write("u2.graphml", undirectedText))))
    }

    /// Named users (spaces, non-ASCII, entities) keep their names in GraphML, GML and Pajek;
    /// weights that are counts are refused as strengths and mapped by `weights: count`.
    @Test func namesAndCountsAsNetworkxWritesThem() throws {
        let files = [
            "n.graphml": """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="edge" attr.name="weight" attr.type="long" />
              <graph edgedefault="directed">
                <node id="Zoë &amp; co" />
                <node id="bob" />
                <node id="carol dean" />
                <edge source="Zoë &amp; co" target="bob">
                  <data key="d0">3</data>
                </edge>
                <edge source="bob" target="carol dean">
                  <data key="d0">12</data>
                </edge>
                <edge source="carol dean" target="Zoë &amp; co">
                  <data key="d0">1</data>
                </edge>
              </graph>
            </graphml>
            """,
            "n.gml": """
            graph [
              directed 1
              node [
                id 0
                label "Zo&#235; &#38; co"
              ]
              node [ id 1 label "bob" ]
              node [ id 2 label "carol dean" ]
              edge [ source 0 target 1 weight 3 ]
              edge [ source 1 target 2 weight 12 ]
              edge [ source 2 target 0 weight 1 ]
            ]
            """,
            "n.net": """
            *vertices 3
            1 "Zoë & co" 0.0 0.0 ellipse
            2 bob 0.0 0.0 ellipse
            3 "carol dean" 0.0 0.0 ellipse
            *arcs
            1 2 3
            2 3 12
            3 1 1
            """,
        ]
        let folder = try TemporaryFolder()
        let ln13 = log1p(12.0)
        let expected = [
            "Zoë & co>bob:\(Float(log1p(3.0) / ln13))", "bob>carol dean:1.0",
            "carol dean>Zoë & co:\(Float(log1p(1.0) / ln13))",
        ].sorted()
        for (name, text) in files {
            let path = try folder.write(name, text + "\n")
            let error = #expect(throws: EdgeListError.self) { try GraphFile.read(path: path) }
            #expect(
                error?.message.hasPrefix("expected a weight in (0, 1] (set graph.weights to count for counts)") == true,
                "\(name)")
            let graph = try GraphFile.read(path: path, weights: .count)
            #expect(Self.arcs(graph) == expected, "\(name)")
        }
    }

    /// Counts in an edge list map the same way; strengths and probabilities keep their values.
    @Test func edgeListCountsMapToStrengths() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("counts.txt", "0 1 1\n1 2 7\n2 0 3\n")
        #expect(throws: EdgeListError.self) { try GraphFile.read(path: path, directed: true) }
        let graph = try GraphFile.read(path: path, directed: true, weights: .count)
        let strengths = Self.arcs(graph)
        #expect(
            strengths == ["0>1:\(Float(log1p(1.0) / log1p(7.0)))", "1>2:1.0", "2>0:\(Float(log1p(3.0) / log1p(7.0)))"])
        let probabilities = try GraphFile.read(
            path: folder.write("p.txt", "0 1 0.2\n"), directed: true, weights: .probability)
        #expect(Self.arcs(probabilities) == ["0>1:0.2"])
    }
}

// MARK: - Bad files

extension GraphFileTests {
    /// Every malformed file is one error naming the file and, where there is one, the line.
    @Test(arguments: [
        (
            "bad.graphml", "<graphml><graph edgedefault=\"directed\">\n<edge source=\"a\"/>\n</graph></graphml>", 2,
            "expected an edge with a source and a target"
        ),
        ("bad.graphml", "<graphml><graph>\n<graph></graph></graph></graphml>", 2, "nested graphs are not read"),
        (
            "bad.graphml", "<graphml><graph>\n<hyperedge/></graph></graphml>", 2,
            "GraphML hyperedge elements are not read"
        ),
        (
            "bad.graphml",
            "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>",
            2, "expected a numeric weight, found 'heavy'"
        ),
        ("bad.graphml", "<graphml><graph>\n<node id=\"a\"", 2, "expected '>' to end what starts here"),
        (
            "bad.gml", "graph [\n  node [ id 0 ]\n  edge [ source 0 target 9 ]\n]", 3,
            "expected an edge between declared node ids, found 0 → 9"
        ),
        ("bad.gml", "graph [\n  node [ label \"a\" ]\n]", 2, "expected a node with an id"),
        ("bad.gml", "graph [\n  node [ id 0 ]\n  node [ id 0 ]\n]", 3, "expected distinct node ids, found 0 twice"),
        ("bad.gml", "graph [\n  node [ id 0 \n", 2, "expected ']' to close this list"),
        (
            "bad.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n1\n", 1,
            "expected a coordinate matrix, found matrix array"
        ),
        (
            "bad.mtx", "%%MatrixMarket matrix coordinate complex general\n2 2 1\n1 2 1 0\n", 1,
            "expected the field real, integer or pattern, found complex"
        ),
        (
            "bad.mtx", "%%MatrixMarket matrix coordinate real general\n2 3 1\n1 2 1\n", 2,
            "expected a square adjacency matrix, found 2 × 3"
        ),
        (
            "bad.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 3 1\n", 3,
            "expected 'row column value' with indices in 1…2"
        ),
        (
            "bad.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 2 1\n2 1 1\n", 4,
            "expected 1 entries, found more"
        ),
        ("bad.net", "*Vertices 2\n*Arcs\n1 3\n", 3, "expected a vertex number in 1…2, found '3'"),
        ("bad.net", "*Vertices 2\n*Matrix\n0 1\n1 0\n", 2, "Pajek *Matrix sections are not read"),
        ("bad.net", "1 2\n", 1, "expected '*Vertices n' first, found '1'"),
        ("bad.net", "*Vertices 2\n*Arcs\n1 2 heavy\n", 3, "expected a numeric weight, found 'heavy'"),
        ("bad.net", "*Edges\n1 2\n", 1, "expected '*Vertices n' before *Edges"),
        ("bad.net", "*Vertices 3\n*Edges\n1 3\n*Vertices 1\n", 4, "expected one '*Vertices' section, found another"),
        ("bad.net", "*Vertices 0\n*Edges\n1 2\n", 3, "expected a vertex number in 1…0, found '1'"),
        ("huge.net", "*Vertices 2000000000\n", 1, "expected '*Vertices n' with n in 0…1048912 for a file of this size"),
        (
            "huge.mtx", "%%MatrixMarket matrix coordinate pattern general\n2000000000 2000000000 0\n", 2,
            "expected at most 1049744 rows for a file of 73 bytes, found 2000000000"
        ),
        ("tiny.txt", "0 1 1e-50\n", 1, "expected a count of at least 1.1754944e-38, found 1e-50"),
    ])
    func malformedFilesAreErrorsAtTheirLine(name: String, text: String, line: Int, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, text)
        let weights: EdgeWeights = name == "tiny.txt" ? .count : .strength
        #expect(throws: EdgeListError(path: path, line: line, message: message)) {
            try GraphFile.read(path: path, weights: weights)
        }
    }

    /// Names that differ only in bytes that are not UTF-8 would merge once decoded: such a
    /// file is refused at the line of the first bad byte.
    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "bad.graphml")
        var bytes = Array("<graphml><graph>\n<node id=\"a".utf8)
        bytes += [0xFF]
        bytes += Array("\"/></graph></graphml>\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: EdgeListError(path: path, line: 2, message: "expected UTF-8 text, found the byte \\x{FF}")) {
            try GraphFile.read(path: path)
        }
    }

    /// Whole-file errors name the file: a cut-off file, an entry count short of the size line,
    /// a file without nodes, two vertices with one label.
    @Test(arguments: [
        (
            "cut.graphml", "<graphml><graph><edge source=\"a\" target=\"b\">",
            "ends inside an element (a cut-off GraphML file?)"
        ),
        ("cut.gml", "graph [\n node [ id 0 ]\n", "ends inside 'graph [ … ]' (a cut-off GML file?)"),
        ("short.mtx", "%%MatrixMarket matrix coordinate pattern general\n3 3 2\n1 2\n", "expected 2 entries, found 1"),
        ("empty.graphml", "<graphml><graph></graph></graphml>", "expected nodes, found none"),
        ("twins.net", "*Vertices 2\n1 a\n2 a\n", "two vertices are labelled 'a'"),
    ])
    func wholeFileErrorsNameTheFile(name: String, text: String, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, text)
        #expect(throws: EdgeListError(path: path, line: nil, message: message)) { try GraphFile.read(path: path) }
    }

    /// A GraphML file given as an edge list is named with the setting that reads it.
    @Test func aFormatReadAsAnEdgeListIsNamed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.txt", (Self.undirected["g.graphml"] ?? "") + "\n")
        #expect(
            throws: EdgeListError(
                path: path, line: 1,
                message:
                    "a GraphML file, not an edge list: set graph.format to \"graphml\" or \"auto\": \(EdgeListReader.unreadAdvice)"
            )
        ) { try GraphFile.read(path: path, format: .whitespace) }
    }

    /// Through a scenario: `graph: { type: "file", path: "g.net" }` runs, a Matrix Market file
    /// keeps its isolated users, and `weights` takes only its three names.
    @Test func aScenarioReadsEveryFormat() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("g.net", (Self.undirected["g.net"] ?? "") + "\n")
        _ = try folder.write("iso.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n6 6 2\n2 1\n3 2\n")
        for (file, users) in [("g.net", 5), ("iso.mtx", 6)] {
            let scenario = try ScenarioLoader.load(
                path: folder.write(
                    "s.json",
                    #"{ graph: { type: "file", path: "\#(file)" }, budget: 1, policies: [{ type: "degree" }] }"#))
            #expect(try scenario.makeWorld(baseDirectory: folder.path).graph.nodeCount == users)
        }
        let path = try folder.write("bad.json", #"{ graph: { type: "file", path: "g.net", weights: "votes" } }"#)
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        #expect(
            error?.description == "\(path): graph.weights: expected one of: strength, probability, count, got 'votes'")
    }
}
