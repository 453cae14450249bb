import Foundation

/// GML (Himsolt's Graph Modelling Language), as networkx's `write_gml` and igraph write it.
///
/// The file is `key value` pairs, a value a number, a `"string"` or a `[ … ]` list. The top
/// `graph [ … ]` list holds `directed 0|1` (default 0), `node [ id … label "…" ]` lists and
/// `edge [ source … target … weight … ]` lists (`value` stands in for a missing `weight`).
/// A node is named by its label, else by its id; edges name nodes by id. Other keys and nested
/// lists (`graphics [ … ]`) are skipped, `#` starts a comment line, and `&`-entities in
/// strings are decoded as networkx writes them.
enum GMLReader: GraphFileReader {
    /// One lexical token and the line it is on.
    private struct Token {
        enum Kind: Equatable {
            case open, close
            case string(String)
            case word(String)
        }

        var kind: Kind
        var line: Int
    }

    static func contents(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> GraphFileContents {
        let tokens = try tokenize(bytes, path: path)
        func fail(_ line: Int?, _ message: String) -> EdgeListError {
            EdgeListError(path: path, line: line, message: message)
        }
        var position = 0
        // Finds the top-level `graph [`.
        while position + 1 < tokens.count
            && !(tokens[position].kind == .word("graph") && tokens[position + 1].kind == .open)
        {
            if tokens[position].kind == .open { throw fail(tokens[position].line, "expected 'graph [' first") }
            position += 1
        }
        guard position + 1 < tokens.count else { throw fail(nil, "expected 'graph [ … ]'") }
        position += 2
        var contents = GraphFileContents()
        var ids: [String: Int32] = [:]
        var pendingEdges: [(source: String, target: String, weight: Double?, line: Int)] = []
        while position < tokens.count && tokens[position].kind != .close {
            guard case .word(let key) = tokens[position].kind, position + 1 < tokens.count else {
                throw fail(tokens[position].line, "expected a key")
            }
            let line = tokens[position].line
            position += 1
            switch (key, tokens[position].kind) {
            case ("node", .open), ("edge", .open):
                let fields = try list(tokens, from: &position, path: path)
                if key == "node" {
                    guard let id = fields["id"] else { throw fail(line, "expected a node with an id") }
                    guard ids[id] == nil else { throw fail(line, "expected distinct node ids, found \(id) twice") }
                    let name = fields["label"] ?? id
                    guard contents.existingNode(name) == nil else {
                        throw fail(line, "expected distinct node labels, found '\(name)' twice")
                    }
                    ids[id] = contents.node(name)
                } else {
                    guard let source = fields["source"], let target = fields["target"] else {
                        throw fail(line, "expected an edge with a source and a target")
                    }
                    var weight: Double?
                    if let text = fields["weight"] ?? fields["value"] {
                        guard let value = Double(text) else {
                            throw fail(line, "expected a numeric weight, found '\(text)'")
                        }
                        weight = value
                    }
                    pendingEdges.append((source, target, weight, line))
                }
            case (_, .open):
                _ = try list(tokens, from: &position, path: path)
            case ("directed", .word(let value)):
                contents.declaresDirected = value == "1"
                position += 1
            default:
                position += 1
            }
        }
        guard position < tokens.count else { throw fail(nil, "ends inside 'graph [ … ]' (a cut-off GML file?)") }
        for edge in pendingEdges {
            guard let tail = ids[edge.source], let head = ids[edge.target] else {
                throw fail(
                    edge.line, "expected an edge between declared node ids, found \(edge.source) → \(edge.target)")
            }
            contents.edges.append(
                .init(
                    tail: tail, head: head, weight: edge.weight, isDirected: contents.declaresDirected, line: edge.line)
            )
        }
        return contents
    }

    /// The scalar fields of the list opening at `position` (nested lists skipped); leaves
    /// `position` after its closing bracket.
    private static func list(_ tokens: [Token], from position: inout Int, path: String) throws -> [String: String] {
        let opening = tokens[position].line
        position += 1
        var fields: [String: String] = [:]
        var depth = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token.kind {
            case .open: depth += 1
            case .close:
                if depth == 0 { return fields }
                depth -= 1
            case .word(let key) where depth == 0 && position < tokens.count:
                switch tokens[position].kind {
                case .word(let value), .string(let value):
                    if fields[key] == nil { fields[key] = value }
                    position += 1
                default: break
                }
            default: break
            }
        }
        throw EdgeListError(path: path, line: opening, message: "expected ']' to close this list")
    }

    /// The tokens of `bytes`.
    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> [Token] {
        var tokens: [Token] = []
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 10 {
                line += 1
                lineStart = true
                position += 1
                continue
            }
            if byte == 32 || byte == 9 || byte == 13 {
                position += 1
                continue
            }
            if lineStart && byte == UInt8(ascii: "#") {
                while position < bytes.count && bytes[position] != 10 { position += 1 }
                continue
            }
            lineStart = false
            switch byte {
            case UInt8(ascii: "["):
                tokens.append(Token(kind: .open, line: line))
                position += 1
            case UInt8(ascii: "]"):
                tokens.append(Token(kind: .close, line: line))
                position += 1
            case UInt8(ascii: "\""):
                let start = position + 1
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                guard end < bytes.count else {
                    throw EdgeListError(path: path, line: line, message: "expected '\"' to close this string")
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                tokens.append(Token(kind: .string(XMLScanner.decodeEntities(text)), line: line))
                line += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                position = end + 1
            default:
                let start = position
                while position < bytes.count
                    && ![9, 10, 13, 32, UInt8(ascii: "["), UInt8(ascii: "]")].contains(bytes[position])
                {
                    position += 1
                }
                tokens.append(
                    Token(
                        kind: .word(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)),
                        line: line))
            }
        }
        return tokens
    }
}
