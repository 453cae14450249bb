import Foundation

/// `graph.type: file`: a graph file read by ``GraphFile``: an edge list (SNAP whitespace or
/// CSV), GraphML, GML, Matrix Market or Pajek.
public struct EdgeListFileSettings: GraphSourceEntry {
    public static let type = "file"
    public static let summary =
        "a graph file: SNAP or CSV edge list, GraphML, GML, Matrix Market or Pajek; weights as tie strengths"
    public static let sectionKeys: [GraphSettings.SectionKey] = []

    /// The file's path, relative to the scenario file's folder unless absolute (required).
    public var path: String
    /// The file's format (default `auto`: told by its first bytes, then its extension).
    public var format = GraphFileFormat.auto
    /// Whether an edge list's first data line is a header: `true`, `false` or `"auto"` (the default).
    public var header = EdgeListHeader.auto
    /// Whether arcs are one-way (default `nil`: as the file says; edge lists undirected).
    public var directed: Bool?
    /// How edge numbers become tie strengths (default `strength`).
    public var weights = EdgeWeights.strength

    public enum CodingKeys: String, CodingKey, CaseIterable { case path, format, header, directed, weights }

    /// The graph file at `path` in `format`.
    public init(
        path: String, format: GraphFileFormat = .auto, header: EdgeListHeader = .auto, directed: Bool? = nil,
        weights: EdgeWeights = .strength
    ) {
        self.path = path
        self.format = format
        self.header = header
        self.directed = directed
        self.weights = weights
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decode(.format, default: format)
        header = try c.decode(.header, default: header)
        directed = try c.scenarioValue(Bool.self, forKey: .directed)
        weights = try c.decode(.weights, default: weights)
    }

    /// The path, resolved against `baseDirectory` when relative.
    public func resolvedPath(baseDirectory: String) -> String { Scenario.resolved(path, against: baseDirectory) }

    public func makeGraph(
        directed _: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) throws -> Graph {
        try GraphFile.read(
            path: resolvedPath(baseDirectory: baseDirectory), format: format, header: header, directed: directed,
            weights: weights)
    }

    public func resolvingPaths(against baseDirectory: String) -> Self {
        var resolved = self
        resolved.path = resolvedPath(baseDirectory: baseDirectory)
        return resolved
    }

    /// `file PATH`.
    public var sourceDescription: String { "file \(path)" }
}
