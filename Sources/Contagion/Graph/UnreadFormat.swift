/// What an edge-list reading finds instead of an edge list: a compressed file, an XML file
/// that is not GraphML, or a graph format with its own reader (``GraphFileFormat``), so that
/// the file is named for what it is instead of failing on its first line.
enum UnreadFormat: CustomStringConvertible {
    case xml
    case gzip
    case zip
    /// A format Contagion reads, given as an edge list.
    case otherFormat(GraphFileFormat)

    /// The format `bytes` starts with, or `nil` for text that may be an edge list.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if bytes.starts(with: Array("PK\u{3}\u{4}".utf8)) {
            self = .zip
        } else if let format = GraphFileFormat.named(by: bytes) {
            self = .otherFormat(format)
        } else {
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
            guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
            self = .xml
        }
    }

    var description: String {
        switch self {
        case .xml: "an XML file that is not GraphML, which is not read"
        case .gzip: "a gzip-compressed file, which is not read (decompress it first)"
        case .zip: "a zip archive, which is not read (extract the graph file first)"
        case .otherFormat(let format):
            "a \(format.title) file, not an edge list: set graph.format to \"\(format.rawValue)\" or \"auto\""
        }
    }
}

extension GraphFileFormat {
    /// The format's name in messages.
    var title: String {
        switch self {
        case .auto: "graph"
        case .whitespace: "whitespace edge-list"
        case .csv: "CSV edge-list"
        case .graphml: "GraphML"
        case .gml: "GML"
        case .matrixMarket: "Matrix Market"
        case .pajek: "Pajek"
        }
    }
}
