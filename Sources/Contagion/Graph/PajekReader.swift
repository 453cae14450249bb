/// Pajek `.net` files, as networkx's `write_pajek` and Pajek itself write them.
///
/// `*Vertices n` declares users `1…n`; a vertex line `i "label" …` names user `i` by its label
/// (unlisted vertices are named by their number). `*Arcs` lines `i j [weight …]` are arcs
/// and `*Edges` lines edges; `*Arcslist` and `*Edgeslist` lines `i j k …` list `i`'s
/// neighbours (no weights). Anything after the weight on a line (colours, labels) is
/// ignored, and so are `*Network` lines and `%` comments. A file with arcs is directed (its
/// edges then count both ways). `*Matrix` sections and vertex numbers outside `1…n` are
/// refused with their line.
enum PajekReader: GraphFileReader {
    /// The section a line belongs to.
    private enum Section {
        case none, vertices, arcs, edges, arcsList, edgesList
    }

    static func contents(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> GraphFileContents {
        var section = Section.none
        var sawVertices = false
        var labels: [String?] = []
        var edges: [GraphFileContents.Edge] = []
        func fail(_ line: Int, _ message: String) -> EdgeListError {
            EdgeListError(path: path, line: line, message: message)
        }
        func vertex(_ token: String, line: Int) throws -> Int32 {
            guard let index = Int(token), index >= 1 && index <= labels.count else {
                throw fail(line, "expected a vertex number in 1…\(labels.count), found '\(token)'")
            }
            return Int32(index - 1)
        }
        for line in TextLines(bytes: bytes, comments: [UInt8(ascii: "%")]) {
            let first = line.tokens[0]
            if first.hasPrefix("*") {
                switch first.lowercased() {
                case "*vertices":
                    let largest = GraphFileContents.largestDeclaredCount(forBytes: bytes.count)
                    guard !sawVertices else {
                        throw fail(line.number, "expected one '*Vertices' section, found another")
                    }
                    guard line.tokens.count >= 2, let count = Int(line.tokens[1]), count >= 0, count <= largest else {
                        throw fail(line.number, "expected '*Vertices n' with n in 0…\(largest) for a file of this size")
                    }
                    labels = [String?](repeating: nil, count: count)
                    sawVertices = true
                    section = .vertices
                case "*arcs", "*edges", "*arcslist", "*edgeslist":
                    guard sawVertices else { throw fail(line.number, "expected '*Vertices n' before \(first)") }
                    section =
                        [
                            "*arcs": .arcs, "*edges": .edges, "*arcslist": .arcsList, "*edgeslist": .edgesList,
                        ][first.lowercased()] ?? .none
                case "*network": section = .none
                default: throw fail(line.number, "Pajek \(first) sections are not read")
                }
                continue
            }
            switch section {
            case .none: throw fail(line.number, "expected '*Vertices n' first, found '\(first)'")
            case .vertices:
                let index = try vertex(first, line: line.number)
                if line.tokens.count >= 2 { labels[Int(index)] = line.tokens[1] }
            case .arcs, .edges:
                guard line.tokens.count >= 2 else { throw fail(line.number, "expected 'from to [weight]'") }
                var weight: Double?
                if line.tokens.count >= 3 {
                    guard let value = Double(line.tokens[2]) else {
                        throw fail(line.number, "expected a numeric weight, found '\(line.tokens[2])'")
                    }
                    weight = value
                }
                edges.append(
                    .init(
                        tail: try vertex(first, line: line.number), head: try vertex(line.tokens[1], line: line.number),
                        weight: weight, isDirected: section == .arcs, line: line.number))
            case .arcsList, .edgesList:
                let tail = try vertex(first, line: line.number)
                for token in line.tokens.dropFirst() {
                    edges.append(
                        .init(
                            tail: tail, head: try vertex(token, line: line.number), weight: nil,
                            isDirected: section == .arcsList, line: line.number))
                }
            }
        }
        var contents = GraphFileContents()
        for (index, label) in labels.enumerated() {
            let name = label ?? String(index + 1)
            guard contents.existingNode(name) == nil else {
                throw EdgeListError(path: path, line: nil, message: "two vertices are labelled '\(name)'")
            }
            _ = contents.node(name)
        }
        contents.edges = edges
        return contents
    }
}
