extension GraphGenerators {
    /// The Barabási–Albert preferential-attachment graph (Barabási & Albert 1999).
    ///
    /// Starts from a star on `m + 1` nodes (as NetworkX does); every later node attaches to
    /// `m` distinct existing nodes chosen with probability proportional to their degree,
    /// by sampling uniformly from the list of edge endpoints. In a directed graph the new
    /// node follows its targets: the arcs point from the chosen (older, popular) node to the
    /// newcomer, so hubs have large audiences.
    ///
    /// - Complexity: O(n·m) expected time.
    public static func barabasiAlbert(
        nodeCount n: Int, edgesPerNode m: Int, directed: Bool, tieStrength: TieStrengthDistribution,
        using rng: inout some RandomNumberGenerator
    ) -> Graph {
        precondition(m >= 1 && n > m)
        var builder = GraphBuilder(nodeCount: n, directed: directed, expectedEdges: n * m)
        var endpoints: [NodeID] = []
        endpoints.reserveCapacity(2 * n * m)
        for leaf in 1...m {
            builder.addEdge(from: 0, to: NodeID(leaf), strength: tieStrength.sample(using: &rng))
            endpoints.append(0)
            endpoints.append(NodeID(leaf))
        }
        var chosen: [NodeID] = []
        chosen.reserveCapacity(m)
        for newcomer in (m + 1)..<n {
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < m {
                let candidate = endpoints[rng.nextIndex(below: endpoints.count)]
                if !chosen.contains(candidate) { chosen.append(candidate) }
            }
            for target in chosen {
                builder.addEdge(from: target, to: NodeID(newcomer), strength: tieStrength.sample(using: &rng))
                endpoints.append(target)
                endpoints.append(NodeID(newcomer))
            }
        }
        return builder.build()
    }
}
