/// Checks and cleans text that comes from the user's files before it reaches a message, a
/// table or Foundation.
public enum TextSafety {
    /// The offset of the first byte that does not begin or continue a well-formed UTF-8
    /// sequence (overlong forms, surrogates and code points above U+10FFFF are refused), or
    /// `nil` if `bytes` is UTF-8.
    static func firstInvalidUTF8Byte<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> Bytes.Index? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index = bytes.index(after: index)
                continue
            }
            // The allowed range of the second byte, and how many bytes the sequence has.
            let (length, second): (Int, ClosedRange<UInt8>) =
                switch lead {
                case 0xC2...0xDF: (2, 0x80...0xBF)
                case 0xE0: (3, 0xA0...0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
                case 0xED: (3, 0x80...0x9F)
                case 0xF0: (4, 0x90...0xBF)
                case 0xF1...0xF3: (4, 0x80...0xBF)
                case 0xF4: (4, 0x80...0x8F)
                default: (0, 0...0)
                }
            guard length > 0 else { return index }
            var next = bytes.index(after: index)
            for position in 1..<length {
                guard next < bytes.endIndex, (position == 1 ? second : 0x80...0xBF).contains(bytes[next]) else {
                    return index
                }
                next = bytes.index(after: next)
            }
            index = next
        }
        return nil
    }

    /// `text` with control characters (C0, DEL, C1, and the line and paragraph separators)
    /// written as `\n`, `\t`, `\r` or `\u{…}`, so that a message or a table cell stays on one
    /// line and prints nothing invisible.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where isControl(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The bytes as text: valid UTF-8 kept, each invalid byte written as `\x{HH}`, control
    /// characters escaped as in ``escapingControlCharacters(_:)``.
    static func printable<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        var rest = bytes[...]
        while let invalid = firstInvalidUTF8Byte(in: rest) {
            text += String(decoding: rest[..<invalid], as: UTF8.self)
            text += "\\x{\(String(rest[invalid], radix: 16, uppercase: true))}"
            rest = rest[rest.index(after: invalid)...]
        }
        text += String(decoding: rest, as: UTF8.self)
        return escapingControlCharacters(text)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
