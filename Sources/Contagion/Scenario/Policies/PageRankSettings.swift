/// `type: pagerank`: ``PageRankSeeds``, the users of highest PageRank on the reversed graph.
public struct PageRankSettings: SeedingPolicyEntry {
    public static let type = "pagerank"
    public static let summary = "the k users of highest PageRank of influence (the reversed graph)"

    /// The damping factor, in [0, 1) (default 0.85).
    public var damping = 0.85

    public enum CodingKeys: String, CodingKey, CaseIterable { case damping }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        damping = try c.decode(.damping, default: damping, in: 0...1)
        try c.check(damping < 1, .damping, "must be < 1", got: damping)
    }

    public func makePolicy(name: String) -> any SeedingPolicy { PageRankSeeds(name: name, damping: damping) }
}
