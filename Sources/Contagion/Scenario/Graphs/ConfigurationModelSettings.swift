import Foundation

/// `graph.type: configuration_model`: power-law degrees (``GraphGenerators/powerLawConfiguration(nodeCount:exponent:minimumDegree:maximumDegree:directed:tieStrength:using:)``).
public struct ConfigurationModelSettings: GraphSourceEntry {
    public static let type = "configuration_model"
    public static let summary = "degrees drawn from a power law, stubs paired at random"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed, .tieStrength]

    /// Nodes, in [2, ``GraphSettings/maximumNodes``] (default 1000).
    public var nodes = 1000
    /// The power-law exponent of the degree distribution, > 1 (default 2.5).
    public var exponent = 2.5
    /// The smallest degree drawn, in [1, nodes − 1] (default min(2, nodes − 1)).
    public var minDegree = 2
    /// The largest degree drawn, in [`minDegree`, nodes − 1] (default max(`minDegree`, ⌊√nodes⌋)).
    public var maxDegree: Int

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case nodes, exponent
        case minDegree = "min_degree"
        case maxDegree = "max_degree"
    }

    /// The defaults.
    public init() { maxDegree = Self.defaultMaximumDegree(nodes: nodes, minimum: minDegree) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nodes = try c.decode(.nodes, default: nodes, in: 2...GraphSettings.maximumNodes)
        exponent = try c.decode(.exponent, default: exponent)
        try c.check(exponent > 1, .exponent, "must be > 1", got: exponent)
        minDegree = try c.decode(.minDegree, default: min(minDegree, nodes - 1), in: 1...(nodes - 1))
        maxDegree = try c.decode(
            .maxDegree, default: Self.defaultMaximumDegree(nodes: nodes, minimum: minDegree),
            in: minDegree...(nodes - 1))
    }

    /// `max(minimum, ⌊√nodes⌋)`.
    static func defaultMaximumDegree(nodes: Int, minimum: Int) -> Int {
        max(minimum, Int(Double(nodes).squareRoot()))
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        GraphGenerators.powerLawConfiguration(
            nodeCount: nodes, exponent: exponent, minimumDegree: minDegree, maximumDegree: maxDegree,
            directed: directed, tieStrength: tieStrength, using: &rng)
    }

    /// Known from the settings.
    public var nodeCount: Int? { nodes }

    /// `n` times the mean of the continuous power law on [`minDegree`, `maxDegree`], two arcs
    /// per edge when undirected (stubs pair up, so the arcs are about the degree sum).
    public func expectedArcCount(directed: Bool) -> Double? {
        let (low, high, gamma) = (Double(minDegree), Double(maxDegree) + 1, exponent)
        func integral(_ power: Double) -> Double {
            abs(power + 1) < 1e-9 ? log(high / low) : (pow(high, power + 1) - pow(low, power + 1)) / (power + 1)
        }
        return Double(nodes) * integral(1 - gamma) / integral(-gamma)
    }
}
