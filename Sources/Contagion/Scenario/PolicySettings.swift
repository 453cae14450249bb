/// One entry of the `policies` list: a seeding policy (its `type` and that policy's keys, see
/// ``SeedingPolicies/registry``), its label and its budget.
public struct PolicySettings: Codable, Sendable, Equatable {
    /// The policy's settings.
    public var policy: any SeedingPolicyEntry
    /// The label in outputs (default: the type; must be unique).
    public var name: String
    /// Seeds to choose, one budget or a sweep (default: the policy's own limit, else the scenario's `budget`).
    public var k: Budgets?
    /// With `simulation.content: joint`, how the policy's seeds get their items (`nil`: the
    /// policy's own pairs when it chooses them, else `best_item`; ``ContentRule``).
    public var content: ContentRule?
    /// The rounds this policy's budget is spread over (`nil`: `simulation.rounds`); 1 plays it
    /// static beside adaptive policies, on the same worlds.
    public var rounds: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case type, name, k, content, rounds }

    /// The policy's `type`.
    public var type: String { policy.type }

    /// `policy` labelled `name` (default: its type) with budgets `k` (default: the scenario's).
    public init(_ policy: any SeedingPolicyEntry, name: String? = nil, k: Budgets? = nil) {
        self.policy = policy
        self.name = name ?? policy.type
        self.k = k ?? policy.budgetLimit.map { Budgets(integerLiteral: $0.count) }
    }

    public init(from decoder: any Decoder) throws {
        let policy = try SeedingPolicies.registry.decode(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.policy = policy
        name = try c.decodeName(.name, default: policy.type)
        k = try c.decodeIfPresent(Budgets.self, forKey: .k)
        content = try c.scenarioValue(ContentRule.self, forKey: .content)
        rounds = try c.decodeIfPresent(Int.self, forKey: .rounds)
        if let rounds { try c.check((1...1_000_000).contains(rounds), .rounds, "must be in [1, 1000000]", got: rounds) }
        if let limit = policy.budgetLimit {
            if let k {
                try c.check(k.largest <= limit.count, .k, "must be ≤ \(limit.reason)", got: k.largest)
            }
            k = k ?? Budgets(integerLiteral: limit.count)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try policy.encodeWithType(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(k, forKey: .k)
        try c.encodeIfPresent(content, forKey: .content)
        try c.encodeIfPresent(rounds, forKey: .rounds)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.policy.isEqual(to: rhs.policy) && lhs.name == rhs.name && lhs.k == rhs.k && lhs.content == rhs.content
            && lhs.rounds == rhs.rounds
    }

    /// The policy object.
    ///
    /// - Throws: ``ScenarioError`` when the settings cannot make one (see ``SeedingPolicyEntry/makePolicy(name:)``).
    public func makePolicy() throws -> any SeedingPolicy { try policy.makePolicy(name: name) }
}
