/// `type: degree`: ``DegreeSeeds``, the users with the most followers.
public struct DegreeSeedsSettings: SeedingPolicyEntry, KeylessEntry {
    public static let type = "degree"
    public static let summary = "the k users of highest out-degree"

    /// The policy (it has no keys).
    public init() {}

    public func makePolicy(name: String) -> any SeedingPolicy { DegreeSeeds(name: name) }
}
