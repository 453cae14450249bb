/// `graph.type: stochastic_block_model`: communities as blocks (``GraphGenerators/stochasticBlockModel(blockSizes:inside:between:directed:tieStrength:using:)``).
public struct StochasticBlockModelSettings: GraphSourceEntry {
    public static let type = "stochastic_block_model"
    public static let summary = "blocks of nodes, pairs linked with p_in inside a block and p_out between blocks"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// The most blocks a scenario may list: the generator visits every pair of blocks.
    public static let maximumBlocks = 10_000

    /// Nodes per block: 1 to ``maximumBlocks`` sizes ≥ 1 summing to at most
    /// ``GraphSettings/maximumNodes`` (default four blocks of 250).
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
            (1...Self.maximumBlocks).contains(blockSizes.count), .blockSizes,
            "must list 1 to \(Self.maximumBlocks) blocks", got: "\(blockSizes.count) blocks")
        try c.check(blockSizes.allSatisfy { $0 >= 1 }, .blockSizes, "must list sizes ≥ 1", got: blockSizes)
        let total = blockSizes.reduce(0.0) { $0 + Double($1) }
        try c.check(
            total <= Double(GraphSettings.maximumNodes), .blockSizes,
            "must sum to at most \(GraphSettings.maximumNodes) nodes", got: "a sum of \(CSVWriter.format(total))")
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

    /// `p_in` times the ordered pairs inside blocks plus `p_out` times those between them.
    public func expectedArcCount(directed: Bool) -> Double? {
        let total = blockSizes.reduce(0.0) { $0 + Double($1) }
        let inside = blockSizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return pIn * inside + pOut * (total * (total - 1) - inside)
    }
}
