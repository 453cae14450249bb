import Foundation
import Testing

@testable import Contagion

/// User segments under the Manhattan distance: k-medians, against values worked by hand.
@Suite struct KMediansTests {
    /// One cluster: the centroid is the median (the lower middle of an even count), not the mean.
    @Test func oneClusterIsTheMedian() {
        var rng = Xoshiro256StarStar(seed: 1)
        let points: [Float] = [0, 5, 1, 7, 2, 6, 100, 900]  // four 2-D points
        let medians = KMeans(points: points, dimension: 2, clusters: 1, distance: .manhattan, using: &rng)
        // x: 0, 1, 2, 100 → lower middle 1; y: 5, 6, 7, 900 → 6.
        #expect(medians.centroids == [1, 6])
        let means = KMeans(points: points, dimension: 2, clusters: 1, using: &rng)
        #expect(means.centroids == [25.75, 229.5])
    }

    /// Two groups, each with a straggler that drags its mean but not its median: k-medians
    /// centres them at 1 and 101 (lower middles), k-means at 2.25 and 103.25, from any seeding.
    @Test func twoGroupsTakeTheirMedians() {
        let points: [Float] = [0, 1, 2, 6, 100, 101, 102, 110]
        for seed: UInt64 in 1...5 {
            for (distance, centres) in [(KMeans.Distance.manhattan, [1, 101]), (.euclidean, [2.25, 103.25])]
                as [(KMeans.Distance, [Float])]
            {
                var rng = Xoshiro256StarStar(seed: seed)
                let clusters = KMeans(points: points, dimension: 1, clusters: 2, distance: distance, using: &rng)
                let left = Int(clusters.assignments[0])
                #expect(
                    clusters.assignments.map { Int($0) == left } == [
                        true, true, true, true, false, false, false, false,
                    ])
                #expect(
                    [clusters.centroids[left], clusters.centroids[1 - left]] == centres, "seed \(seed), \(distance)")
            }
        }
    }

    @Test func resultsDoNotDependOnThreads() {
        var source = Xoshiro256StarStar(seed: 4)
        let points = (0..<3_000).map { _ in Float(source.nextUnit()) }
        var a = Xoshiro256StarStar(seed: 2)
        var b = Xoshiro256StarStar(seed: 2)
        let one = KMeans(points: points, dimension: 3, clusters: 6, distance: .manhattan, threads: 1, using: &a)
        let two = KMeans(points: points, dimension: 3, clusters: 6, distance: .manhattan, threads: 2, using: &b)
        #expect(one.assignments == two.assignments && one.centroids == two.centroids)
    }
}
