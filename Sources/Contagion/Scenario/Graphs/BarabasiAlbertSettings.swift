/// `graph.type: barabasi_albert`: preferential attachment (``GraphGenerators/barabasiAlbert(nodeCount:edgesPerNode:directed:tieStrength:using:)``).
public struct BarabasiAlbertSettings: GraphSourceEntry {
    public static let type = "barabasi_albert"
    public static let summary = "preferential attachment: each new node links to m nodes chosen by degree"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// Nodes, in [2, ``GraphSettings/maximumNodes``] (default 1000).
    public var nodes = 1000
    /// Edges each new node makes, in [1, nodes − 1] (default min(4, nodes − 1)).
    public var edgesPerNode = 4

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case nodes
        case edgesPerNode = "edges_per_node"
    }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nodes = try c.decode(.nodes, default: nodes, in: 2...GraphSettings.maximumNodes)
        edgesPerNode = try c.decode(.edgesPerNode, default: min(edgesPerNode, nodes - 1), in: 1...(nodes - 1))
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        GraphGenerators.barabasiAlbert(
            nodeCount: nodes, edgesPerNode: edgesPerNode, directed: directed, tieStrength: tieStrength, using: &rng)
    }

    /// Known from the settings.
    public var nodeCount: Int? { nodes }

    /// `n·m` edges, two arcs each when undirected.
    public func expectedArcCount(directed: Bool) -> Double? {
        Double(nodes) * Double(edgesPerNode) * (directed ? 1 : 2)
    }
}
