import Foundation

/// `type: opim`: ``OPIM`` (OPIM-C, Tang, Tang, Xiao & Yuan 2018), `(1 − 1/e − ε)`-approximate
/// with probability `1 − δ`, stopping as soon as its own sets certify the seeds.
public struct OPIMSettings: SeedingPolicyEntry {
    public static let type = "opim"
    public static let summary =
        "reverse-reachable sets in two halves until the seeds' approximation ratio is certified (OPIM-C)"

    /// `ε`, the approximation slack, in (0, 1 − 1/e) (default 0.1): at or above 1 − 1/e there
    /// is nothing left to certify.
    public var epsilon = 0.1
    /// `δ`, the failure probability, in (0, 1) (default `nil`: `1/n`).
    public var delta: Double?
    /// What the seeds maximise: `adopters` (default), `purchases` or `revenue`.
    public var objective = SpreadObjective.adopters

    public enum CodingKeys: String, CodingKey, CaseIterable { case epsilon, delta, objective }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        epsilon = try c.decode(.epsilon, default: epsilon)
        try c.check(
            epsilon > 0 && epsilon < 1 - 1 / M_E, .epsilon, "must be in (0, 1 − 1/e ≈ 0.632)", got: epsilon)
        delta = try c.decodeIfPresent(Double.self, forKey: .delta)
        if let delta { try c.check(delta > 0 && delta < 1, .delta, "must be in (0, 1)", got: delta) }
        objective = try c.decode(.objective, default: objective)
    }

    public func makePolicy(name: String) -> any SeedingPolicy {
        OPIM(name: name, epsilon: epsilon, delta: delta, objective: objective)
    }

    /// Its typical need: 1.5 × IMM's predicted sets at the same ε (both halves). OPIM-C usually
    /// stops long before that (15–41× fewer sets on BA 100k); a run that cannot certify early
    /// draws more, up to `2·θ₀·n/(k·ε²)` sets — not what this estimates.
    public func selectionBytes(budget: Int, in context: MemoryContext) -> Double {
        let pilot = context.pilot(for: objective)
        return 1.5
            * SelectionMemory.immBytes(
                pilot: pilot.sets, graph: context.world.graph, count: budget, epsilon: epsilon, ell: 1,
                smallestOptimum: pilot.weights.maximum)
    }
}
