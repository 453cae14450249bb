/// `type: embedding`: ``EmbeddingSeeds``, greedy audience coverage in the graph embedding.
public struct EmbeddingSeedsSettings: SeedingPolicyEntry {
    public static let type = "embedding"
    public static let summary = "greedy coverage of the item's affinity-weighted audience in the graph embedding"

    /// Users sampled to measure audience coverage, ≥ 1 (default 5000).
    public var audience = 5000

    public enum CodingKeys: String, CodingKey, CaseIterable { case audience }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        audience = try c.decode(.audience, default: audience, atLeast: 1)
    }

    public func makePolicy(name: String) -> any SeedingPolicy { EmbeddingSeeds(name: name, audienceSample: audience) }

    /// `true`: the policy ranks users in the scenario's embedding.
    public var usesEmbedding: Bool { true }
}
