import Foundation

/// A graph file's format (`graph.format`).
public enum GraphFileFormat: String, Sendable, Codable, CaseIterable {
    /// Told by the file's first bytes, then by its extension: GraphML, GML, Matrix Market and
    /// Pajek files name themselves; `.csv` files are CSV edge lists, anything else a
    /// whitespace edge list.
    case auto
    /// SNAP style: `source target [weight]` separated by spaces or tabs; `#` and `%` start
    /// comment lines.
    case whitespace
    /// A header row, then `source,target[,weight]`; `#` starts comment lines.
    case csv
    /// GraphML (``GraphMLReader``).
    case graphml
    /// GML (``GMLReader``).
    case gml
    /// Matrix Market coordinate format (``MatrixMarketReader``).
    case matrixMarket = "matrix_market"
    /// Pajek `.net` (``PajekReader``).
    case pajek

    /// The readers of the formats that are not edge lists; the only list of them.
    static var readers: [GraphFileFormat: any GraphFileReader.Type] {
        [
            .graphml: GraphMLReader.self,
            .gml: GMLReader.self,
            .matrixMarket: MatrixMarketReader.self,
            .pajek: PajekReader.self,
        ]
    }

    /// The format of `bytes`, read from `path`: what the first bytes say (``named(by:)``),
    /// else what the extension says, else a whitespace edge list.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> GraphFileFormat {
        if let named = named(by: bytes) { return named }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "graphml": return .graphml
        case "gml": return .gml
        case "mtx", "mm": return .matrixMarket
        case "net", "paj": return .pajek
        case "csv": return .csv
        default: return .whitespace
        }
    }

    /// The format whose opening `bytes` start with (after a byte-order mark and blank space):
    /// `%%MatrixMarket`, a `<graphml` element, GML's `graph [` or `Creator`, Pajek's
    /// `*Vertices` or `*Network`; `nil` for anything else.
    static func named(by bytes: UnsafeBufferPointer<UInt8>) -> GraphFileFormat? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
        let head = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 1024)]), as: UTF8.self)
        let lowered = head.lowercased()
        if head.hasPrefix("%%MatrixMarket") { return .matrixMarket }
        if lowered.hasPrefix("<?xml") || lowered.hasPrefix("<graphml"), lowered.contains("<graphml") { return .graphml }
        if head.hasPrefix("graph [") || head.hasPrefix("graph\n[") || head.hasPrefix("Creator ") { return .gml }
        if lowered.hasPrefix("*vertices") || lowered.hasPrefix("*network") { return .pajek }
        return nil
    }
}

/// How an edge's number becomes a tie strength (`graph.weights`).
public enum EdgeWeights: String, Sendable, Codable, CaseIterable {
    /// Tie strengths in (0, 1] (the default); a missing weight is 1.
    case strength
    /// Arc probabilities in (0, 1], stored as tie strengths: the independent cascade with
    /// `probability: "tie_strength"` then uses each arc's weight as its probability.
    case probability
    /// Positive counts (interactions between two users), mapped to
    /// `w = ln(1 + c) / ln(1 + c_max)`: the largest count gets 1, and each doubling of a count
    /// adds about the same strength; a missing weight counts 1.
    case count

    /// Why `value` is not a weight of this kind, or `nil` when it is one.
    func problem(with value: Double) -> String? {
        guard value.isFinite else { return "expected a finite weight" }
        switch self {
        case .strength, .probability:
            guard value > 0 && value <= 1 else {
                return "expected a weight in (0, 1] (set graph.weights to count for counts)"
            }
            // Tie strengths are stored as Float: a weight below its smallest normal value
            // would round to (nearly) zero and break the normalisations that divide by it.
            guard Float(value) >= .leastNormalMagnitude else {
                return "expected a weight of at least \(Float.leastNormalMagnitude)"
            }
            return nil
        case .count:
            guard value > 0 && value <= Double(Float.greatestFiniteMagnitude) else { return "expected a count > 0" }
            guard Float(value) >= .leastNormalMagnitude else {
                return "expected a count of at least \(Float.leastNormalMagnitude)"
            }
            return nil
        }
    }

    /// The tie strengths of `values`, each already free of ``problem(with:)``.
    func strengths(_ values: [Float]) -> [Float] {
        guard self == .count else { return values }
        let largest = log1p(Double(values.max() ?? 1))
        return values.map { max(.leastNormalMagnitude, Float(log1p(Double($0)) / largest)) }
    }
}

/// What a graph file holds, before it is a ``Graph``: its nodes by name and its edges.
struct GraphFileContents {
    /// One edge as the file gives it.
    struct Edge {
        var tail: Int32
        var head: Int32
        /// The edge's number, `nil` when the file gives none.
        var weight: Double?
        /// Whether it is one-way (an arc).
        var isDirected: Bool
        /// Where the file gives it (1-based), for error messages.
        var line: Int
    }

    /// The nodes' names, in file order; a reader whose users are `0…n−1` leaves them out
    /// and sets ``unnamedCount`` (the graph then names node `i` by `i`).
    var names: [String] = []
    /// The number of users of a file that names them by number only (Matrix Market).
    var unnamedCount: Int?
    /// Where each name is in ``names``.
    private var index: [String: Int32] = [:]
    var edges: [Edge] = []
    /// Whether the file calls its graph directed when it has no edges to tell.
    var declaresDirected = false

    /// The node named `name`, added at the end if it is new.
    mutating func node(_ name: String) -> Int32 {
        if let known = index[name] { return known }
        let fresh = Int32(names.count)
        index[name] = fresh
        names.append(name)
        return fresh
    }

    /// The node named `name`, if the file has declared it.
    func existingNode(_ name: String) -> Int32? { index[name] }

    /// How many users the file has.
    var nodeCount: Int { unnamedCount ?? names.count }

    /// The most users a file of `bytes` bytes may declare: 16 a byte, and a million more. A
    /// few bytes declaring billions of users would otherwise ask for gigabytes.
    static func largestDeclaredCount(forBytes bytes: Int) -> Int {
        min(GraphSettings.maximumNodes, 16 * bytes + (1 << 20))
    }

    /// Whether the graph is directed as the file says: any edge one-way, or the declaration.
    var isDirected: Bool { edges.isEmpty ? declaresDirected : edges.contains(where: \.isDirected) }
}

/// Reads one graph file format into ``GraphFileContents``; each format is one conforming type,
/// listed in ``GraphFileFormat/readers``.
protocol GraphFileReader {
    /// The contents of the file `bytes`, read from `path` (which errors name).
    ///
    /// - Throws: ``EdgeListError`` naming `path` and the line.
    static func contents(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> GraphFileContents
}

/// Reads a graph file of any ``GraphFileFormat`` into a ``Graph``.
public enum GraphFile {
    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - directed: `nil` to take the file's own word (GraphML's `edgedefault` and per-edge
    ///     `directed`, GML's `directed`, Matrix Market's `general` against `symmetric`,
    ///     Pajek's `*Arcs` against `*Edges`; edge lists are undirected); `false` reads every
    ///     arc as an edge; `true` keeps the arcs and reads every edge as two arcs.
    ///   - header: whether an edge list's first line is a header (other formats ignore it).
    /// - Throws: ``EdgeListError`` naming the file and line.
    public static func read(
        path: String, format: GraphFileFormat = .auto, header: EdgeListHeader = .auto, directed: Bool? = nil,
        weights: EdgeWeights = .strength
    ) throws -> Graph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw EdgeListError(path: path, line: nil, message: exists ? "cannot be read" : "no such file")
        }
        return try read(data, path: path, format: format, header: header, directed: directed, weights: weights)
    }

    /// Reads the file text `data` as if from `path` (which names the file in errors and, for
    /// `format: auto`, gives the extension); the other parameters as for
    /// ``read(path:format:header:directed:weights:)``.
    ///
    /// - Throws: ``EdgeListError`` naming `path` and the line.
    public static func read(
        _ data: Data, path: String, format: GraphFileFormat = .auto, header: EdgeListHeader = .auto,
        directed: Bool? = nil, weights: EdgeWeights = .strength
    ) throws -> Graph {
        let chosen =
            format == .auto
            ? data.withUnsafeBytes { GraphFileFormat.detect($0.bindMemory(to: UInt8.self), path: path) } : format
        guard let reader = GraphFileFormat.readers[chosen] else {
            return try EdgeListReader.read(
                data, path: path, format: chosen, header: header, directed: directed ?? false, weights: weights)
        }
        let contents = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Names from invalid bytes would merge when decoded; these formats are UTF-8 text.
            if let invalid = TextSafety.firstInvalidUTF8Byte(in: bytes) {
                throw EdgeListError(
                    path: path, line: TextLines.line(at: invalid, in: bytes),
                    message:
                        "expected UTF-8 text, found the byte \\x{\(String(bytes[invalid], radix: 16, uppercase: true))}"
                )
            }
            return try reader.contents(of: bytes, path: path)
        }
        return try build(contents, path: path, directed: directed ?? contents.isDirected, weights: weights)
    }

    /// The graph of `contents`: directed or not as asked, weights checked and mapped.
    static func build(_ contents: GraphFileContents, path: String, directed: Bool, weights: EdgeWeights) throws
        -> Graph
    {
        guard contents.nodeCount > 0 else {
            throw EdgeListError(path: path, line: nil, message: "expected nodes, found none")
        }
        guard contents.nodeCount <= GraphSettings.maximumNodes else {
            throw EdgeListError(path: path, line: nil, message: "more than \(GraphSettings.maximumNodes) nodes")
        }
        var values: [Float] = []
        values.reserveCapacity(contents.edges.count)
        for edge in contents.edges {
            let value = edge.weight ?? 1
            if let problem = weights.problem(with: value) {
                throw EdgeListError(path: path, line: edge.line, message: "\(problem), found \(value)")
            }
            values.append(Float(value))
        }
        let strengths = weights.strengths(values)
        var builder = GraphBuilder(nodeCount: contents.nodeCount, directed: directed, expectedEdges: values.count)
        for (edge, strength) in zip(contents.edges, strengths) {
            builder.addEdge(from: edge.tail, to: edge.head, strength: strength)
            if directed && !edge.isDirected { builder.addEdge(from: edge.head, to: edge.tail, strength: strength) }
        }
        return builder.build(
            nodeNames: contents.unnamedCount == nil ? contents.names.map(TextSafety.escapingControlCharacters) : nil)
    }
}
