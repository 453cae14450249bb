/// `type: random`: ``RandomSeeds``, users drawn uniformly without replacement.
public struct RandomSeedsSettings: SeedingPolicyEntry, KeylessEntry {
    public static let type = "random"
    public static let summary = "k users drawn uniformly at random"

    /// The policy (it has no keys).
    public init() {}

    public func makePolicy(name: String) -> any SeedingPolicy { RandomSeeds(name: name) }
}
