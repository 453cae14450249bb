/// Reads JSON5 text into a ``JSONValue`` tree, reporting the line and column of the first
/// thing it cannot accept.
///
/// The grammar is JSON5's: objects, lists, single- or double-quoted strings with JSON5
/// escapes, identifier keys, decimal and hexadecimal numbers (`.5`, `5.`, `+1`, `Infinity`,
/// `NaN`), `true`/`false`/`null`, `//` and `/* */` comments and trailing commas. On top of the
/// grammar it refuses what a scenario never means: bytes that are not UTF-8, a NUL byte,
/// nesting deeper than ``maximumDepth``, a key written twice in one object, an integer beyond
/// 64 bits and a decimal number beyond `Double`'s range. The scanner is iterative (a stack of
/// open containers), so no input can exhaust the call stack.
public enum JSON5Parser {
    /// How deep objects and lists may nest; scenarios use fewer than ten levels.
    static let maximumDepth = 64

    /// Where the text is invalid and what was expected there.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// 1-based line.
        var line: Int
        /// 1-based column, counted in characters.
        var column: Int
        /// What was expected and what was found.
        var message: String

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The tree `bytes` spells.
    ///
    /// - Throws: ``SyntaxError`` at the first problem.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var scanner = Scanner(bytes: bytes)
        if let invalid = TextSafety.firstInvalidUTF8Byte(in: bytes) {
            scanner.position = invalid
            throw scanner.problem(
                "expected UTF-8 text", found: "the byte 0x\(String(bytes[invalid], radix: 16, uppercase: true))")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.position = 3 }
        let value = try scanner.document()
        return value
    }

    /// An object or list still open. Its values so far are the top of the scanner's value
    /// stack from `start` (and an object's keys the top of the key stack from `keyStart`), so
    /// that adding one never copies the others.
    private struct OpenContainer {
        var isObject: Bool
        var start: Int
        var keyStart: Int
        /// An object's keys so far, to refuse a repeated one.
        var keys: Set<String> = []
        /// Whether an object waits for a key (or its `}`) rather than for a value.
        var expectsKey = true
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        func problem(_ expected: String, found: String? = nil) -> SyntaxError {
            var line = 1
            var column = 1
            for byte in bytes[..<min(position, bytes.count)] {
                if byte == 10 {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return SyntaxError(line: line, column: column, message: "\(expected), found \(found ?? self.found)")
        }

        /// The character at the current position, printable in a one-line message.
        var found: String {
            guard let byte = current else { return "the end of the file" }
            if byte < 0x20 || byte == 0x7F { return "the control character U+\(hex4(UInt32(byte)))" }
            if byte < 0x80 { return "'\(Character(UnicodeScalar(byte)))'" }
            var end = position + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: bytes[position..<end], as: UTF8.self))'"
        }

        /// The whole text: one value, then only space and comments.
        mutating func document() throws(SyntaxError) -> JSONValue {
            var open: [OpenContainer] = []
            var values: [JSONValue] = []
            var keys: [String] = []
            while true {
                try skipSpace()
                let value: JSONValue
                if let top = open.last, top.isObject, top.expectsKey {
                    if current == UInt8(ascii: "}") {
                        position += 1
                        var fields: [String: JSONValue] = [:]
                        for (key, field) in zip(keys[top.keyStart...], values[top.start...]) { fields[key] = field }
                        keys.removeSubrange(top.keyStart...)
                        values.removeSubrange(top.start...)
                        open.removeLast()
                        value = .object(fields)
                    } else {
                        let start = position
                        let key = try key()
                        guard open[open.count - 1].keys.insert(key).inserted else {
                            position = start
                            throw problem(
                                "expected each key once in an object",
                                found: "'\(TextSafety.escapingControlCharacters(key))' a second time")
                        }
                        keys.append(key)
                        open[open.count - 1].expectsKey = false
                        continue
                    }
                } else if let top = open.last, !top.isObject, current == UInt8(ascii: "]") {
                    position += 1
                    value = .array(Array(values[top.start...]))
                    values.removeSubrange(top.start...)
                    open.removeLast()
                } else if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") {
                    guard open.count < maximumDepth else {
                        throw problem("expected at most \(maximumDepth) nested objects and lists")
                    }
                    open.append(
                        OpenContainer(isObject: current == UInt8(ascii: "{"), start: values.count, keyStart: keys.count)
                    )
                    position += 1
                    continue
                } else {
                    value = try scalar()
                }
                guard let parent = open.indices.last else {
                    try skipSpace()
                    if current != nil { throw problem("expected the end of the file") }
                    return value
                }
                values.append(value)
                open[parent].expectsKey = true
                try skipSpace()
                let close = open[parent].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if current == UInt8(ascii: ",") {
                    position += 1
                } else if current != close {
                    throw problem("expected ',' or '\(Character(UnicodeScalar(close)))'")
                }
            }
        }

        /// A key and its colon.
        mutating func key() throws(SyntaxError) -> String {
            let start = position
            let key: String
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                key = try string()
            } else {
                while let byte = current, isIdentifierByte(byte) { position += 1 }
                guard position > start, !(48...57).contains(bytes[start]) else {
                    position = start
                    throw problem("expected a key or '}'")
                }
                key = String(decoding: bytes[start..<position], as: UTF8.self)
            }
            try skipSpace()
            guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
            position += 1
            return key
        }

        /// A string, number, `true`, `false` or `null`.
        mutating func scalar() throws(SyntaxError) -> JSONValue {
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") { return .string(try string()) }
            let start = position
            while let byte = current, isWordByte(byte) { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                guard let number = JSON5Number.value(of: word) else {
                    position = start
                    throw problem(
                        "expected a value (object, list, string, number, true, false or null)",
                        found: word.isEmpty ? nil : "'\(word)'")
                }
                switch number {
                case .value(let value): return value
                case .invalid(let what):
                    position = start
                    throw problem("expected \(what)", found: "'\(word)'")
                }
            }
        }

        /// A quoted string, escapes resolved.
        mutating func string() throws(SyntaxError) -> String {
            let quote = bytes[position]
            position += 1
            var scalars = String.UnicodeScalarView()
            var run = position
            func flush(_ end: Int) {
                scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
            while let byte = current, byte != quote {
                if byte == 10 || byte == 13 { throw problem("expected the string to close before the line ends") }
                if byte == 0 { throw problem("expected no NUL byte in a string") }
                guard byte == UInt8(ascii: "\\") else {
                    position += 1
                    continue
                }
                flush(position)
                position += 1
                try escape(into: &scalars)
                run = position
            }
            guard current == quote else { throw problem("expected the string to close") }
            flush(position)
            position += 1
            return String(scalars)
        }

        /// One escape after a backslash.
        mutating func escape(into scalars: inout String.UnicodeScalarView) throws(SyntaxError) {
            guard let byte = current else { throw problem("expected the string to close") }
            position += 1
            switch byte {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "v"): scalars.append("\u{B}")
            case UInt8(ascii: "0"): scalars.append("\u{0}")
            case 10: break  // a line continuation
            case 13: if current == 10 { position += 1 }
            case UInt8(ascii: "x"):
                scalars.append(UnicodeScalar(UInt8(try hexDigits(2))))
            case UInt8(ascii: "u"):
                var code = try hexDigits(4)
                if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: Array("\\u".utf8)) {
                    position += 2
                    let low = try hexDigits(4)
                    guard (0xDC00..<0xE000).contains(low) else {
                        position -= 6
                        throw problem("expected the second half of a UTF-16 surrogate pair")
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = UnicodeScalar(code) else {
                    position -= 6
                    throw problem("expected a Unicode scalar, not an unpaired surrogate")
                }
                scalars.append(scalar)
            default:
                position -= 1
                var end = position + 1
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                scalars.append(contentsOf: String(decoding: bytes[position..<end], as: UTF8.self).unicodeScalars)
                position = end
            }
        }

        mutating func hexDigits(_ count: Int) throws(SyntaxError) -> UInt32 {
            guard position + count <= bytes.count,
                let code = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                bytes[position..<position + count].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
            else { throw problem("expected \(count) hexadecimal digits") }
            position += count
            return code
        }

        mutating func skipSpace() throws(SyntaxError) {
            while let byte = current {
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 11 || byte == 12 {
                    position += 1
                } else if bytes[position...].starts(with: [0xC2, 0xA0]) {
                    position += 2  // no-break space
                } else if bytes[position...].starts(with: Array("//".utf8)) {
                    while let next = current, next != 10 { position += 1 }
                } else if bytes[position...].starts(with: Array("/*".utf8)) {
                    let start = position
                    position += 2
                    while position < bytes.count && !bytes[position...].starts(with: Array("*/".utf8)) {
                        position += 1
                    }
                    guard position < bytes.count else {
                        position = start
                        throw problem("expected '*/' to close the comment")
                    }
                    position += 2
                } else {
                    return
                }
            }
        }

        func isIdentifierByte(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
        }

        func isWordByte(_ byte: UInt8) -> Bool {
            isIdentifierByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
        }

        func hex4(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}
