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

/// The largest entries of a score array.
public enum TopK {
    /// The indices of the `k` largest `scores`, largest first, ties broken by the lower index;
    /// indices where `isExcluded` holds are skipped.
    ///
    /// - Complexity: O(n log k).
    public static func indices(of scores: [Float], count k: Int, excluding isExcluded: (Int) -> Bool = { _ in false })
        -> [Int]
    {
        guard k > 0 else { return [] }
        // A min-heap of the best k so far, ordered by (score, −index).
        var heap: [(score: Float, index: Int)] = []
        heap.reserveCapacity(k)
        func worse(_ a: (score: Float, index: Int), _ b: (score: Float, index: Int)) -> Bool {
            a.score < b.score || (a.score == b.score && a.index > b.index)
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                if left >= heap.count { return }
                var child = left
                if left + 1 < heap.count && worse(heap[left + 1], heap[left]) { child = left + 1 }
                if !worse(heap[child], heap[parent]) { return }
                heap.swapAt(child, parent)
                parent = child
            }
        }
        for (index, score) in scores.enumerated() where !isExcluded(index) {
            let entry = (score: score, index: index)
            if heap.count < k {
                heap.append(entry)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if !worse(heap[child], heap[parent]) { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if worse(heap[0], entry) {
                heap[0] = entry
                siftDown(0)
            }
        }
        return heap.sorted { worse($1, $0) }.map(\.index)
    }
}
