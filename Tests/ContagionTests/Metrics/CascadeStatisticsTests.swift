import Testing

@testable import Contagion

@Suite struct CascadeStatisticsTests {
    @Test(arguments: [2, 3, 10, 100])
    func starViralityIsTwoTimesNMinusOneOverN(n: Int) {
        let shape = CascadeTreeShape(parents: [-1] + [Int32](repeating: 0, count: n - 1))
        #expect(abs(shape.structuralVirality - 2 * Double(n - 1) / Double(n)) < 1e-12)
        #expect(shape.depth == 1)
        #expect(shape.maximumBreadth == n - 1)
    }

    @Test(arguments: [2, 5, 50])
    func pathViralityIsNPlusOneOverThree(n: Int) {
        let shape = CascadeTreeShape(parents: [-1] + (0..<(n - 1)).map { Int32($0) })
        #expect(abs(shape.structuralVirality - Double(n + 1) / 3) < 1e-9)
        #expect(shape.depth == n - 1)
        #expect(shape.maximumBreadth == 1)
    }

    /// Against the definition: mean over pairs of BFS distances, on a random tree.
    @Test func viralityMatchesAllPairsDistances() {
        var rng = Xoshiro256StarStar(seed: 8)
        let n = 40
        let parents: [Int32] = [-1] + (1..<n).map { Int32(rng.nextIndex(below: $0)) }
        var adjacency = [[Int]](repeating: [], count: n)
        for child in 1..<n {
            adjacency[child].append(Int(parents[child]))
            adjacency[Int(parents[child])].append(child)
        }
        var total = 0
        for source in 0..<n {
            var distance = [Int](repeating: -1, count: n)
            distance[source] = 0
            var queue = [source]
            while !queue.isEmpty {
                let u = queue.removeFirst()
                for v in adjacency[u] where distance[v] < 0 {
                    distance[v] = distance[u] + 1
                    queue.append(v)
                }
            }
            total += distance.reduce(0, +)
        }
        let mean = Double(total) / Double(n * (n - 1))
        #expect(abs(CascadeTreeShape(parents: parents).structuralVirality - mean) < 1e-9)
    }

    /// Two seeds: pairs are counted within each tree only.
    @Test func forestViralityAveragesPairsWithinTrees() {
        // Tree A: 0 - 1 (one pair, distance 1); tree B: 2 - 3 - 4 path (pairs 1, 1, 2).
        let shape = CascadeTreeShape(parents: [-1, 0, -1, 2, 3])
        #expect(abs(shape.structuralVirality - 5.0 / 4.0) < 1e-12)
        #expect(shape.maximumBreadth == 2)
    }

    @Test func peakStepAndDuration() {
        let model = IndependentCascade(graph: Fixture.star(leaves: 5), probabilities: UniformArcProbability(1))
        let statistics = CascadeStatistics(Fixture.record(model, seeds: [1]))
        #expect(statistics.adopters == 6)
        #expect(statistics.peakStep == 2)
        #expect(statistics.duration == 2)
        #expect(statistics.exposed == 6)
    }
}
