import Foundation

extension GraphGenerators {
    /// The stochastic block model (Holland, Laskey & Leinhardt 1983) with planted communities.
    ///
    /// Nodes are split into consecutive blocks of the given sizes; a pair in the same block
    /// is an edge with probability `inside`, a pair in different blocks with probability
    /// `between`. Each block pair is visited by geometric skipping, so the cost is
    /// proportional to the edges made. The blocks become the graph's community labels.
    ///
    /// - Complexity: O(n + edges + blocks²) expected time.
    public static func stochasticBlockModel(
        blockSizes: [Int], inside: Double, between: Double, directed: Bool,
        tieStrength: TieStrengthDistribution, using rng: inout some RandomNumberGenerator
    ) -> Graph {
        precondition(!blockSizes.isEmpty && blockSizes.allSatisfy { $0 >= 1 })
        let n = blockSizes.reduce(0, +)
        var starts = [0]
        for size in blockSizes { starts.append(starts[starts.count - 1] + size) }
        var communities = [Int32](repeating: 0, count: n)
        for (block, size) in blockSizes.enumerated() {
            for node in starts[block]..<(starts[block] + size) { communities[node] = Int32(block) }
        }
        var builder = GraphBuilder(nodeCount: n, directed: directed)
        for a in blockSizes.indices {
            for b in blockSizes.indices where directed || b >= a {
                let p = a == b ? inside : between
                guard p > 0 else { continue }
                let logOneMinusP = p < 1 ? log1p(-p) : -Double.infinity
                let rows = blockSizes[a]
                let columns = blockSizes[b]
                // Candidate pairs of the block pair, numbered row-major; within a diagonal block
                // of an undirected graph only pairs (i < j) count, of a directed one all i ≠ j.
                let pairCount = rows * columns
                var index = p < 1 ? Distributions.geometricSkip(logOneMinusP: logOneMinusP, using: &rng) : 0
                while index < pairCount {
                    let i = index / columns
                    let j = index % columns
                    let isCandidate = a != b || (directed ? i != j : i < j)
                    if isCandidate {
                        builder.addEdge(
                            from: NodeID(starts[a] + i), to: NodeID(starts[b] + j),
                            strength: tieStrength.sample(using: &rng))
                    }
                    index += 1 + (p < 1 ? Distributions.geometricSkip(logOneMinusP: logOneMinusP, using: &rng) : 0)
                }
            }
        }
        return builder.build(communities: communities)
    }
}
