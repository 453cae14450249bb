import Foundation

extension GraphGenerators {
    /// The Erdős–Rényi graph G(n, p) with `p = meanDegree / (n − 1)`.
    ///
    /// Every pair (ordered pair if `directed`) is an edge independently with probability p.
    /// Pairs are visited by geometric skipping (Batagelj & Brandes 2005), so the cost is
    /// proportional to the edges made, not to n².
    ///
    /// - Parameter meanDegree: expected out-degree c (for undirected graphs, expected degree).
    /// - Complexity: O(n + edges) expected time.
    public static func erdosRenyi(
        nodeCount n: Int, meanDegree: Double, directed: Bool, tieStrength: TieStrengthDistribution,
        using rng: inout some RandomNumberGenerator
    ) -> Graph {
        precondition(n >= 1 && meanDegree >= 0)
        let p = n > 1 ? min(1, meanDegree / Double(n - 1)) : 0
        let expectedEdges = Int(Double(n) * meanDegree / (directed ? 1 : 2))
        var builder = GraphBuilder(nodeCount: n, directed: directed, expectedEdges: expectedEdges)
        guard p > 0 else { return builder.build() }
        let logOneMinusP = p < 1 ? log1p(-p) : -Double.infinity
        func skip() -> Int { p < 1 ? Distributions.geometricSkip(logOneMinusP: logOneMinusP, using: &rng) : 0 }
        if directed {
            // Ordered pairs (u, v ≠ u) numbered u·(n − 1) + (v or v − 1).
            let pairCount = n * (n - 1)
            var index = skip()
            while index < pairCount {
                let tail = index / (n - 1)
                let rest = index % (n - 1)
                let head = rest < tail ? rest : rest + 1
                builder.addEdge(from: NodeID(tail), to: NodeID(head), strength: tieStrength.sample(using: &rng))
                index += 1 + skip()
            }
        } else {
            // Unordered pairs (w < v) in row order, as in Batagelj & Brandes' algorithm.
            var v = 1
            var w = -1
            while v < n {
                w += 1 + skip()
                while w >= v && v < n {
                    w -= v
                    v += 1
                }
                if v < n {
                    builder.addEdge(from: NodeID(v), to: NodeID(w), strength: tieStrength.sample(using: &rng))
                }
            }
        }
        return builder.build()
    }
}
