import Testing

@testable import Contagion

/// Gini, normalised mutual information and k-means against values worked by hand.
@Suite struct DatasetMetricsTests {
    @Test func giniMatchesTheMeanAbsoluteDifference() {
        #expect(giniCoefficient([5, 5, 5, 5]) == 0)
        #expect(abs(giniCoefficient([0, 0, 0, 8]) - 0.75) < 1e-12)  // (n − 1)/n
        // [1, 2, 3, 4]: Σ|xᵢ − xⱼ| over ordered pairs = 20; 20 / (2·n²·mean) = 20 / 80.
        #expect(abs(giniCoefficient([3, 1, 4, 2]) - 0.25) < 1e-12)
        #expect(giniCoefficient([]) == 0 && giniCoefficient([0, 0]) == 0)
    }

    @Test func mutualInformationOfKnownLabellings() {
        // Equal up to renaming.
        #expect(abs(normalizedMutualInformation([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1]) - 1) < 1e-12)
        // Independent: every (a, b) combination equally often.
        #expect(abs(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])) < 1e-12)
        // Worked with the entropy formulas (natural logarithms) in Python: 0.5588730382170326.
        let value = normalizedMutualInformation([0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2])
        #expect(abs(value - 0.5588730382170326) < 1e-12)
    }

    /// Three tight blobs far apart: k-means finds them whatever the seed and thread count,
    /// and its result is a Lloyd fixed point (each point with its nearest centroid, each
    /// centroid the mean of its points).
    @Test(arguments: [1, 2, 3]) func kMeansRecoversSeparatedBlobs(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let centres: [[Float]] = [[0, 0], [10, 0], [0, 10]]
        var points: [Float] = []
        var truth: [Int32] = []
        for index in 0..<300 {
            let blob = index % 3
            points += centres[blob].map { $0 + Float(rng.nextUnit() - 0.5) }
            truth.append(Int32(blob))
        }
        var first = Xoshiro256StarStar(seed: seed + 10)
        var second = first
        let one = KMeans(points: points, dimension: 2, clusters: 3, threads: 1, using: &first)
        let many = KMeans(points: points, dimension: 2, clusters: 3, threads: 4, using: &second)
        #expect(one.assignments == many.assignments && one.centroids == many.centroids)
        #expect(abs(normalizedMutualInformation(one.assignments, truth) - 1) < 1e-12)
        for cluster in 0..<3 {
            let members = (0..<300).filter { one.assignments[$0] == Int32(cluster) }
            for j in 0..<2 {
                let mean = members.reduce(Float(0)) { $0 + points[$1 * 2 + j] } / Float(members.count)
                #expect(abs(one.centroids[cluster * 2 + j] - mean) < 1e-3)
            }
        }
    }
}
