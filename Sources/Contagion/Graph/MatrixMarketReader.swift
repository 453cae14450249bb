/// Matrix Market coordinate files (math.nist.gov/MatrixMarket), as scipy's `mmwrite` of an
/// adjacency matrix writes them.
///
/// The header `%%MatrixMarket matrix coordinate <field> <symmetry>` takes the fields `real`,
/// `integer` and `pattern` (no values: weight absent) and the symmetries `general` (entry
/// `(i, j)` is the arc `i → j`) and `symmetric` (each entry an edge; only one triangle is
/// stored). The size line `n n entries` must be square; node `i` of the matrix (1-based) is
/// the user named `i − 1`, so a matrix written from a graph on `0…n−1` keeps its names, and
/// every one of the `n` users exists, isolated or not. A stored 0 is no edge. `complex`,
/// `skew-symmetric`, `hermitian` and the dense `array` format are refused.
enum MatrixMarketReader: GraphFileReader {
    static func contents(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> GraphFileContents {
        let lines = TextLines(bytes: bytes, comments: []).makeIterator()
        func fail(_ line: Int?, _ message: String) -> EdgeListError {
            EdgeListError(path: path, line: line, message: message)
        }
        guard let header = lines.next(), header.tokens.first?.lowercased() == "%%matrixmarket",
            header.tokens.count == 5
        else {
            throw fail(1, "expected '%%MatrixMarket matrix coordinate <field> <symmetry>'")
        }
        let (object, layout, field, symmetry) = (
            header.tokens[1].lowercased(), header.tokens[2].lowercased(), header.tokens[3].lowercased(),
            header.tokens[4].lowercased()
        )
        guard object == "matrix", layout == "coordinate" else {
            throw fail(header.number, "expected a coordinate matrix, found \(object) \(layout)")
        }
        guard ["real", "integer", "pattern"].contains(field) else {
            throw fail(header.number, "expected the field real, integer or pattern, found \(field)")
        }
        guard ["general", "symmetric"].contains(symmetry) else {
            throw fail(header.number, "expected the symmetry general or symmetric, found \(symmetry)")
        }
        var size: TextLines.Line?
        while let line = lines.next() {
            if line.tokens[0].hasPrefix("%") { continue }
            size = line
            break
        }
        guard let size, size.tokens.count == 3, let rows = Int(size.tokens[0]), let columns = Int(size.tokens[1]),
            let entries = Int(size.tokens[2]), rows >= 1, entries >= 0
        else {
            throw fail(size?.number, "expected the size line 'rows columns entries'")
        }
        guard rows == columns else {
            throw fail(size.number, "expected a square adjacency matrix, found \(rows) × \(columns)")
        }
        let largest = GraphFileContents.largestDeclaredCount(forBytes: bytes.count)
        guard rows <= largest else {
            throw fail(
                size.number, "expected at most \(largest) rows for a file of \(bytes.count) bytes, found \(rows)")
        }
        var contents = GraphFileContents()
        contents.unnamedCount = rows
        contents.declaresDirected = symmetry == "general"
        var read = 0
        let fields = field == "pattern" ? 2 : 3
        while let line = lines.next() {
            if line.tokens[0].hasPrefix("%") { continue }
            read += 1
            guard read <= entries else { throw fail(line.number, "expected \(entries) entries, found more") }
            guard line.tokens.count == fields, let i = Int(line.tokens[0]), let j = Int(line.tokens[1]),
                (1...rows).contains(i), (1...rows).contains(j)
            else {
                throw fail(
                    line.number, "expected 'row column\(fields == 3 ? " value" : "")' with indices in 1…\(rows)")
            }
            var weight: Double?
            if fields == 3 {
                guard let value = Double(line.tokens[2]) else {
                    throw fail(line.number, "expected a numeric value, found '\(line.tokens[2])'")
                }
                if value == 0 { continue }
                weight = value
            }
            contents.edges.append(
                .init(
                    tail: Int32(i - 1), head: Int32(j - 1), weight: weight, isDirected: symmetry == "general",
                    line: line.number))
        }
        guard read == entries else { throw fail(nil, "expected \(entries) entries, found \(read)") }
        return contents
    }
}
