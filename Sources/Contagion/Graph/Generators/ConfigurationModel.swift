import Foundation

extension GraphGenerators {
    /// The erased configuration model with a power-law degree sequence (Newman, Strogatz &
    /// Watts 2001; Britton, Deijfen & Martin-Löf 2006).
    ///
    /// Degrees are drawn from P(k) ∝ k^(−exponent) on [`minimumDegree`, `maximumDegree`];
    /// stubs are shuffled and paired, then self-loops and repeated edges are erased (an odd stub
    /// total gets one extra stub on a node below the maximum). In a
    /// directed graph the same degree sequence gives every node's out-stubs and in-stubs.
    ///
    /// - Complexity: O(n + stubs) time.
    public static func powerLawConfiguration(
        nodeCount n: Int, exponent: Double, minimumDegree: Int, maximumDegree: Int, directed: Bool,
        tieStrength: TieStrengthDistribution, using rng: inout some RandomNumberGenerator
    ) -> Graph {
        precondition(n >= 2 && minimumDegree >= 1 && maximumDegree >= minimumDegree && exponent > 1)
        var cumulative: [Double] = []
        var total = 0.0
        for degree in minimumDegree...maximumDegree {
            total += pow(Double(degree), -exponent)
            cumulative.append(total)
        }
        var stubs: [NodeID] = []
        for node in 0..<n {
            let u = rng.nextUnit() * total
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] <= u { low = middle + 1 } else { high = middle }
            }
            for _ in 0..<(minimumDegree + low) { stubs.append(NodeID(node)) }
        }
        if !directed && stubs.count % 2 == 1 {
            makeEven(&stubs, nodeCount: n, maximumDegree: maximumDegree, using: &rng)
        }
        var builder = GraphBuilder(nodeCount: n, directed: directed, expectedEdges: stubs.count)
        if directed {
            var heads = stubs
            heads.fisherYatesShuffle(using: &rng)
            for (tail, head) in zip(stubs, heads) {
                builder.addEdge(from: tail, to: head, strength: tieStrength.sample(using: &rng))
            }
        } else {
            stubs.fisherYatesShuffle(using: &rng)
            for pair in stride(from: 0, to: stubs.count, by: 2) {
                builder.addEdge(from: stubs[pair], to: stubs[pair + 1], strength: tieStrength.sample(using: &rng))
            }
        }
        return builder.build()
    }

    /// Evens an odd stub count: one more stub for a node below the maximum degree (the first
    /// at or after a random node), or, when every node is at the maximum, one stub fewer.
    private static func makeEven(
        _ stubs: inout [NodeID], nodeCount n: Int, maximumDegree: Int, using rng: inout some RandomNumberGenerator
    ) {
        var degree = [Int](repeating: 0, count: n)
        for stub in stubs { degree[Int(stub)] += 1 }
        let start = rng.nextIndex(below: n)
        if let node = (0..<n).lazy.map({ (start + $0) % n }).first(where: { degree[$0] < maximumDegree }) {
            stubs.append(NodeID(node))
        } else {
            stubs.removeLast()
        }
    }
}
