extension GraphGenerators {
    /// The Watts–Strogatz small-world graph (Watts & Strogatz 1998).
    ///
    /// A ring where every node links to its `k/2` nearest neighbours on each side; each
    /// link's far end is then rewired with probability `rewiring` to a uniform node that is
    /// neither the node itself nor already linked to it. In a directed graph every node has
    /// `k` out-arcs (to both sides).
    ///
    /// - Complexity: O(n·k) expected time.
    public static func wattsStrogatz(
        nodeCount n: Int, neighbours k: Int, rewiring beta: Double, directed: Bool,
        tieStrength: TieStrengthDistribution, using rng: inout some RandomNumberGenerator
    ) -> Graph {
        precondition(k >= 2 && k % 2 == 0 && k < n && (0...1).contains(beta))
        var builder = GraphBuilder(nodeCount: n, directed: directed, expectedEdges: n * k)
        var links = Set<UInt64>()
        links.reserveCapacity(n * k)
        func key(_ a: Int, _ b: Int) -> UInt64 {
            let (x, y) = directed || a < b ? (a, b) : (b, a)
            return UInt64(x) << 32 | UInt64(y)
        }
        let offsets = directed ? Array(1...(k / 2)) + (1...(k / 2)).map { n - $0 } : Array(1...(k / 2))
        var lattice: [(Int, Int)] = []
        lattice.reserveCapacity(n * offsets.count)
        for node in 0..<n {
            for offset in offsets {
                lattice.append((node, (node + offset) % n))
                links.insert(key(node, (node + offset) % n))
            }
        }
        for index in lattice.indices where rng.nextUnit() < beta {
            let (node, old) = lattice[index]
            // A node linked to everyone cannot be rewired.
            guard links.count < n * (n - 1) else { break }
            var candidate = rng.nextIndex(below: n)
            var tries = 0
            while candidate == node || links.contains(key(node, candidate)) {
                candidate = rng.nextIndex(below: n)
                tries += 1
                if tries > 8 * n {
                    candidate = old
                    break
                }
            }
            if candidate != old {
                links.remove(key(node, old))
                links.insert(key(node, candidate))
                lattice[index] = (node, candidate)
            }
        }
        for (tail, head) in lattice {
            builder.addEdge(from: NodeID(tail), to: NodeID(head), strength: tieStrength.sample(using: &rng))
        }
        return builder.build()
    }
}
