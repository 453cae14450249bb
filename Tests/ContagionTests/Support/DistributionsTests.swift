import Foundation
import Testing

@testable import Contagion

/// Sample means of `draws` variates must lie within 5 standard errors of the true mean, where
/// the standard error is √(variance / draws) from the distribution's closed-form variance.
@Suite struct DistributionsTests {
    static let draws = 20_000

    static func expectMean(
        _ values: [Double], mean: Double, variance: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let sampleMean = values.reduce(0, +) / Double(values.count)
        let standardError = (variance / Double(values.count)).squareRoot()
        #expect(
            abs(sampleMean - mean) < 5 * standardError, "mean \(sampleMean), expected \(mean) ± \(5 * standardError)",
            sourceLocation: sourceLocation)
    }
}

// MARK: - Continuous distributions

extension DistributionsTests {
    @Test func normalHasMeanZeroAndUnitVariance() {
        var rng = Xoshiro256StarStar(seed: 1)
        let values = (0..<Self.draws).map { _ in Distributions.normal(using: &rng) }
        Self.expectMean(values, mean: 0, variance: 1)
        // Z² has mean 1 and variance 2, so the mean of n squares has standard error √(2 / n).
        let meanSquare = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        #expect(abs(meanSquare - 1) < 5 * (2.0 / Double(values.count)).squareRoot())
    }

    @Test func logNormalHasItsClosedFormMean() {
        var rng = Xoshiro256StarStar(seed: 2)
        let (mu, sigma) = (1.0, 0.5)
        let values = (0..<Self.draws).map { _ in Distributions.logNormal(mu: mu, sigma: sigma, using: &rng) }
        let mean = exp(mu + sigma * sigma / 2)
        let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        Self.expectMean(values, mean: mean, variance: variance)
        #expect(values.allSatisfy { $0 > 0 })
    }

    /// Gamma(a, 1) has mean a and variance a; shapes below 1 take the boosting branch.
    @Test(arguments: [0.3, 0.5, 1.0, 2.5, 10.0])
    func gammaHasMeanAndVarianceEqualToItsShape(shape: Double) {
        var rng = Xoshiro256StarStar(seed: 3)
        let values = (0..<Self.draws).map { _ in Distributions.gamma(shape: shape, using: &rng) }
        Self.expectMean(values, mean: shape, variance: shape)
        #expect(values.allSatisfy { $0 >= 0 && $0.isFinite })
    }

    /// Beta(α, β): mean α/(α+β), variance αβ/((α+β)²(α+β+1)).
    @Test(arguments: [(2.0, 5.0), (0.5, 0.5), (1.0, 1.0), (8.0, 2.0)])
    func betaHasItsClosedFormMean(alpha: Double, beta: Double) {
        var rng = Xoshiro256StarStar(seed: 4)
        let values = (0..<Self.draws).map { _ in Distributions.beta(alpha: alpha, beta: beta, using: &rng) }
        let sum = alpha + beta
        Self.expectMean(values, mean: alpha / sum, variance: alpha * beta / (sum * sum * (sum + 1)))
        #expect(values.allSatisfy { (0...1).contains($0) })
    }

    /// Dirichlet(α): component k has mean α_k/α₀ and variance α_k(α₀ − α_k)/(α₀²(α₀ + 1)).
    @Test func dirichletComponentsHaveTheirClosedFormMeans() {
        let alpha = [1.0, 2.0, 3.0, 0.5]
        let total = alpha.reduce(0, +)
        var rng = Xoshiro256StarStar(seed: 5)
        var result = [Double](repeating: 0, count: alpha.count)
        var samples: [[Double]] = Array(repeating: [], count: alpha.count)
        for _ in 0..<Self.draws {
            Distributions.dirichlet(alpha, into: &result, using: &rng)
            #expect(abs(result.reduce(0, +) - 1) < 1e-12)
            for k in alpha.indices { samples[k].append(result[k]) }
        }
        for k in alpha.indices {
            Self.expectMean(
                samples[k], mean: alpha[k] / total,
                variance: alpha[k] * (total - alpha[k]) / (total * total * (total + 1)))
        }
    }

    @Test func dirichletGivesAllMassToTheLargestParameterWhenEveryDrawUnderflows() {
        // Gamma(1e-200) = Gamma(1 + 1e-200)·U^(1e200), which is 0 for every U < 1.
        var rng = Xoshiro256StarStar(seed: 6)
        var result = [Double](repeating: -1, count: 3)
        Distributions.dirichlet([1e-200, 3e-200, 2e-200], into: &result, using: &rng)
        #expect(result == [0, 1, 0])
    }

    /// Failures before the first success of Bernoulli(p): mean (1 − p)/p, variance (1 − p)/p².
    @Test(arguments: [0.05, 0.5, 0.9])
    func geometricSkipHasTheGeometricMean(p: Double) {
        var rng = Xoshiro256StarStar(seed: 7)
        let values = (0..<Self.draws).map { _ in
            Double(Distributions.geometricSkip(logOneMinusP: log1p(-p), using: &rng))
        }
        Self.expectMean(values, mean: (1 - p) / p, variance: (1 - p) / (p * p))
        #expect(values.allSatisfy { $0 >= 0 })
    }
}

// MARK: - Shuffling

extension DistributionsTests {
    @Test(arguments: [0, 1, 2, 50])
    func fisherYatesShuffleIsAPermutation(count: Int) {
        var rng = Xoshiro256StarStar(seed: 8)
        var values = Array(0..<count)
        values.fisherYatesShuffle(using: &rng)
        #expect(values.sorted() == Array(0..<count))
    }

    @Test func fisherYatesShuffleMovesSomething() {
        var rng = Xoshiro256StarStar(seed: 8)
        var values = Array(0..<50)
        values.fisherYatesShuffle(using: &rng)
        #expect(values != Array(0..<50))
    }

    @Test func fisherYatesShuffleIsReproducible() {
        var a = Xoshiro256StarStar(seed: 9)
        var b = Xoshiro256StarStar(seed: 9)
        var first = Array(0..<20)
        var second = Array(0..<20)
        first.fisherYatesShuffle(using: &a)
        second.fisherYatesShuffle(using: &b)
        #expect(first == second)
    }

    @Test func fisherYatesShuffleWorksOnASlice() {
        var rng = Xoshiro256StarStar(seed: 10)
        var values = Array(0..<10)
        values[3..<8].fisherYatesShuffle(using: &rng)
        #expect(Array(values[0..<3]) == [0, 1, 2])
        #expect(Array(values[8...]) == [8, 9])
        #expect(values[3..<8].sorted() == [3, 4, 5, 6, 7])
    }

    /// All 3! orders are equally likely: χ² with 5 degrees of freedom, band mean + 5σ = 5 + 5√10.
    @Test func fisherYatesShuffleIsUniformOverPermutations() {
        var rng = Xoshiro256StarStar(seed: 11)
        var counts: [[Int]: Int] = [:]
        let shuffles = 30_000
        for _ in 0..<shuffles {
            var values = [0, 1, 2]
            values.fisherYatesShuffle(using: &rng)
            counts[values, default: 0] += 1
        }
        #expect(counts.count == 6)
        let expected = Double(shuffles) / 6
        let chiSquare = counts.values.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 5 + 5 * 10.0.squareRoot())
    }
}
