import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A report page read as XML: every element with its attributes, in document order. Parsing
/// fails (and the test with it) unless the page is well-formed.
struct ReportDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    let elements: [Element]

    init(html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The doctype is HTML's, not XML's; the rest is well-formed XML.
        let xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(
            parsed, "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")",
            sourceLocation: sourceLocation)
        elements = collector.elements
    }

    /// The elements named `name` whose attribute `key` is `value` (any, with `value` nil).
    func all(_ name: String, where key: String? = nil, is value: String? = nil) -> [Element] {
        elements.filter { element in
            element.name == name && (key.map { element.attributes[$0] != nil } ?? true)
                && (value.map { $0 == element.attributes[key ?? ""] } ?? true)
        }
    }

    /// The `<svg>` charts' kinds, in order.
    var chartKinds: [String] { all("svg").compactMap { $0.attributes["data-chart"] } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: elementName, attributes: attributes))
        }
    }
}
