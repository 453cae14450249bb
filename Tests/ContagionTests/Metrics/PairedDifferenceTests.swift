import Foundation
import Testing

@testable import Contagion

/// The p-values, the Holm adjustment and the paired comparison against closed forms.
@Suite struct PairedDifferenceTests {
    /// `P(|T| ≥ t)` in closed form: ν = 1 (Cauchy) `1 − (2/π)·atan t`, ν = 2 `1 − t/√(t² + 2)`.
    @Test(arguments: [0.0, 0.3, 1.0, 2.5, 7.0, 40.0])
    func pValuesMatchClosedForms(t: Double) {
        #expect(abs(StudentT.twoSidedPValue(t, degreesOfFreedom: 1) - (1 - 2 / Double.pi * atan(t))) < 1e-10)
        #expect(abs(StudentT.twoSidedPValue(t, degreesOfFreedom: 2) - (1 - t / (t * t + 2).squareRoot())) < 1e-10)
        #expect(StudentT.twoSidedPValue(-t, degreesOfFreedom: 5) == StudentT.twoSidedPValue(t, degreesOfFreedom: 5))
    }

    /// At the 0.975 quantile the two-sided p-value is 0.05, for every degree of freedom.
    @Test func theQuantileHasPValueFivePercent() {
        for nu in [1, 2, 3, 5, 10, 29, 30, 31, 50, 100, 1000, 100_000] {
            let p = StudentT.twoSidedPValue(StudentT.quantile975(degreesOfFreedom: nu), degreesOfFreedom: nu)
            #expect(abs(p - 0.05) < 2e-6, "ν = \(nu): \(p)")
        }
        // A large ν is the normal: P(|Z| ≥ 3) = 0.0026998.
        #expect(abs(StudentT.twoSidedPValue(3, degreesOfFreedom: 1_000_000) - 0.0026998) < 1e-6)
        #expect(StudentT.twoSidedPValue(.infinity, degreesOfFreedom: 4) == 0)
    }

    /// Holm 1979 on four p-values, worked by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1
    /// gives 0.02, 0.03, 0.06, 0.04 → running maximum 0.02, 0.03, 0.06, 0.06.
    @Test func holmAdjustsByHand() {
        let adjusted = HolmAdjustment.adjust([0.01, 0.04, 0.03, 0.005])
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(value - expected) < 1e-12) }
        #expect(HolmAdjustment.adjust([0.5, .nan, 0.9]).map { $0.isNaN ? -1 : $0 } == [1, -1, 1])
        #expect(HolmAdjustment.adjust([]).isEmpty)
    }

    @Test func identicalAndShiftedSamples() {
        let a: [Double] = [3, 5, 4, 8, 1, 9]
        let same = PairedDifference(a, a)
        #expect(same.difference.mean == 0 && same.pValue == 1)
        #expect(abs(same.correlation - 1) < 1e-12)
        let shifted = PairedDifference(a.map { $0 + 2 }, a)
        #expect(shifted.difference.mean == 2 && shifted.pValue == 0)
        #expect(PairedDifference([1], [2]).pValue.isNaN)
    }

    /// Under "no difference" the test rejects at 5% about 5% of the time: 2,000 pairs of
    /// samples of 10 standard normals, rejections within 4 binomial standard errors of 100.
    @Test func falseRejectionsAreFivePercent() {
        var rng = Xoshiro256StarStar(seed: 3)
        var rejections = 0
        for _ in 0..<2000 {
            let a = (0..<10).map { _ in Distributions.normal(using: &rng) }
            let b = (0..<10).map { _ in Distributions.normal(using: &rng) }
            if PairedDifference(a, b).pValue < 0.05 { rejections += 1 }
        }
        #expect(abs(Double(rejections) - 100) < 4 * (2000 * 0.05 * 0.95).squareRoot(), "\(rejections)")
    }
}
