import Foundation

/// Text for SVG and HTML: escaping, elements and the numbers charts print.
enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe inside an element or an attribute;
    /// control characters XML does not allow become U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value < 0x20,
                scalar != "\t", scalar != "\n", scalar != "\r"
            {
                escaped.append("\u{FFFD}")
                continue
            }
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// An element with escaped attribute values; `content` is already markup (`nil`: self-closing).
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: String? = nil)
        -> String
    {
        element(name, attributes: attributes.map { ($0.key, $0.value) }, content)
    }

    /// An element whose attributes are a list built at run time.
    static func element(_ name: String, attributes: [(String, String)], _ content: String? = nil) -> String {
        var text = "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(escape(value))\"" }
        guard let content else { return text + "/>" }
        return text + ">" + content + "</\(name)>"
    }

    /// `text` cut to `length` characters with an ellipsis.
    static func truncated(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }

    /// A coordinate in the drawing, to one decimal.
    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A data value exactly as the tables write it (``CSVWriter/format(_:)``), for `data-` attributes.
    static func data(_ value: Double) -> String { CSVWriter.format(value) }

    /// A tick or cell label: short, with k and M for thousands and millions; `–` for NaN.
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : value > 0 ? "∞" : "−∞" }
        let magnitude = abs(value)
        if magnitude >= 999_995 { return trimmed(value / 1e6) + "M" }
        if magnitude >= 1e4 { return trimmed(value / 1e3) + "k" }
        if magnitude >= 1 || magnitude == 0 { return trimmed(value) }
        if magnitude >= 0.001 { return String(format: "%.3g", value) }
        // 1e-6 rather than C's 1e-06.
        let exponent = Int(floor(log10(magnitude)))
        return trimmed(value / pow(10, Double(exponent))) + "e\(exponent)"
    }

    private static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// The colours of a report's series: Okabe and Ito's palette, distinguishable with every
/// common form of colour blindness, in an order that keeps neighbours far apart (yellow, the
/// one hard to read on white, last).
public enum Palette {
    /// The colours, as CSS hex.
    public static let colours = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
    ]

    /// The colour of series `index` (the palette repeats after eight).
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
