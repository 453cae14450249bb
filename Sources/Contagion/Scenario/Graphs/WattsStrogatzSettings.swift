/// `graph.type: watts_strogatz`: a small world (``GraphGenerators/wattsStrogatz(nodeCount:neighbours:rewiring:directed:tieStrength:using:)``).
public struct WattsStrogatzSettings: GraphSourceEntry {
    public static let type = "watts_strogatz"
    public static let summary = "a ring lattice of degree k whose links are rewired with probability β"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// Nodes, in [3, ``GraphSettings/maximumNodes``] (default 1000).
    public var nodes = 1000
    /// The lattice's degree `k`, even, in [2, nodes − 1] (default 6, or the largest even number ≤ nodes − 1).
    public var neighbours = 6
    /// The probability of rewiring each lattice link, in [0, 1] (default 0.1).
    public var rewiring = 0.1

    public enum CodingKeys: String, CodingKey, CaseIterable { case nodes, neighbours, rewiring }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nodes = try c.decode(.nodes, default: nodes, in: 3...GraphSettings.maximumNodes)
        neighbours = try c.decode(.neighbours, default: min(neighbours, (nodes - 1) / 2 * 2), in: 2...(nodes - 1))
        try c.check(neighbours % 2 == 0, .neighbours, "must be even", got: neighbours)
        rewiring = try c.decode(.rewiring, default: rewiring, in: 0...1)
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        GraphGenerators.wattsStrogatz(
            nodeCount: nodes, neighbours: neighbours, rewiring: rewiring, directed: directed,
            tieStrength: tieStrength, using: &rng)
    }

    /// Known from the settings.
    public var nodeCount: Int? { nodes }

    /// `n·k/2` lattice links, two arcs each when undirected.
    public func expectedArcCount(directed: Bool) -> Double? {
        Double(nodes) * Double(neighbours) / (directed ? 2 : 1)
    }
}
