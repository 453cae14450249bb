import Foundation

/// Samplers for the continuous and discrete distributions the models draw from.
///
/// Each takes the generator explicitly (`using rng: inout some RandomNumberGenerator`) so that
/// every draw belongs to a named stream.
public enum Distributions {
    /// A standard normal variate by the Box–Muller transform.
    public static func normal(using rng: inout some RandomNumberGenerator) -> Double {
        let radius = (-2 * log(rng.nextOpenUnit())).squareRoot()
        return radius * cos(2 * Double.pi * rng.nextUnit())
    }

    /// A log-normal variate: `exp(μ + σ·Z)`.
    public static func logNormal(mu: Double, sigma: Double, using rng: inout some RandomNumberGenerator) -> Double {
        exp(mu + sigma * normal(using: &rng))
    }

    /// A Gamma(`shape`, 1) variate (Marsaglia & Tsang 2000; shape < 1 by the boost
    /// `Gamma(a) = Gamma(a + 1)·U^(1/a)`).
    public static func gamma(shape: Double, using rng: inout some RandomNumberGenerator) -> Double {
        precondition(shape > 0, "gamma shape must be positive")
        if shape < 1 {
            return gamma(shape: shape + 1, using: &rng) * pow(rng.nextOpenUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(using: &rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextOpenUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Beta(`alpha`, `beta`) variate as a ratio of Gamma variates.
    public static func beta(alpha: Double, beta: Double, using rng: inout some RandomNumberGenerator) -> Double {
        let x = gamma(shape: alpha, using: &rng)
        let y = gamma(shape: beta, using: &rng)
        return x / (x + y)
    }

    /// Writes a Dirichlet(`alpha`) variate into `result` (normalised Gamma variates).
    ///
    /// If every Gamma draw underflows to zero (tiny concentrations), the mass goes to the
    /// component with the largest parameter so that the result stays on the simplex.
    public static func dirichlet(
        _ alpha: [Double], into result: inout [Double], using rng: inout some RandomNumberGenerator
    ) {
        var total = 0.0
        for k in alpha.indices {
            result[k] = gamma(shape: alpha[k], using: &rng)
            total += result[k]
        }
        if total > 0 {
            for k in alpha.indices { result[k] /= total }
        } else {
            let top = alpha.indexOfFirstMaximum(by: <)
            for k in alpha.indices { result[k] = k == top ? 1 : 0 }
        }
    }

    /// The number of failures before the first success of Bernoulli(`p`) trials, by inversion.
    ///
    /// Used for geometric skipping over candidate pairs (Batagelj & Brandes 2005).
    @inline(__always)
    public static func geometricSkip(logOneMinusP: Double, using rng: inout some RandomNumberGenerator) -> Int {
        let skip = log(rng.nextOpenUnit()) / logOneMinusP
        return skip >= Double(Int.max / 2) ? Int.max / 2 : Int(skip)
    }

    /// The failures before the next success of Bernoulli(`p`) trials given the uniform `u` in
    /// (0, 1], `⌊log u / log(1 − p)⌋`, capped at `limit` (a value ≥ `limit` means "no success
    /// within the next `limit` trials"): the step of geometric skipping over arcs.
    ///
    /// - Parameter inverseLogFailure: `1 / log(1 − p)`.
    @inline(__always)
    public static func geometricFailures(_ u: Double, inverseLogFailure: Double, limit: Int) -> Int {
        let skip = log(u) * inverseLogFailure
        return skip < Double(limit) ? Int(skip) : limit
    }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
    /// Shuffles in place by Fisher–Yates with ``RandomNumberGenerator/nextIndex(below:)``.
    ///
    /// Spelled out rather than using the standard library's `shuffle(using:)`, whose draws
    /// are not promised to stay the same across toolchain versions.
    public mutating func fisherYatesShuffle(using rng: inout some RandomNumberGenerator) {
        guard count > 1 else { return }
        for i in stride(from: endIndex - 1, to: startIndex, by: -1) {
            let j = startIndex + rng.nextIndex(below: i - startIndex + 1)
            swapAt(i, j)
        }
    }
}
