import Testing

@testable import Contagion

@Suite struct AliasTableTests {
    @Test func drawsEachIndexInProportionToItsWeight() {
        let weights = [1.0, 0, 3, 0.5, 5.5]
        let table = AliasTable(weights: weights)
        var rng = Xoshiro256StarStar(seed: 4)
        let draws = 200_000
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<draws { counts[table.sample(using: &rng)] += 1 }
        let total = weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            let p = weight / total
            let standardError = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(counts[index]) / Double(draws) - p) <= 5 * standardError + 1e-12)
        }
        #expect(counts[1] == 0)
    }

    @Test func aSingleWeightAlwaysDrawsItsIndex() {
        let table = AliasTable(weights: [2])
        var rng = Xoshiro256StarStar(seed: 1)
        #expect((0..<100).allSatisfy { _ in table.sample(using: &rng) == 0 })
    }
}
