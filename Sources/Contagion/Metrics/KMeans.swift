/// Lloyd's k-means with k-means++ seeding (Arthur & Vassilvitskii 2007): `k` centroids that
/// locally minimise the summed squared distance of points to their nearest centroid.
///
/// The assignment step runs on `threads` threads over a fixed number of chunks whose partial
/// sums are merged in chunk order, so the result does not depend on the thread count. An
/// emptied cluster keeps its previous centroid. Ties go to the lower cluster index.
///
/// - Complexity: O(n·k·d) per iteration and for the seeding; memory O((n + k)·d).
public struct KMeans: Sendable {
    /// Number of clusters.
    public let clusterCount: Int
    /// The centroids, row-major (`k × d`).
    public let centroids: [Float]
    /// Each point's cluster, in 0..<k.
    public let assignments: [Int32]
    /// Lloyd iterations run (the last one changed nothing, unless the limit stopped it).
    public let iterations: Int

    private static let chunkCount = 64

    /// Clusters `points` (row-major, `dimension` columns) into `clusters` groups.
    ///
    /// - Parameters:
    ///   - clusters: `k`, at least 1; more clusters than points leaves some empty.
    ///   - rng: the k-means++ draws.
    public init(
        points: [Float], dimension d: Int, clusters: Int, maximumIterations: Int = 100, threads: Int = 1,
        using rng: inout Xoshiro256StarStar
    ) {
        precondition(clusters >= 1 && d >= 1 && points.count % d == 0)
        let n = points.count / d
        clusterCount = clusters
        var centroids = Self.seeds(points: points, dimension: d, clusters: clusters, using: &rng)
        var assignments = [Int32](repeating: -1, count: n)
        var iterations = 0
        let chunk = (n + Self.chunkCount - 1) / Self.chunkCount
        while iterations < maximumIterations {
            iterations += 1
            let current = centroids
            let parts = Parallel.map(count: Self.chunkCount, threads: threads, makeWorkspace: {}) {
                part, _ -> (labels: [Int32], sums: [Double], sizes: [Int]) in
                let range = min(n, part * chunk)..<min(n, (part + 1) * chunk)
                var sums = [Double](repeating: 0, count: clusters * d)
                var sizes = [Int](repeating: 0, count: clusters)
                let labels = range.map { point -> Int32 in
                    let label = Self.nearest(points, point, current, clusters, d)
                    sizes[label] += 1
                    for j in 0..<d { sums[label * d + j] += Double(points[point * d + j]) }
                    return Int32(label)
                }
                return (labels, sums, sizes)
            }
            var changed = false
            var sums = [Double](repeating: 0, count: clusters * d)
            var sizes = [Int](repeating: 0, count: clusters)
            for (part, result) in parts.enumerated() {
                for (offset, label) in result.labels.enumerated() where assignments[part * chunk + offset] != label {
                    assignments[part * chunk + offset] = label
                    changed = true
                }
                for index in sums.indices { sums[index] += result.sums[index] }
                for cluster in 0..<clusters { sizes[cluster] += result.sizes[cluster] }
            }
            for cluster in 0..<clusters where sizes[cluster] > 0 {
                for j in 0..<d { centroids[cluster * d + j] = Float(sums[cluster * d + j] / Double(sizes[cluster])) }
            }
            if !changed { break }
        }
        self.centroids = centroids
        self.assignments = assignments
        self.iterations = iterations
    }

    /// k-means++: the first centroid uniformly, each next one with probability proportional to
    /// the squared distance to the nearest centroid so far.
    private static func seeds(
        points: [Float], dimension d: Int, clusters: Int, using rng: inout Xoshiro256StarStar
    ) -> [Float] {
        let n = points.count / d
        guard n > 0 else { return [Float](repeating: 0, count: clusters * d) }
        var centroids: [Float] = []
        var distances = [Double](repeating: .infinity, count: n)
        var chosen = rng.nextIndex(below: n)
        for _ in 0..<clusters {
            let centre = Array(points[(chosen * d)..<((chosen + 1) * d)])
            centroids += centre
            var total = 0.0
            for point in 0..<n {
                var distance = 0.0
                for j in 0..<d {
                    let delta = Double(points[point * d + j] - centre[j])
                    distance += delta * delta
                }
                distances[point] = min(distances[point], distance)
                total += distances[point]
            }
            guard total > 0 else {
                chosen = rng.nextIndex(below: n)
                continue
            }
            var target = rng.nextUnit() * total
            chosen = n - 1
            for point in 0..<n {
                target -= distances[point]
                if target < 0 {
                    chosen = point
                    break
                }
            }
        }
        return centroids
    }

    private static func nearest(_ points: [Float], _ point: Int, _ centroids: [Float], _ k: Int, _ d: Int) -> Int {
        var best = 0
        var bestDistance = Float.infinity
        for cluster in 0..<k {
            var distance: Float = 0
            for j in 0..<d {
                let delta = points[point * d + j] - centroids[cluster * d + j]
                distance += delta * delta
            }
            if distance < bestDistance {
                best = cluster
                bestDistance = distance
            }
        }
        return best
    }
}
