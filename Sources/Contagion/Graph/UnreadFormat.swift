/// Graph file formats the edge-list reader recognises by their first bytes but does not read,
/// so that such a file is named for what it is instead of failing on its first line.
enum UnreadFormat: CustomStringConvertible {
    case graphML
    case xml
    case matrixMarket
    case gml
    case gzip
    case zip

    /// The format `bytes` starts with, or `nil` for text that may be an edge list.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.starts(with: [0x1F, 0x8B]) {
            self = .gzip
            return
        }
        if bytes.starts(with: Array("PK\u{3}\u{4}".utf8)) {
            self = .zip
            return
        }
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
        let head = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 512)]), as: UTF8.self)
        if head.hasPrefix("%%MatrixMarket") {
            self = .matrixMarket
        } else if head.hasPrefix("<?xml") || head.hasPrefix("<graphml") {
            self = head.contains("<graphml") ? .graphML : .xml
        } else if head.hasPrefix("graph [") || head.hasPrefix("graph\n[") || head.hasPrefix("Creator ") {
            self = .gml
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .graphML: "a GraphML file, which is not read"
        case .xml: "an XML file, which is not read"
        case .matrixMarket: "a Matrix Market file, which is not read"
        case .gml: "a GML file, which is not read"
        case .gzip: "a gzip-compressed file, which is not read (decompress it first)"
        case .zip: "a zip archive, which is not read (extract the edge list first)"
        }
    }
}
