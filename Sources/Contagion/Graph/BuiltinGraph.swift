/// Small real networks shipped with the package, usable by name from a scenario.
public enum BuiltinGraph: String, CaseIterable, Sendable, Codable {
    /// Zachary's karate club: 34 members, 78 friendships, and the two factions the club split
    /// into (0 = Mr. Hi's, 1 = the Officer's), which become the community labels.
    ///
    /// W. W. Zachary, "An information flow model for conflict and fission in small groups",
    /// Journal of Anthropological Research 33(4), 452–473 (1977). Node numbering and faction
    /// labels as in NetworkX's `karate_club_graph` (nodes 0–33 are Zachary's 1–34).
    case karateClub = "karate_club"

    /// The Florentine families' marriage network: 15 families, 20 marriage ties (the
    /// Pucci family, who had no marriage ties in the data, is left out, as NetworkX does).
    ///
    /// J. F. Padgett and C. K. Ansell, "Robust action and the rise of the Medici, 1400–1434",
    /// American Journal of Sociology 98(6), 1259–1319 (1993); data from Breiger & Pattison (1986).
    case florentineFamilies = "florentine_families"

    /// The undirected graph with unit tie strengths.
    public func makeGraph() -> Graph {
        switch self {
        case .karateClub:
            return Self.undirected(
                nodeCount: 34, edges: Self.karateEdges, names: nil, communities: Self.karateFactions)
        case .florentineFamilies:
            return Self.undirected(
                nodeCount: Self.florentineNames.count, edges: Self.florentineEdges,
                names: Self.florentineNames, communities: nil)
        }
    }

    private static func undirected(
        nodeCount: Int, edges: [(Int32, Int32)], names: [String]?, communities: [Int32]?
    ) -> Graph {
        var builder = GraphBuilder(nodeCount: nodeCount, directed: false, expectedEdges: edges.count)
        for (a, b) in edges { builder.addEdge(from: a, to: b) }
        return builder.build(nodeNames: names, communities: communities)
    }

    private static let karateEdges: [(Int32, Int32)] = [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8),
        (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30),
        (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16),
        (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33),
        (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32),
        (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33), (24, 25), (24, 27),
        (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32),
        (29, 33), (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ]

    private static let karateFactions: [Int32] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ]

    private static let florentineNames = [
        "Acciaiuoli", "Medici", "Castellani", "Peruzzi", "Strozzi", "Barbadori", "Ridolfi", "Tornabuoni", "Albizzi",
        "Salviati", "Pazzi", "Bischeri", "Guadagni", "Ginori", "Lamberteschi",
    ]

    private static let florentineEdges: [(Int32, Int32)] = [
        (0, 1), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (2, 3), (2, 4),
        (2, 5), (3, 4), (3, 11), (4, 6), (4, 11), (6, 7), (7, 12), (8, 13),
        (8, 12), (9, 10), (11, 12), (12, 14),
    ]
}
