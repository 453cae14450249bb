import Foundation

/// GraphML (graphml.graphdrawing.org), as networkx, igraph, NetworKit and Gephi write it.
///
/// Nodes are the `<node id>` elements, named by their ids, in file order (an edge's endpoint
/// that no `<node>` declares is added when first seen). An edge is one-way when its `directed`
/// attribute says so, else when the graph's `edgedefault` is `directed`. Its weight is the
/// `<data>` of the edge key whose `attr.name` is `weight` (`<key for="edge" attr.name="weight">`),
/// absent when the file has no such key. Comments, processing instructions, `<desc>` and other
/// keys' data are skipped; entities (`&amp;`, `&#233;`, …) are decoded. Nested graphs,
/// hyperedges and ports are refused with their line.
enum GraphMLReader: GraphFileReader {
    static func contents(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> GraphFileContents {
        var scanner = XMLScanner(bytes: bytes, path: path)
        var contents = GraphFileContents()
        var weightKeys: Set<String> = []
        var graphDepth = 0
        var directedDefault = false
        var edge: GraphFileContents.Edge?
        var weightText: String?
        func fail(_ message: String, at line: Int) -> EdgeListError {
            EdgeListError(path: path, line: line, message: message)
        }
        while let token = try scanner.next() {
            switch token.kind {
            case .start(let name, let attributes, let closes):
                switch name {
                case "key":
                    if attributes["attr.name"] == "weight" && ["edge", "all", nil].contains(attributes["for"]),
                        let id = attributes["id"]
                    {
                        weightKeys.insert(id)
                    }
                case "graph":
                    graphDepth += 1
                    guard graphDepth == 1 else { throw fail("nested graphs are not read", at: token.line) }
                    directedDefault = attributes["edgedefault"] == "directed"
                    contents.declaresDirected = directedDefault
                case "node":
                    guard let id = attributes["id"] else { throw fail("expected a node id", at: token.line) }
                    _ = contents.node(id)
                case "edge":
                    guard let source = attributes["source"], let target = attributes["target"] else {
                        throw fail("expected an edge with a source and a target", at: token.line)
                    }
                    let isDirected = attributes["directed"].map { $0 == "true" || $0 == "1" } ?? directedDefault
                    let found = GraphFileContents.Edge(
                        tail: contents.node(source), head: contents.node(target), weight: nil, isDirected: isDirected,
                        line: token.line)
                    if closes { contents.edges.append(found) } else { edge = found }
                case "data" where edge != nil && !closes && weightKeys.contains(attributes["key"] ?? ""):
                    weightText = ""
                case "hyperedge", "port":
                    throw fail("GraphML \(name) elements are not read", at: token.line)
                default: break
                }
            case .text(let text):
                if weightText != nil { weightText? += text }
            case .end(let name):
                switch name {
                case "data" where weightText != nil:
                    let text = weightText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    guard let value = Double(text) else {
                        throw fail(
                            "expected a numeric weight, found '\(TextSafety.escapingControlCharacters(text))'",
                            at: token.line)
                    }
                    edge?.weight = value
                    weightText = nil
                case "edge":
                    if let finished = edge { contents.edges.append(finished) }
                    edge = nil
                case "graph": graphDepth -= 1
                default: break
                }
            }
        }
        guard graphDepth == 0 && edge == nil else {
            throw EdgeListError(path: path, line: nil, message: "ends inside an element (a cut-off GraphML file?)")
        }
        return contents
    }
}
