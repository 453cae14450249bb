/// What a seeding policy maximises: the expected sum, over the users a campaign activates, of
/// what each is worth (`objective` of `imm`, `celf`, `opim` and of `rl` training).
///
/// With `w_v` the worth of user `v`, the objective of a seed set `S` is
/// `σ_w(S) = Σ_v w_v · P(v active | S)` in the model's live-edge form: a non-negative weighted
/// sum of coverage functions, so it is monotone submodular and every guarantee of the greedy,
/// IMM and OPIM-C carries over with the total worth `W = Σ_v w_v` in place of `n` (reverse-
/// reachable sets draw their root with probability `w_v / W`, and `W` times the fraction of
/// sets a seed set covers estimates `σ_w` without bias).
public enum SpreadObjective: String, Sendable, Codable, CaseIterable {
    /// `w_v = 1`: the expected number of adopters (the default).
    case adopters
    /// `w_v = p_buy(v)`, the user's purchase probability after a click on the item.
    case purchases
    /// `w_v = p_buy(v) · price`: the revenue the adopters' purchases bring.
    case revenue

    /// Each user's worth under the objective in `model`, or `nil` (every user worth one) for
    /// `adopters`.
    ///
    /// - Throws: ``SeedingError`` naming `policy` when the objective counts purchases and the
    ///   model has none (only `content_aware` has a purchase stage), or no user is worth anything.
    func worth(in model: CompiledModel, policy: String) throws -> NodeWeights? {
        guard self != .adopters else { return nil }
        guard let purchases = model.visit(PurchaseReader()) else {
            throw SeedingError(
                "policy '\(policy)': objective '\(rawValue)' needs a model with purchases (content_aware), not \(model.name)"
            )
        }
        let worth = self == .purchases ? purchases.probabilities : purchases.probabilities.map { $0 * purchases.price }
        guard let largest = worth.max(), largest > 0, worth.reduce(0, +).isFinite else {
            throw SeedingError(
                "policy '\(policy)': objective '\(rawValue)': no user is worth anything (largest \(worth.max() ?? 0))")
        }
        return NodeWeights(worth: worth)
    }
}

/// Reads a compiled model's purchase stage.
private struct PurchaseReader: DiffusionModelVisitor {
    func visit<Model: DiffusionModel>(_ model: Model) -> PurchaseStage? { model.purchaseStage }
}

/// A model's purchase stage for one item: who buys after a click, and at what price.
public struct PurchaseStage: Sendable, Equatable {
    /// Per user, the probability that a click leads to a purchase.
    public var probabilities: [Double]
    /// The item's price.
    public var price: Double

    /// A stage with the given probabilities and price.
    public init(probabilities: [Double], price: Double) {
        self.probabilities = probabilities
        self.price = price
    }
}

/// The worth of every user, in the fixed point that keeps sums exact: user `v` is worth
/// `units(v) · unitValue`.
///
/// Integer units make a coverage sum the same whatever order threads add it in, so weighted
/// greedy picks the same seeds at any thread count. The largest worth is `2³⁰` units, so a
/// user's worth is rounded by at most `2⁻³¹` of the largest; a user rounded to 0 units is
/// never a root and adds nothing.
public struct NodeWeights: Sendable {
    /// Units per user; `nil` when every user is one unit (the adopters objective).
    public let units: [UInt32]?
    /// The worth of one unit.
    public let unitValue: Double
    /// `W`: the summed worth of all users, the objective when everyone is active.
    public let total: Double
    /// The largest worth of one user: a lower bound on the optimum of any non-empty seed set.
    public let maximum: Double
    /// Draws a user with probability proportional to its units (`nil`: uniformly).
    let roots: AliasTable?

    /// Units of the largest worth.
    static let scale = Double(1 << 30)

    /// Every one of `nodeCount` users worth one.
    public init(unitsFor nodeCount: Int) {
        units = nil
        unitValue = 1
        total = Double(nodeCount)
        maximum = 1
        roots = nil
    }

    /// The users worth `worth` (non-negative, finite, not all 0).
    public init(worth: [Double]) {
        let largest = worth.max() ?? 0
        precondition(largest > 0 && largest.isFinite && worth.allSatisfy { $0 >= 0 }, "worth must be ≥ 0, not all 0")
        let units = worth.map { UInt32(($0 / largest * Self.scale).rounded()) }
        self.units = units
        unitValue = largest / Self.scale
        total = Double(units.reduce(0) { $0 + Int($1) }) * unitValue
        maximum = largest
        roots = AliasTable(weights: units.map(Double.init))
    }

    /// The units of `node`.
    @inline(__always)
    func units(of node: Int) -> Int { units.map { Int($0[node]) } ?? 1 }

    /// The worth of `node`.
    public func value(of node: Int) -> Double { Double(units(of: node)) * unitValue }

    /// The summed worth of the `count` most valuable users: a lower bound on the optimum of `count` seeds.
    public func largestSum(_ count: Int) -> Double {
        guard let units else { return Double(count) }
        return Double(units.sorted(by: >).prefix(count).reduce(0) { $0 + Int($1) }) * unitValue
    }
}
