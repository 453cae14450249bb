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
