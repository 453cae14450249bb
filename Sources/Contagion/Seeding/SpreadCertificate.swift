import Foundation

/// What two independent collections of RR sets certify about a seed set `S` chosen on the
/// first (Tang, Tang, Xiao & Yuan, "Online processing algorithms for influence
/// maximization", SIGMOD 2018): a lower bound on `σ(S)`, an upper bound on the optimum
/// `σ(S°)` of any set of the same size, and their ratio — an approximation guarantee for this
/// instance, usually far better than the worst case `1 − 1/e`.
///
/// With `Λ₂` the sets of the second collection (`θ₂` of them) that `S` covers, `Λ₁ᵘ` an upper
/// bound on the sets of the first (`θ₁`) the optimum covers, and `a` the log of the inverse
/// failure probability given to each bound:
///
///     σˡ(S)  = ((√(Λ₂ + 2a/9) − √(a/2))² − a/18) · n/θ₂
///     σᵘ(S°) =  (√(Λ₁ᵘ + a/2) + √(a/2))² · n/θ₁
///
/// each holds with probability at least `1 − e^−a` (martingale concentration bounds). For a
/// weighted objective (``SpreadObjective``) the sets' roots are drawn by worth and `W` takes
/// the place of `n` (the sets' ``ReverseReachableSets/scale``). The
/// upper bound holds on any collection, whatever chose the seeds; the lower bound needs sets
/// the seeds were not chosen on, so a policy with one collection (IMM) certifies only the
/// optimum.
public struct SpreadCertificate: Sendable, Equatable {
    /// A lower bound on the seeds' expected spread (users, or the objective's unit); `nil`
    /// without independent sets.
    public var spreadLowerBound: Double?
    /// An upper bound on the expected spread of the best set of the same size (users, or the
    /// objective's unit).
    public var optimumUpperBound: Double

    /// The certified approximation ratio, `σˡ(S) / σᵘ(S°)`, when there is a lower bound; at
    /// most 1 (the two bounds come from different sets, so their quotient could pass it).
    public var ratio: Double? {
        spreadLowerBound.map { optimumUpperBound > 0 ? min(1, $0 / optimumUpperBound) : 0 }
    }

    /// The upper bound on the optimum alone, from `optimumCoverageBound` of `selectionSets`
    /// whose scale is `n` (or `W`).
    public init(scale: Double, optimumCoverageBound: Int, selectionSets: Int, a: Double) {
        let upperCount = pow((Double(optimumCoverageBound) + a / 2).squareRoot() + (a / 2).squareRoot(), 2)
        // No set reaches more than everyone.
        optimumUpperBound = min(scale, upperCount * scale / Double(max(selectionSets, 1)))
    }

    /// The bounds for sets of scale `n` (or `W`) from the counts above; `a` = ln(1/failure
    /// probability) of each.
    public init(
        scale: Double, validationCoverage: Int, validationSets: Int, optimumCoverageBound: Int, selectionSets: Int,
        a: Double
    ) {
        self.init(scale: scale, optimumCoverageBound: optimumCoverageBound, selectionSets: selectionSets, a: a)
        let root = max(0, (Double(validationCoverage) + 2 * a / 9).squareRoot() - (a / 2).squareRoot())
        spreadLowerBound = max(0, root * root - a / 18) * scale / Double(max(validationSets, 1))
    }
}
