/// The paired comparison of two arms observed in the same replicates: the mean of
/// `a_r − b_r`, its 95% Student-t interval, the two-sided p-value of "no difference", and the
/// per-replicate correlation that made the interval narrow.
///
/// Because replicate `r` of every arm runs in the same ``PossibleWorld``, `Var(a − b) =
/// Var(a) + Var(b) − 2·Cov(a, b)`: the more the arms' seeds overlap, the higher the
/// correlation and the narrower the interval.
public struct PairedDifference: Sendable, Equatable {
    /// The summary of `a_r − b_r` over replicates.
    public var difference: SampleSummary
    /// Pearson's correlation of `a` and `b` over replicates (NaN when either is constant).
    public var correlation: Double
    /// `P(|T| ≥ |t|)` for `t = mean / standard error` with `n − 1` degrees of freedom; 1 when
    /// every difference is 0, 0 when they are equal and nonzero, NaN for fewer than two pairs.
    public var pValue: Double

    /// Compares `a` with `b`, replicate by replicate.
    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count)
        difference = SampleSummary(zip(a, b).map { $0 - $1 })
        correlation = Self.correlation(a, b)
        let n = difference.count
        if n < 2 {
            pValue = .nan
        } else if difference.standardDeviation == 0 {
            pValue = difference.mean == 0 ? 1 : 0
        } else {
            pValue = StudentT.twoSidedPValue(difference.mean / difference.standardError, degreesOfFreedom: n - 1)
        }
    }

    private static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard a.count > 1 else { return .nan }
        let meanA = a.reduce(0, +) / n
        let meanB = b.reduce(0, +) / n
        var (covariance, varianceA, varianceB) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) {
            covariance += (x - meanA) * (y - meanB)
            varianceA += (x - meanA) * (x - meanA)
            varianceB += (y - meanB) * (y - meanB)
        }
        guard varianceA > 0 && varianceB > 0 else { return .nan }
        return covariance / (varianceA * varianceB).squareRoot()
    }
}

/// Holm's step-down adjustment (Holm 1979) of a family of p-values: controls the
/// family-wise error rate at any level without assuming independence.
public enum HolmAdjustment {
    /// The adjusted p-values, in the input's order: with `p₍₁₎ ≤ … ≤ p₍ₘ₎`,
    /// `p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎)`. NaN inputs stay NaN and do not count in `m`.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = pValues
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(order.count - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
