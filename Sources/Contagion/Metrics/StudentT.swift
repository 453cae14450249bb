import Foundation

/// Student's t distribution: the quantile behind every 95% interval and the p-value of
/// every paired test.
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

    /// The two-sided p-value `P(|T| ≥ |t|)` for `T` with `degreesOfFreedom` ≥ 1:
    /// `I_{ν/(ν+t²)}(ν/2, 1/2)`, the regularised incomplete beta function.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1)
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        let v = Double(nu)
        return IncompleteBeta.regularized(x: v / (v + t * t), a: v / 2, b: 0.5)
    }
}

/// The regularised incomplete beta function `I_x(a, b)`.
enum IncompleteBeta {
    /// `I_x(a, b)` for `x` in [0, 1] and `a, b > 0`, by the continued fraction of
    /// Abramowitz & Stegun 26.5.8 (evaluated with the modified Lentz method), applied on the
    /// side of `(a + 1)/(a + b + 2)` where it converges fast; relative error below 10⁻¹².
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) { return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a }
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var result = d
        for m in 1...300 {
            let m = Double(m)
            for numerator in [
                m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
            ] {
                d = 1 + numerator * d
                d = 1 / (abs(d) < tiny ? tiny : d)
                c = 1 + numerator / c
                if abs(c) < tiny { c = tiny }
                result *= d * c
            }
            if abs(d * c - 1) < 1e-15 { break }
        }
        return result
    }
}
