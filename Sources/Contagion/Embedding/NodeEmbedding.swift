import Foundation

/// One vector per node, row-major: the output of ``SkipGram`` or a word2vec file.
public struct NodeEmbedding: Sendable, Equatable {
    /// Number of nodes.
    public let count: Int
    /// Dimension of each vector.
    public let dimensions: Int
    /// The vectors, `count × dimensions`.
    public let vectors: [Float]

    /// An embedding from its row-major vectors.
    public init(count: Int, dimensions: Int, vectors: [Float]) {
        precondition(vectors.count == count * dimensions)
        self.count = count
        self.dimensions = dimensions
        self.vectors = vectors
    }

    /// The vector of `node`.
    public func vector(of node: Int) -> ArraySlice<Float> {
        vectors[(node * dimensions)..<((node + 1) * dimensions)]
    }

    /// The cosine similarity of two nodes' vectors.
    public func similarity(_ a: Int, _ b: Int) -> Float { VectorMath.cosine(vector(of: a), vector(of: b)) }

    /// The vectors scaled to unit length (zero vectors stay zero), so that dot products are cosines.
    public func normalised() -> NodeEmbedding {
        var unit = vectors
        for node in 0..<count {
            let row = (node * dimensions)..<((node + 1) * dimensions)
            let norm = unit[row].reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for index in row { unit[index] /= norm } }
        }
        return NodeEmbedding(count: count, dimensions: dimensions, vectors: unit)
    }

    /// The `k` nodes most similar to `node` by cosine, most similar first (ties by id),
    /// `node` itself excluded.
    ///
    /// - Complexity: O(n·d + n log k).
    public func nearestNeighbours(of node: Int, count k: Int) -> [Int] {
        let scores = (0..<count).map { $0 == node ? -Float.infinity : similarity(node, $0) }
        return TopK.indices(of: scores, count: min(k, count - 1))
    }
}
