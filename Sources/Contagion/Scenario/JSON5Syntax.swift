/// Finds where a JSON5 text stops being valid, for error messages.
///
/// Foundation's decoder says only that the data is not valid JSON; this recursive-descent
/// scanner walks the same grammar (objects, arrays, single- or double-quoted strings,
/// identifier keys, JSON5 numbers, `true`/`false`/`null`, `//` and `/* */` comments, trailing
/// commas) and reports the line and column of the first thing it cannot accept.
enum JSON5Syntax {
    /// Where the text is invalid and what was expected there.
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first syntax problem in `text`, or `nil` if the scanner accepts it.
    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(bytes: Array(text.utf8))
        do {
            try scanner.skipSpace()
            try scanner.value()
            try scanner.skipSpace()
            if scanner.position < scanner.bytes.count { throw scanner.problem("expected the end of the file") }
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return nil
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        func problem(_ expected: String) -> Problem {
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
            let found = current.map { "'\(Character(UnicodeScalar($0)))'" } ?? "the end of the file"
            return Problem(line: line, column: column, message: "\(expected), found \(found)")
        }

        mutating func skipSpace() throws {
            while let byte = current {
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                    position += 1
                } else if byte == UInt8(ascii: "/") && position + 1 < bytes.count
                    && bytes[position + 1] == UInt8(ascii: "/")
                {
                    while let next = current, next != 10 { position += 1 }
                } else if byte == UInt8(ascii: "/") && position + 1 < bytes.count
                    && bytes[position + 1] == UInt8(ascii: "*")
                {
                    position += 2
                    while position + 1 < bytes.count
                        && !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/"))
                    {
                        position += 1
                    }
                    guard position + 1 < bytes.count else { throw problem("expected '*/' to close the comment") }
                    position += 2
                } else {
                    return
                }
            }
        }

        mutating func value() throws {
            switch current {
            case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), isObject: true)
            case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), isObject: false)
            case UInt8(ascii: "\""), UInt8(ascii: "'"): try string()
            default:
                let start = position
                while let byte = current, isWordByte(byte) { position += 1 }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                let number = word.hasPrefix("+") || word.hasPrefix("-") ? String(word.dropFirst()) : word
                let isNumber =
                    Double(number) != nil || number == "Infinity" || number == "NaN"
                    || (number.hasPrefix("0x") && UInt64(number.dropFirst(2), radix: 16) != nil)
                if word.isEmpty || !(isNumber || ["true", "false", "null"].contains(word)) {
                    position = start
                    throw problem("expected a value (object, list, string, number, true, false or null)")
                }
            }
        }

        mutating func container(close: UInt8, isObject: Bool) throws {
            position += 1
            try skipSpace()
            while current != close {
                if isObject {
                    if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                        try string()
                    } else {
                        let start = position
                        while let byte = current, isWordByte(byte) { position += 1 }
                        if position == start { throw problem("expected a key or '}'") }
                    }
                    try skipSpace()
                    guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
                    position += 1
                    try skipSpace()
                }
                try value()
                try skipSpace()
                if current == UInt8(ascii: ",") {
                    position += 1
                    try skipSpace()
                } else if current != close {
                    throw problem("expected ',' or '\(Character(UnicodeScalar(close)))'")
                }
            }
            position += 1
        }

        mutating func string() throws {
            let quote = bytes[position]
            position += 1
            while let byte = current, byte != quote {
                if byte == 10 { throw problem("expected the string to close before the line ends") }
                position += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            guard current == quote else { throw problem("expected the string to close") }
            position += 1
        }

        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte >= 0x80
        }
    }
}
