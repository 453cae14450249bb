/// `graph.type: builtin`: a small real network shipped with the package (``BuiltinGraph``).
public struct BuiltinGraphSettings: GraphSourceEntry {
    public static let type = "builtin"
    public static let summary = "a small real network shipped with the package (karate_club, florentine_families)"
    public static let sectionKeys: [GraphSettings.SectionKey] = []

    /// Which graph (required).
    public var name: BuiltinGraph

    public enum CodingKeys: String, CodingKey, CaseIterable { case name }

    /// The built-in graph `name`.
    public init(name: BuiltinGraph) { self.name = name }

    public init(from decoder: any Decoder) throws {
        name = try decoder.container(keyedBy: CodingKeys.self).decode(BuiltinGraph.self, forKey: .name)
    }

    public func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) -> Graph {
        name.makeGraph()
    }

    /// `builtin NAME`.
    public var sourceDescription: String { "builtin \(name.rawValue)" }

    /// The shipped graph's size.
    public var nodeCount: Int? { name.makeGraph().nodeCount }
}
