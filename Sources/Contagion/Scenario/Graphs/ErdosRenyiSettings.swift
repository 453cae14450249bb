/// `graph.type: erdos_renyi`: G(n, p) with the given mean degree (``GraphGenerators/erdosRenyi(nodeCount:meanDegree:directed:tieStrength:using:)``).
public struct ErdosRenyiSettings: GraphSourceEntry {
    public static let type = "erdos_renyi"
    public static let summary = "every pair linked independently, with the given expected degree"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// Nodes, in [1, ``GraphSettings/maximumNodes``] (default 1000).
    public var nodes = 1000
    /// Expected out-degree (degree if undirected), in [0, nodes − 1] (default min(8, nodes − 1)).
    public var meanDegree = 8.0

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case nodes
        case meanDegree = "mean_degree"
    }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nodes = try c.decode(.nodes, default: nodes, in: 1...GraphSettings.maximumNodes)
        let largest = Double(nodes - 1)
        meanDegree = try c.decode(.meanDegree, default: min(meanDegree, largest), in: 0...largest)
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        GraphGenerators.erdosRenyi(
            nodeCount: nodes, meanDegree: meanDegree, directed: directed, tieStrength: tieStrength, using: &rng)
    }

    /// Known from the settings.
    public var nodeCount: Int? { nodes }

    /// `n·d`: the mean out-degree, or each edge's two arcs at mean degree `d`.
    public func expectedArcCount(directed: Bool) -> Double? { Double(nodes) * meanDegree }
}
