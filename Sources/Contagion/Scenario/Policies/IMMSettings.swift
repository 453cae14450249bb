/// `type: imm`: ``IMM`` (Tang, Shi & Xiao 2015), `(1 − 1/e − ε)`-approximate with probability `1 − n^−ℓ`.
public struct IMMSettings: SeedingPolicyEntry {
    public static let type = "imm"
    public static let summary = "maximum coverage of sampled reverse-reachable sets, (1 − 1/e − ε)-approximate"

    /// `ε`, the approximation slack, in (0, 1) (default 0.1).
    public var epsilon = 0.1
    /// `ℓ` > 0, the confidence exponent (default 1).
    public var ell = 1.0
    /// What the seeds maximise: `adopters` (default), `purchases` or `revenue`.
    public var objective = SpreadObjective.adopters

    public enum CodingKeys: String, CodingKey, CaseIterable { case epsilon, ell, objective }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        epsilon = try c.decode(.epsilon, default: epsilon)
        try c.check(epsilon > 0 && epsilon < 1, .epsilon, "must be in (0, 1)", got: epsilon)
        ell = try c.decodePositive(.ell, default: ell)
        objective = try c.decode(.objective, default: objective)
    }

    public func makePolicy(name: String) -> any SeedingPolicy {
        IMM(name: name, epsilon: epsilon, ell: ell, objective: objective)
    }

    /// Its RR sets and coverage index
    /// (``SelectionMemory/immBytes(pilot:graph:count:epsilon:ell:smallestOptimum:)``), on a pilot
    /// weighted by its objective.
    public func selectionBytes(budget: Int, in context: MemoryContext) -> Double {
        let pilot = context.pilot(for: objective)
        return SelectionMemory.immBytes(
            pilot: pilot.sets, graph: context.world.graph, count: budget, epsilon: epsilon, ell: ell,
            smallestOptimum: pilot.weights.maximum)
    }
}
