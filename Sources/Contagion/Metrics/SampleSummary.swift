import Foundation

/// Mean, standard deviation and a 95% confidence interval of a sample.
public struct SampleSummary: Sendable, Equatable {
    /// Number of observations.
    public var count: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator; NaN for fewer than two observations).
    public var standardDeviation: Double
    /// Lower end of the two-sided 95% Student-t confidence interval for the mean.
    public var lower95: Double
    /// Upper end of the two-sided 95% Student-t confidence interval for the mean.
    public var upper95: Double

    /// Summarises `values` (Welford's one-pass algorithm, stable for large counts).
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        var n = 0
        var mean = 0.0
        var squares = 0.0
        for x in values {
            n += 1
            let delta = x - mean
            mean += delta / Double(n)
            squares += delta * (x - mean)
        }
        count = n
        self.mean = n > 0 ? mean : .nan
        // One observation says nothing about spread: NaN (an empty CSV field), not a
        // zero-width interval.
        standardDeviation = n > 1 ? (squares / Double(n - 1)).squareRoot() : .nan
        let halfWidth =
            n > 1
            ? StudentT.quantile975(degreesOfFreedom: n - 1) * standardDeviation / Double(n).squareRoot()
            : .nan
        lower95 = self.mean - halfWidth
        upper95 = self.mean + halfWidth
    }

    /// The standard error of the mean.
    public var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : .nan }
}

/// Quantiles of Student's t distribution.
public enum StudentT {
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
        2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
        2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
        2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// The 0.975 quantile for `degreesOfFreedom` ≥ 1: exact table to 30, then the
    /// Cornish–Fisher expansion around the normal quantile (error below 10⁻⁵).
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1)
        if nu <= table.count { return table[nu - 1] }
        let z = 1.959963984540054
        let v = Double(nu)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}
