import Testing

@testable import Contagion

@Suite struct TieStrengthTests {
    @Test func constantStrength() {
        var rng = Xoshiro256StarStar(seed: 1)
        let distribution = TieStrengthDistribution.constant(0.75)
        #expect((0..<100).map { _ in distribution.sample(using: &rng) }.allSatisfy { $0 == 0.75 })
    }

    @Test func uniformStrengthsStayInRangeWithTheRightMean() {
        var rng = Xoshiro256StarStar(seed: 2)
        let distribution = TieStrengthDistribution.uniform(min: 0.2, max: 0.6)
        let values = (0..<20_000).map { _ in Double(distribution.sample(using: &rng)) }
        #expect(values.allSatisfy { $0 >= 0.2 && $0 <= 0.6 })
        // Uniform on [a, b]: mean (a + b)/2, variance (b − a)²/12.
        let standardError = (0.16 / 12 / Double(values.count)).squareRoot()
        #expect(abs(values.reduce(0, +) / Double(values.count) - 0.4) < 5 * standardError)
    }

    @Test func betaStrengthsAreFlooredAboveZero() {
        // Beta(0.05, 5) puts most of its mass below 10⁻³, so the floor is hit often.
        var rng = Xoshiro256StarStar(seed: 3)
        let distribution = TieStrengthDistribution.beta(alpha: 0.05, beta: 5)
        let values = (0..<2_000).map { _ in distribution.sample(using: &rng) }
        #expect(values.allSatisfy { $0 >= 1e-3 && $0 <= 1 })
        #expect(values.contains(Float(1e-3)))
    }
}
