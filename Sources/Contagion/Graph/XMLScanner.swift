import Foundation

/// The elements and text of an XML document, one token at a time: enough XML for GraphML.
///
/// Start tags come with their attributes (entities decoded) and whether they close themselves
/// (`<node id="a"/>`); text comes between tags, CDATA sections included. Comments, processing
/// instructions and `<!DOCTYPE …>` are skipped. Names keep any namespace prefix out
/// (`<y:ShapeNode>` is `ShapeNode`).
struct XMLScanner {
    /// What a token is.
    enum Kind {
        case start(name: String, attributes: [String: String], closes: Bool)
        case end(name: String)
        case text(String)
    }

    /// A token and the line it starts on.
    struct Token {
        var kind: Kind
        var line: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    private var position = 0
    /// Line counting goes forward only: the line of ``countedTo``.
    private var countedLine = 1
    private var countedTo = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next token, or `nil` at the end.
    ///
    /// - Throws: ``EdgeListError`` at the line of a tag that does not end.
    mutating func next() throws -> Token? {
        while position < bytes.count {
            let start = position
            guard bytes[position] == UInt8(ascii: "<") else {
                while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                return Token(kind: .text(Self.decodeEntities(text(start..<position))), line: line(at: start))
            }
            if matches("<!--") {
                try skip(past: "-->", from: start)
            } else if matches("<![CDATA[") {
                let end = try find("]]>", from: start)
                defer { position = end + 3 }
                return Token(kind: .text(text((start + 9)..<end)), line: line(at: start))
            } else if matches("<?") {
                try skip(past: "?>", from: start)
            } else if matches("<!") {
                try skip(past: ">", from: start)
            } else {
                let end = try find(">", from: start)
                position = end + 1
                let line = line(at: start)
                return Token(kind: try tag(in: (start + 1)..<end, line: line), line: line)
            }
        }
        return nil
    }

    /// The line of byte `offset`, at or after every offset asked before.
    private mutating func line(at offset: Int) -> Int {
        while countedTo < offset {
            if bytes[countedTo] == 10 { countedLine += 1 }
            countedTo += 1
        }
        return countedLine
    }

    /// The tag between `<` and `>`, which starts on `line`.
    private func tag(in range: Range<Int>, line: Int) throws -> Kind {
        var inner = text(range)
        if inner.hasPrefix("/") { return .end(name: Self.localName(String(inner.dropFirst()).trimmed)) }
        let closes = inner.hasSuffix("/")
        if closes { inner.removeLast() }
        var scalars = Substring(inner)
        let name = scalars.prefix { !$0.isWhitespace }
        scalars = scalars.dropFirst(name.count)
        var attributes: [String: String] = [:]
        while let equals = scalars.firstIndex(of: "=") {
            let key = scalars[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            var rest = scalars[scalars.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else {
                throw EdgeListError(
                    path: path, line: line, message: "expected a quoted attribute value after '\(key)='")
            }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else {
                throw EdgeListError(path: path, line: line, message: "expected the end of the value of '\(key)'")
            }
            attributes[key] = Self.decodeEntities(String(rest[..<close]))
            scalars = rest[rest.index(after: close)...]
        }
        return .start(name: Self.localName(String(name)), attributes: attributes, closes: closes)
    }

    private func matches(_ prefix: String) -> Bool { bytes[position...].starts(with: prefix.utf8) }

    /// The offset where `marker` next starts, at or after `position`.
    private func find(_ marker: String, from start: Int) throws -> Int {
        let pattern = Array(marker.utf8)
        var index = position
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        throw failure("expected '\(marker)' to end what starts here", at: start)
    }

    private mutating func skip(past marker: String, from start: Int) throws {
        position = try find(marker, from: start) + marker.utf8.count
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// An error at the line of `offset`.
    private func failure(_ message: String, at offset: Int) -> EdgeListError {
        EdgeListError(path: path, line: TextLines.line(at: offset, in: bytes), message: message)
    }

    /// `name` without a namespace prefix.
    static func localName(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

    /// `text` with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references decoded
    /// (an unknown entity stays as written).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[ampersand...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after.dropFirst()
                continue
            }
            let entity = after[after.index(after: ampersand)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let replacement = named[String(entity)] {
                result += replacement
            } else if entity.hasPrefix("#"),
                let code = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += after[...semicolon]
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}

extension String {
    /// Without leading and trailing white space.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
