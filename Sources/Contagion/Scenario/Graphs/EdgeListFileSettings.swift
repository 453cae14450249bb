import Foundation

/// `graph.type: file`: an edge list read by ``EdgeListReader``.
public struct EdgeListFileSettings: GraphSourceEntry {
    public static let type = "file"
    public static let summary = "an edge-list file: SNAP whitespace or CSV, optional weights as tie strengths"
    public static let sectionKeys: [GraphSettings.SectionKey] = [.directed]

    /// The edge list's path, relative to the scenario file's folder unless absolute (required).
    public var path: String
    /// The text layout (default `auto`).
    public var format = EdgeListFormat.auto
    /// Whether the first data line is a header: `true`, `false` or `"auto"` (the default).
    public var header = EdgeListHeader.auto

    public enum CodingKeys: String, CodingKey, CaseIterable { case path, format, header }

    /// The edge list at `path` in `format`.
    public init(path: String, format: EdgeListFormat = .auto, header: EdgeListHeader = .auto) {
        self.path = path
        self.format = format
        self.header = header
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decode(.format, default: format)
        header = try c.decode(.header, default: header)
    }

    /// The path, resolved against `baseDirectory` when relative.
    public func resolvedPath(baseDirectory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) throws -> Graph {
        try EdgeListReader.read(
            path: resolvedPath(baseDirectory: baseDirectory), format: format, header: header, directed: directed)
    }

    public func resolvingPaths(against baseDirectory: String) -> Self {
        Self(path: resolvedPath(baseDirectory: baseDirectory), format: format, header: header)
    }

    /// `file PATH`.
    public var sourceDescription: String { "file \(path)" }
}
