/// `type: explicit`: ``ExplicitSeeds``, the users listed, in order.
public struct ExplicitSeedsSettings: SeedingPolicyEntry {
    public static let type = "explicit"
    public static let summary = "the users listed, by name (as in the edge list) or index"

    /// The users to seed (required; distinct, at least one).
    public var users: [String]

    public enum CodingKeys: String, CodingKey, CaseIterable { case users }

    /// Seeds `users`.
    public init(users: [String]) { self.users = users }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        users = try c.decode([String].self, forKey: .users)
        try c.check(!users.isEmpty, .users, "must list at least one user", got: "[]")
        var listed = Set<String>()
        for (index, user) in users.enumerated() where !listed.insert(user).inserted {
            throw ScenarioError(
                at: c.codingPath + [CodingKeys.users, AnyKey(intValue: index)], "lists user '\(user)' twice")
        }
    }

    public func makePolicy(name: String) -> any SeedingPolicy { ExplicitSeeds(name: name, userNames: users) }

    /// The users listed.
    public var budgetLimit: BudgetLimit? { BudgetLimit(count: users.count, reason: "the \(users.count) users listed") }
}
