/// The `graph` section: where the social graph comes from.
///
/// `type` picks the source (``GraphSources/registry``); each source takes its own keys (see
/// `Docs/Scenarios.md`) and some of the section's shared keys (``SectionKey``). Keys not
/// listed for the source are errors.
public struct GraphSettings: Codable, Sendable, Equatable {
    /// The keys that several sources share, read here rather than by each source.
    public enum SectionKey: String, CodingKey, CaseIterable, Sendable {
        /// Whether arcs are one-way (default false).
        case directed
        /// How a generated graph draws tie strengths (default uniform in [0.1, 1]).
        case tieStrength = "tie_strength"
    }

    /// The source's settings.
    public var source: any GraphSourceEntry
    /// Whether arcs are one-way; `nil` for sources without the key (built-in graphs, always undirected).
    public var directed: Bool?
    /// How tie strengths are drawn; `nil` for sources without the key (`file`, `builtin`).
    public var tieStrength: TieStrengthSettings?

    /// The most nodes a graph may have (node ids are 32-bit).
    public static let maximumNodes = Int(Int32.max) - 1

    /// The source's `type`.
    public var type: String { source.type }

    /// `source` with its section keys at their defaults.
    public init(_ source: any GraphSourceEntry) {
        self.source = source
        let keys = Swift.type(of: source).sectionKeys
        directed = keys.contains(.directed) ? false : nil
        tieStrength = keys.contains(.tieStrength) ? TieStrengthSettings() : nil
    }

    public init(from decoder: any Decoder) throws {
        let source = try GraphSources.registry.decode(from: decoder)
        self.init(source)
        let c = try decoder.container(keyedBy: SectionKey.self)
        if directed != nil { directed = try c.decode(.directed, default: false) }
        if tieStrength != nil { tieStrength = try c.decode(.tieStrength, default: TieStrengthSettings()) }
    }

    public func encode(to encoder: any Encoder) throws {
        try source.encodeWithType(to: encoder)
        var c = encoder.container(keyedBy: SectionKey.self)
        try c.encodeIfPresent(directed, forKey: .directed)
        try c.encodeIfPresent(tieStrength, forKey: .tieStrength)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.source.isEqual(to: rhs.source) && lhs.directed == rhs.directed && lhs.tieStrength == rhs.tieStrength
    }

    /// The number of users the section gives: from the settings when they say it, else by
    /// reading the graph (an edge list).
    ///
    /// - Throws: ``EdgeListError`` for a bad edge list.
    public func nodeCount(baseDirectory: String) throws -> Int {
        if let count = source.nodeCount { return count }
        var rng = Xoshiro256StarStar(seed: 0)
        return try makeGraph(baseDirectory: baseDirectory, using: &rng).nodeCount
    }

    /// Builds the graph; relative paths are resolved against `baseDirectory`.
    ///
    /// - Throws: ``EdgeListError`` for a bad edge list.
    public func makeGraph(baseDirectory: String, using rng: inout Xoshiro256StarStar) throws -> Graph {
        try source.makeGraph(
            directed: directed ?? false, tieStrength: tieStrength?.distributionValue ?? .constant(1),
            baseDirectory: baseDirectory, using: &rng)
    }
}
