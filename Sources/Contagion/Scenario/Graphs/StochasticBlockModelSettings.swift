/// `graph.type: stochastic_block_model`: communities as blocks (``GraphGenerators/stochasticBlockModel(blockSizes:inside:between:directed:tieStrength:using:)``).
public struct StochasticBlockModelSettings: GraphSourceEntry {
    public static let type = "stochastic_block_model"
    public static let summary = "blocks of nodes, pairs linked with p_in inside a block and p_out between blocks"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// Nodes per block, a non-empty list of sizes ≥ 1 (default four blocks of 250).
    public var blockSizes = [250, 250, 250, 250]
    /// Edge probability of a pair in the same block, in [0, 1] (default 0.05).
    public var pIn = 0.05
    /// Edge probability of a pair in different blocks, in [0, 1] (default 0.002).
    public var pOut = 0.002

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case blockSizes = "block_sizes"
        case pIn = "p_in"
        case pOut = "p_out"
    }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        blockSizes = try c.decode(.blockSizes, default: blockSizes)
        try c.check(
            !blockSizes.isEmpty && blockSizes.allSatisfy { $0 >= 1 }, .blockSizes,
            "must be a non-empty list of sizes ≥ 1", got: blockSizes)
        pIn = try c.decode(.pIn, default: pIn, in: 0...1)
        pOut = try c.decode(.pOut, default: pOut, in: 0...1)
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        GraphGenerators.stochasticBlockModel(
            blockSizes: blockSizes, inside: pIn, between: pOut, directed: directed, tieStrength: tieStrength,
            using: &rng)
    }

    /// Known from the settings.
    public var nodeCount: Int? { blockSizes.reduce(0, +) }
}
