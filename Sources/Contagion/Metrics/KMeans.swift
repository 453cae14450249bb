/// Lloyd's k-means with k-means++ seeding (Arthur & Vassilvitskii 2007): `k` centroids that
/// locally minimise the summed squared distance of points to their nearest centroid; under the
/// Manhattan distance, k-medians: the summed `L1` distance, each centroid the coordinate-wise
/// median of its points (the lower middle value of an even count), seeded with probability
/// proportional to the `L1` distance.
///
/// The assignment step runs on `threads` threads over a fixed number of chunks whose partial
/// sums are merged in chunk order, so the result does not depend on the thread count. An
/// emptied cluster keeps its previous centroid. Ties go to the lower cluster index.
///
/// - Complexity: O(n·k·d) per iteration and for the seeding, plus O(n·d·log n) for the
///   medians; memory O((n + k)·d).
public struct KMeans: Sendable {
    /// How far a point is from a centroid.
    public enum Distance: String, Sendable, Codable, CaseIterable {
        /// `Σ_j (x_j − c_j)²` (k-means; centroids are means).
        case euclidean
        /// `Σ_j |x_j − c_j|` (k-medians; centroids are coordinate-wise medians).
        case manhattan

        /// The distance between `d` coordinates of `a` from `i` and of `b` from `j`.
        @inline(__always)
        func between(_ a: [Float], _ i: Int, _ b: [Float], _ j: Int, _ d: Int) -> Float {
            var total: Float = 0
            for k in 0..<d {
                let delta = a[i + k] - b[j + k]
                total += self == .euclidean ? delta * delta : abs(delta)
            }
            return total
        }
    }

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
    ///   - distance: squared Euclidean (k-means, the default) or Manhattan (k-medians).
    public init(
        points: [Float], dimension d: Int, clusters: Int, distance: Distance = .euclidean,
        maximumIterations: Int = 100, threads: Int = 1, using rng: inout Xoshiro256StarStar
    ) {
        precondition(clusters >= 1 && d >= 1 && points.count % d == 0)
        let n = points.count / d
        clusterCount = clusters
        var centroids = Self.seeds(points: points, dimension: d, clusters: clusters, distance: distance, using: &rng)
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
                    let label = Self.nearest(points, point, current, clusters, d, distance)
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
            switch distance {
            case .euclidean:
                for cluster in 0..<clusters where sizes[cluster] > 0 {
                    for j in 0..<d {
                        centroids[cluster * d + j] = Float(sums[cluster * d + j] / Double(sizes[cluster]))
                    }
                }
            case .manhattan:
                Self.medians(of: points, assignments: assignments, dimension: d, into: &centroids)
            }
            if !changed { break }
        }
        self.centroids = centroids
        self.assignments = assignments
        self.iterations = iterations
    }

    /// Each non-empty cluster's coordinate-wise median (the lower middle of an even count).
    private static func medians(
        of points: [Float], assignments: [Int32], dimension d: Int, into centroids: inout [Float]
    ) {
        var members = [[Int]](repeating: [], count: centroids.count / d)
        for (point, label) in assignments.enumerated() { members[Int(label)].append(point) }
        for (cluster, clusterPoints) in members.enumerated() where !clusterPoints.isEmpty {
            for j in 0..<d {
                let values = clusterPoints.map { points[$0 * d + j] }.sorted()
                centroids[cluster * d + j] = values[(values.count - 1) / 2]
            }
        }
    }

    /// k-means++: the first centroid uniformly, each next one with probability proportional to
    /// the distance to the nearest centroid so far (squared Euclidean, or Manhattan).
    private static func seeds(
        points: [Float], dimension d: Int, clusters: Int, distance measure: Distance,
        using rng: inout Xoshiro256StarStar
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
                    distance += measure == .euclidean ? delta * delta : abs(delta)
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

    private static func nearest(
        _ points: [Float], _ point: Int, _ centroids: [Float], _ k: Int, _ d: Int, _ measure: Distance
    ) -> Int {
        var best = 0
        var bestDistance = Float.infinity
        for cluster in 0..<k {
            let distance = measure.between(points, point * d, centroids, cluster * d, d)
            if distance < bestDistance {
                best = cluster
                bestDistance = distance
            }
        }
        return best
    }
}
