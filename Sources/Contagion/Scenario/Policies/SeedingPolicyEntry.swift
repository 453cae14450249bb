/// A seeding policy's scenario entry: its keys in a `policies` item (``ScenarioEntry``; every
/// item also takes `name` and `k`) and how it builds the ``SeedingPolicy``.
public protocol SeedingPolicyEntry: ScenarioEntry {
    /// The policy object, labelled `name` in outputs.
    ///
    /// - Throws: ``ScenarioError`` when the settings cannot make a policy (an `rl` policy whose
    ///   file was not read).
    func makePolicy(name: String) throws -> any SeedingPolicy

    /// The most seeds the policy can give, and why (`explicit`: the users listed): its `k`
    /// defaults to it and may not exceed it; `nil` (the default) for no limit of its own.
    var budgetLimit: BudgetLimit? { get }

    /// Whether the policy needs the graph embedding (default `false`).
    var usesEmbedding: Bool { get }

    /// What the policy maximises (default `adopters`; `imm`, `celf` and `opim` take an
    /// `objective` key).
    var objective: SpreadObjective { get }

    /// The bytes the policy holds while it chooses `budget` seeds, beyond the world (default 0:
    /// a ranking's few arrays of `n`).
    func selectionBytes(budget: Int, in context: MemoryContext) -> Double

    /// Where `scenario` plays the policy outside the setting it was built for, one sentence
    /// each (an `rl` policy played under another model, budget, content mode or rounds than
    /// it was trained with); `budgets` and `rounds` are the policy's own, and `choosesItems`
    /// whether it chooses each seed's item (its own pairs in a joint campaign). Default: none.
    func playNotes(in scenario: Scenario, budgets: Budgets, rounds: Int, choosesItems: Bool) -> [String]
}

/// The largest budget a policy's own settings allow.
public struct BudgetLimit: Sendable, Equatable {
    /// The most seeds.
    public var count: Int
    /// What limits them, as the error message says it (`the 3 users listed`).
    public var reason: String
}

extension SeedingPolicyEntry {
    // MARK: - Default implementations

    public var budgetLimit: BudgetLimit? { nil }

    public var usesEmbedding: Bool { false }

    public var objective: SpreadObjective { .adopters }

    public func playNotes(in scenario: Scenario, budgets: Budgets, rounds: Int, choosesItems: Bool) -> [String] {
        []
    }

    public func selectionBytes(budget: Int, in context: MemoryContext) -> Double {
        Double(context.world.users.count) * 16
    }

    /// The policy's line in ``SeedingPolicies/registry``.
    public static var registryKind: Registry<any SeedingPolicyEntry>.Kind { .init(Self.self) { $0 } }
}

/// The seeding policies a `policies` item's `type` can name.
public enum SeedingPolicies {
    /// Every policy, in documentation order; the only list of them.
    public static let registry = Registry<any SeedingPolicyEntry>(
        [
            ExplicitSeedsSettings.registryKind,
            RandomSeedsSettings.registryKind,
            DegreeSeedsSettings.registryKind,
            DegreeDiscountSettings.registryKind,
            PageRankSettings.registryKind,
            CELFSettings.registryKind,
            IMMSettings.registryKind,
            OPIMSettings.registryKind,
            EmbeddingSeedsSettings.registryKind,
            RLSeedsSettings.registryKind,
        ], sharedKeys: ["name", "k", "content", "rounds"])
}
