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
