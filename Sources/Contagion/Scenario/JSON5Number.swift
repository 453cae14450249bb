/// JSON5's number grammar: what a word such as `-12`, `0x1F`, `.5`, `5.`, `1e-3` or
/// `Infinity` means.
enum JSON5Number {
    /// A number, or why the word is not one a scenario can hold.
    enum Reading: Equatable {
        /// The word's value: an integer when it has no fraction or exponent.
        case value(JSONValue)
        /// The word looks like a number but cannot be read; the text says what was expected.
        case invalid(String)
    }

    /// How `word` reads, or `nil` if it is not a number at all.
    static func value(of word: String) -> Reading? {
        var digits = Substring(word)
        var isNegative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            isNegative = sign == "-"
            digits = digits.dropFirst()
        }
        switch digits {
        case "Infinity": return .value(.double(isNegative ? -.infinity : .infinity))
        case "NaN": return .value(.double(.nan))
        default: break
        }
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            let hex = digits.dropFirst(2)
            guard !hex.isEmpty, hex.allSatisfy(\.isHexDigit) else { return nil }
            guard let magnitude = UInt64(hex, radix: 16) else { return .invalid(tooLarge) }
            return integer(magnitude: magnitude, isNegative: isNegative)
        }
        guard isDecimal(digits) else { return nil }
        let integerPart = digits.prefix { $0.isASCII && $0.isNumber }
        if integerPart.count > 1 && integerPart.hasPrefix("0") {
            return .invalid("a number without a leading zero (JSON5 reads 01 as no number)")
        }
        if integerPart.count == digits.count {
            guard let magnitude = UInt64(digits) else { return .invalid(tooLarge) }
            return integer(magnitude: magnitude, isNegative: isNegative)
        }
        guard let value = Double(word), value.isFinite else {
            return .invalid("a number within ±1.7976931348623157e308")
        }
        return .value(.double(value))
    }

    private static let tooLarge = "an integer within 64 bits (from -9223372036854775808 to 18446744073709551615)"

    private static func integer(magnitude: UInt64, isNegative: Bool) -> Reading {
        if !isNegative {
            return .value(magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : .unsignedInteger(magnitude))
        }
        if magnitude <= UInt64(Int64.max) { return .value(.integer(-Int64(magnitude))) }
        if magnitude == UInt64(Int64.max) + 1 { return .value(.integer(.min)) }
        return .invalid(tooLarge)
    }

    /// Whether `text` is `digits[.digits][(e|E)[+|-]digits]` with digits on at least one side
    /// of the point.
    private static func isDecimal(_ text: Substring) -> Bool {
        var rest = text[...]
        let whole = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(whole.count)
        var fraction: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
