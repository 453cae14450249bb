/// The lines of a text file as tokens: split at white space, a `"…"` token kept whole (its
/// quotes removed), lines starting with one of `comments` skipped. What the line-based graph
/// formats (Matrix Market, Pajek) are read with.
struct TextLines: Sequence {
    /// One line's tokens and its 1-based number.
    struct Line {
        var number: Int
        var tokens: [String]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// First characters that make a line a comment.
    let comments: Set<UInt8>

    func makeIterator() -> AnyIterator<Line> {
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        return AnyIterator {
            while position < bytes.count {
                number += 1
                var end = position
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
                position = end + 1
                let tokens = Self.tokens(of: line)
                if tokens.isEmpty || tokens[0].utf8.first.map(comments.contains) == true { continue }
                return Line(number: number, tokens: tokens)
            }
            return nil
        }
    }

    /// The 1-based line of byte `offset` in `bytes` (counted from the start: for error
    /// messages, not for every token).
    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<Swift.min(offset, bytes.count)].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// `line` split at white space, quoted tokens kept whole without their quotes.
    static func tokens(of line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        var inToken = false
        for character in line {
            if character == "\"" {
                if quoted {
                    tokens.append(current)
                    current = ""
                    inToken = false
                }
                quoted.toggle()
            } else if character.isWhitespace && !quoted {
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            } else {
                current.append(character)
                inToken = true
            }
        }
        if inToken || quoted { tokens.append(current) }
        return tokens
    }
}
