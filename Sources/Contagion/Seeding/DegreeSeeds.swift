/// The `count` users with the largest audiences (out-degree: how many see their shares).
public struct DegreeSeeds: SeedingPolicy {
    /// The label in outputs (default `degree`).
    public let name: String

    /// A highest-out-degree policy.
    public init(name: String = "degree") { self.name = name }

    /// Users by decreasing out-degree, ties to the lower index.
    ///
    /// - Complexity: O(n log n).
    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        let graph = context.graph
        return Ranking.top(count, by: (0..<graph.nodeCount).map { Double(graph.outDegree(of: NodeID($0))) })
    }
}
