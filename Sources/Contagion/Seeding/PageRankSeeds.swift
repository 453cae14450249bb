/// The `count` users with the highest PageRank of influence (Brin & Page 1998).
///
/// Influence flows along arcs `u → v` (v sees u), so a user matters when they reach users who
/// matter: the score is PageRank on the *reversed* graph,
/// `r_u = (1 − d)/n + d·Σ_{u→v} r_v / indeg(v)`, with dangling mass spread uniformly.
/// Power iteration until the L1 change is below `tolerance` or `maximumIterations`.
///
/// - Complexity: O(arcs) per iteration.
public struct PageRankSeeds: SeedingPolicy {
    /// The label in outputs (default `pagerank`).
    public let name: String
    /// The damping factor `d`.
    public let damping: Double
    /// L1 convergence tolerance.
    public let tolerance: Double
    /// Iteration cap.
    public let maximumIterations: Int

    /// A PageRank policy.
    public init(
        name: String = "pagerank", damping: Double = 0.85, tolerance: Double = 1e-10, maximumIterations: Int = 200
    ) {
        self.name = name
        self.damping = damping
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
    }

    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        Ranking.top(count, by: scores(context.graph))
    }

    /// The PageRank of every node on the reversed graph; the scores sum to 1.
    public func scores(_ graph: Graph) -> [Double] {
        let n = graph.nodeCount
        let inDegree = graph.inDegrees()
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        for _ in 0..<maximumIterations {
            // In the reversed graph, v's out-degree is its in-degree here; v is dangling if 0.
            var dangling = 0.0
            for v in 0..<n where inDegree[v] == 0 { dangling += rank[v] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            var change = 0.0
            for u in 0..<n {
                var sum = 0.0
                for v in graph.successors(of: NodeID(u)) { sum += rank[Int(v)] / Double(inDegree[Int(v)]) }
                next[u] = base + damping * sum
                change += abs(next[u] - rank[u])
            }
            swap(&rank, &next)
            if change < tolerance { break }
        }
        return rank
    }
}
