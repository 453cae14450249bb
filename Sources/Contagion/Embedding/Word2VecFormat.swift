import Foundation

/// The word2vec text format that gensim (`KeyedVectors.load_word2vec_format`) and PecanPy read:
/// a header line `count dimensions`, then one line per node: its name and its vector.
public enum Word2VecFormat {
    /// The file's text for `embedding`, naming node `i` `names(i)`.
    ///
    /// Values are written with Swift's shortest round-trip `Float` description, so reading
    /// the file back gives the same vectors bit for bit.
    public static func text(of embedding: NodeEmbedding, names: (Int) -> String) -> String {
        var text = "\(embedding.count) \(embedding.dimensions)\n"
        text.reserveCapacity(embedding.count * (embedding.dimensions * 12 + 8))
        for node in 0..<embedding.count {
            text += names(node)
            for value in embedding.vector(of: node) {
                text += " "
                text += value.description
            }
            text += "\n"
        }
        return text
    }

    /// Parses a word2vec text file: the names in file order and their vectors.
    ///
    /// - Throws: ``EdgeListError`` naming the line of a malformed header or row.
    public static func read(path: String) throws -> (names: [String], embedding: NodeEmbedding) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw EdgeListError(path: path, line: nil, message: "cannot read the file") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        let header = lines.next()?.split(separator: " ").compactMap { Int($0) } ?? []
        guard header.count == 2, header[0] >= 0, header[1] >= 1 else {
            throw EdgeListError(path: path, line: 1, message: "expected a header 'count dimensions'")
        }
        var names: [String] = []
        var vectors: [Float] = []
        vectors.reserveCapacity(header[0] * header[1])
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: " ")
            let values = fields.dropFirst().compactMap { Float($0) }
            guard fields.count == header[1] + 1, values.count == header[1] else {
                throw EdgeListError(
                    path: path, line: lineNumber, message: "expected a name and \(header[1]) numbers")
            }
            names.append(String(fields[0]))
            vectors += values
        }
        guard names.count == header[0] else {
            throw EdgeListError(
                path: path, line: nil, message: "the header promises \(header[0]) rows, found \(names.count)")
        }
        return (names, NodeEmbedding(count: header[0], dimensions: header[1], vectors: vectors))
    }
}
