import Foundation

/// Whether an edge list's first data line names its columns (`graph.header`).
public enum EdgeListHeader: Sendable, Equatable, Codable {
    /// The first line is a header (`true`).
    case present
    /// Every line is an edge (`false`).
    case absent
    /// Decided from the file (`"auto"`): a header when the first line differs in kind from
    /// every other (names or words over integer ids, a word over numeric weights), no header
    /// when its ids are integers; a file where both readings fit is refused, naming the line.
    case auto

    /// Reads `true`, `false` or `auto` (the command line's `--header`).
    public init?(_ text: String) {
        switch text {
        case "true": self = .present
        case "false": self = .absent
        case "auto": self = .auto
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = value ? .present : .absent
        } else if (try? container.decode(String.self)) == "auto" {
            self = .auto
        } else {
            throw ScenarioError(at: decoder.codingPath, "expected true, false or \"auto\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .present: try container.encode(true)
        case .absent: try container.encode(false)
        case .auto: try container.encode("auto")
        }
    }
}

/// A malformed or unreadable graph file: `file:line: what was expected, what was found`.
public struct EdgeListError: InputError, Equatable {
    /// The file's path.
    public var path: String
    /// The 1-based line number, or `nil` for errors about the whole file.
    public var line: Int?
    /// What was expected and what was found.
    public var message: String

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// Reads edge lists into a ``Graph``.
///
/// Node names are the file's tokens. When every token is an integer, nodes are numbered in
/// ascending numeric order (a file with ids `0..<n` keeps them); otherwise in order of first
/// appearance. Without a weight column every tie strength is 1; a weight is read as
/// ``EdgeWeights`` says (a strength or probability in (0, 1], or a positive count).
///
/// - Complexity: O(bytes + arcs·log(max degree)); the file is memory-mapped and parsed in
///   place. Peak memory is about four times the finished graph's (measured on 10M arcs).
public enum EdgeListReader {
    /// Reads the edge-list text `data` as if from `path` (which names the file in errors and,
    /// for `format: auto`, says whether it is CSV); ``GraphFile/read(path:format:header:directed:weights:)``
    /// reads a file of any format.
    ///
    /// - Throws: ``EdgeListError`` naming `path` and the line, also for a file of another
    ///   format (``UnreadFormat``).
    static func read(
        _ data: Data, path: String, format: GraphFileFormat = .auto, header: EdgeListHeader = .auto, directed: Bool,
        weights: EdgeWeights = .strength
    ) throws -> Graph {
        let isCSV = format == .csv || (format == .auto && path.lowercased().hasSuffix(".csv"))
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let format = UnreadFormat(bytes) {
                throw EdgeListError(path: path, line: 1, message: "\(format.description): \(unreadAdvice)")
            }
            var parser = Parser(
                path: path, bytes: bytes, isCSV: isCSV, weights: weights, skipsFirstLine: header == .present)
            if header == .auto, let graph = try parser.readDecidingHeader(directed: directed) { return graph }
            if let graph = try parser.readIntegerIDs(directed: directed) { return graph }
            return try parser.readNamedIDs(directed: directed)
        }
    }

    static let unreadAdvice =
        "contagion reads edge lists (SNAP whitespace or CSV), GraphML, GML, Matrix Market and Pajek files"

    /// The line-by-line tokenizer, shared by the integer and named passes.
    private struct Parser {
        let path: String
        let bytes: UnsafeBufferPointer<UInt8>
        let isCSV: Bool
        /// How the weight column is read.
        let weights: EdgeWeights
        /// Whether the first data line is a header.
        var skipsFirstLine: Bool

        /// Calls `body(lineNumber, fields)` for every data line, with the fields as byte ranges.
        func forEachLine(_ body: (Int, [Range<Int>]) throws -> Bool) throws {
            // Skip a UTF-8 byte-order mark.
            var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var lineNumber = 0
            var fields: [Range<Int>] = []
            var sawHeader = !skipsFirstLine
            while position < bytes.count {
                lineNumber += 1
                var end = position
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let lineEnd = end > position && bytes[end - 1] == 13 ? end - 1 : end
                defer { position = end + 1 }
                var start = position
                while start < lineEnd && (bytes[start] == 32 || bytes[start] == 9) { start += 1 }
                if start == lineEnd || bytes[start] == UInt8(ascii: "#")
                    || (!isCSV && bytes[start] == UInt8(ascii: "%"))
                {
                    continue
                }
                if !sawHeader {
                    sawHeader = true
                    continue
                }
                fields.removeAll(keepingCapacity: true)
                var cursor = start
                while cursor <= lineEnd {
                    if isCSV {
                        var fieldEnd = cursor
                        while fieldEnd < lineEnd && bytes[fieldEnd] != UInt8(ascii: ",") { fieldEnd += 1 }
                        fields.append(trimmed(cursor..<fieldEnd))
                        cursor = fieldEnd + 1
                    } else {
                        while cursor < lineEnd && (bytes[cursor] == 32 || bytes[cursor] == 9) { cursor += 1 }
                        if cursor == lineEnd { break }
                        var fieldEnd = cursor
                        while fieldEnd < lineEnd && bytes[fieldEnd] != 32 && bytes[fieldEnd] != 9 { fieldEnd += 1 }
                        fields.append(cursor..<fieldEnd)
                        cursor = fieldEnd
                    }
                }
                guard fields.count == 2 || fields.count == 3 else {
                    throw error(
                        lineNumber, "expected 2 or 3 fields (source, target, optional weight), found \(fields.count)")
                }
                for field in fields.prefix(2) where field.isEmpty {
                    throw error(lineNumber, "expected a node id, found an empty field")
                }
                if try !body(lineNumber, fields) { return }
            }
        }

        /// Strips spaces and one pair of surrounding double quotes from a CSV field.
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var low = range.lowerBound
            var high = range.upperBound
            while low < high && bytes[low] == 32 { low += 1 }
            while high > low && bytes[high - 1] == 32 { high -= 1 }
            if high - low >= 2 && bytes[low] == 34 && bytes[high - 1] == 34 { return (low + 1)..<(high - 1) }
            return low..<high
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func error(_ line: Int, _ message: String) -> EdgeListError {
            EdgeListError(path: path, line: line, message: message)
        }

        /// The token as a non-negative integer, or `nil`. A leading zero (`07`) makes it a
        /// name, so that `07` and `7` stay two nodes whichever pass reads the file.
        func integer(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            guard !range.isEmpty, range.count <= 18, range.count == 1 || bytes[range.lowerBound] != 48 else {
                return nil
            }
            for index in range {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }

        func weight(_ fields: [Range<Int>], line: Int) throws -> Float {
            guard fields.count == 3 else { return 1 }
            let token = text(fields[2])
            guard let value = Double(token), value.isFinite else {
                throw error(line, "expected a numeric weight, found '\(token)'")
            }
            if let problem = weights.problem(with: value) { throw error(line, "\(problem), found \(token)") }
            return Float(value)
        }

        /// `header: auto`: looks at the first data line. Its ids integers and its weight a
        /// number: no header, and `nil` (the passes read it as an edge). A weight that is no
        /// number: a header. Otherwise the rest of the file decides: integer ids throughout make
        /// the line a header (the graph read with it skipped is returned); names elsewhere too
        /// leave both readings possible, which is an error naming the line.
        mutating func readDecidingHeader(directed: Bool) throws -> Graph? {
            var first: (line: Int, fields: [Range<Int>])?
            try forEachLine { line, fields in
                first = (line, fields)
                return false
            }
            guard let first else { return nil }
            let weightIsNumber = first.fields.count < 3 || Double(text(first.fields[2])) != nil
            if weightIsNumber && integer(first.fields[0]) != nil && integer(first.fields[1]) != nil { return nil }
            skipsFirstLine = true
            if !weightIsNumber { return nil }
            if let graph = try readIntegerIDs(directed: directed) { return graph }
            let shown = first.fields.map { TextSafety.printable(UnsafeBufferPointer(rebasing: bytes[$0])) }
            throw error(
                first.line,
                "cannot tell whether '\(shown.joined(separator: " "))' is a header or an edge between nodes with "
                    + "these names: set graph.header (or --header) to true or false")
        }

        /// The fast pass: every id a non-negative integer. Returns `nil` at the first other id.
        mutating func readIntegerIDs(directed: Bool) throws -> Graph? {
            var tails: [Int64] = []
            var heads: [Int64] = []
            var weights: [Float] = []
            var allIntegers = true
            try forEachLine { line, fields in
                guard let tail = integer(fields[0]), let head = integer(fields[1]) else {
                    allIntegers = false
                    return false
                }
                tails.append(tail)
                heads.append(head)
                weights.append(try weight(fields, line: line))
                return true
            }
            guard allIntegers else { return nil }
            guard !tails.isEmpty else {
                throw EdgeListError(path: path, line: nil, message: "expected edges, found none")
            }
            // Dense ids in ascending numeric order; a direct table when ids are compact.
            let largest = max(tails.reduce(Int64.min, max), heads.reduce(Int64.min, max))
            var names: [String] = []
            var dense: (Int64) -> NodeID
            if largest < Int64(4 * tails.count + (1 << 20)) {
                var table = [Int32](repeating: -1, count: Int(largest) + 1)
                for id in tails { table[Int(id)] = 0 }
                for id in heads { table[Int(id)] = 0 }
                for id in table.indices where table[id] == 0 {
                    table[id] = Int32(names.count)
                    names.append(String(id))
                }
                dense = { table[Int($0)] }
            } else {
                let sorted = Array(Set(tails).union(heads)).sorted()
                var index = [Int64: Int32](minimumCapacity: sorted.count)
                for (position, id) in sorted.enumerated() { index[id] = Int32(position) }
                names = sorted.map { String($0) }
                dense = { id in
                    guard let position = index[id] else { preconditionFailure("every id was indexed") }
                    return position
                }
            }
            weights = self.weights.strengths(weights)
            var builder = GraphBuilder(nodeCount: names.count, directed: directed, expectedEdges: tails.count)
            for edge in tails.indices {
                builder.addEdge(from: dense(tails[edge]), to: dense(heads[edge]), strength: weights[edge])
            }
            return builder.build(nodeNames: names)
        }

        /// The general pass: ids are arbitrary tokens, numbered by first appearance.
        mutating func readNamedIDs(directed: Bool) throws -> Graph {
            var index: [String: Int32] = [:]
            var names: [String] = []
            var edges: [(NodeID, NodeID, Float)] = []
            func id(_ range: Range<Int>) -> NodeID {
                // Names reach the CSV tables: valid UTF-8, control characters escaped.
                let name = TextSafety.printable(UnsafeBufferPointer(rebasing: bytes[range]))
                if let known = index[name] { return known }
                let fresh = Int32(names.count)
                index[name] = fresh
                names.append(name)
                return fresh
            }
            try forEachLine { line, fields in
                edges.append((id(fields[0]), id(fields[1]), try weight(fields, line: line)))
                return true
            }
            guard !edges.isEmpty else {
                throw EdgeListError(path: path, line: nil, message: "expected edges, found none")
            }
            let strengths = weights.strengths(edges.map(\.2))
            var builder = GraphBuilder(nodeCount: names.count, directed: directed, expectedEdges: edges.count)
            for ((tail, head, _), strength) in zip(edges, strengths) {
                builder.addEdge(from: tail, to: head, strength: strength)
            }
            return builder.build(nodeNames: names)
        }
    }
}
