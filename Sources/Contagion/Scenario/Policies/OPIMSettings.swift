/// `type: opim`: ``OPIM`` (OPIM-C, Tang, Tang, Xiao & Yuan 2018), `(1 − 1/e − ε)`-approximate
/// with probability `1 − δ`, stopping as soon as its own sets certify the seeds.
public struct OPIMSettings: SeedingPolicyEntry {
    public static let type = "opim"
    public static let summary =
        "reverse-reachable sets in two halves until the seeds' approximation ratio is certified (OPIM-C)"

    /// `ε`, the approximation slack, in (0, 1) (default 0.1).
    public var epsilon = 0.1
    /// `δ`, the failure probability, in (0, 1) (default `nil`: `1/n`).
    public var delta: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable { case epsilon, delta }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        epsilon = try c.decode(.epsilon, default: epsilon)
        try c.check(epsilon > 0 && epsilon < 1, .epsilon, "must be in (0, 1)", got: epsilon)
        delta = try c.decodeIfPresent(Double.self, forKey: .delta)
        if let delta { try c.check(delta > 0 && delta < 1, .delta, "must be in (0, 1)", got: delta) }
    }

    public func makePolicy(name: String) -> any SeedingPolicy { OPIM(name: name, epsilon: epsilon, delta: delta) }

    /// Bounded by IMM's sets at the same ε (OPIM-C stops at or before the worst-case sample,
    /// and in practice far earlier), plus the validation half.
    public func selectionBytes(budget: Int, in context: MemoryContext) -> Double {
        1.5
            * SelectionMemory.immBytes(
                pilot: context.pilotSets, graph: context.world.graph, count: budget, epsilon: epsilon, ell: 1)
    }
}
