@testable import Contagion

/// Exact expected spreads on a tiny graph (n ≤ 16), by enumerating every live-edge world once
/// and keeping, per world, each node's reachable set as a bit mask: `σ(S)` is then the
/// weighted popcount of the union of the seeds' masks. Independent of the code under test.
struct ExactSpread {
    let nodeCount: Int
    /// (probability of the world, reachable mask of each node).
    var worlds: [(weight: Double, reach: [UInt32])] = []

    /// Independent cascade with `probabilities` per arc (at most 16 arcs).
    init(cascade graph: Graph, probabilities: [Double]) {
        precondition(graph.arcCount <= 16 && graph.nodeCount <= 16)
        nodeCount = graph.nodeCount
        for world in 0..<(1 << graph.arcCount) {
            var weight = 1.0
            for arc in 0..<graph.arcCount {
                weight *= (world >> arc) & 1 == 1 ? probabilities[arc] : 1 - probabilities[arc]
            }
            worlds.append((weight, Self.reach(graph) { (world >> $0) & 1 == 1 }))
        }
    }

    /// Linear threshold with weights `b_uv` per arc: each node keeps one live in-arc or none.
    init(threshold graph: Graph, weights: [Double]) {
        precondition(graph.nodeCount <= 16)
        nodeCount = graph.nodeCount
        let reverse = ReverseGraph(graph)
        var combinations: [(weight: Double, live: Set<Int>)] = [(1, [])]
        for v in 0..<graph.nodeCount {
            let inArcs = (reverse.offsets[v]..<reverse.offsets[v + 1]).map { Int(reverse.arcs[$0]) }
            let none = 1 - inArcs.reduce(0) { $0 + weights[$1] }
            let choices = inArcs.map { ($0, weights[$0]) } + (none > 1e-12 ? [(-1, none)] : [])
            if choices.isEmpty { continue }
            combinations = combinations.flatMap { partial in
                choices.map { (partial.weight * $0.1, $0.0 >= 0 ? partial.live.union([$0.0]) : partial.live) }
            }
        }
        worlds = combinations.map { combination in
            (combination.weight, Self.reach(graph) { combination.live.contains($0) })
        }
    }

    /// Per node, the mask of nodes reachable over live arcs (itself included).
    static func reach(_ graph: Graph, isLive: (Int) -> Bool) -> [UInt32] {
        (0..<graph.nodeCount).map { source in
            var mask = UInt32(1) << source
            var stack = [source]
            while let u = stack.popLast() {
                for arc in graph.offsets[u]..<graph.offsets[u + 1] where isLive(arc) {
                    let v = Int(graph.targets[arc])
                    if mask & (1 << v) == 0 {
                        mask |= 1 << v
                        stack.append(v)
                    }
                }
            }
            return mask
        }
    }

    /// The exact expected spread of `seeds`, or with `worth` the exact expected summed worth
    /// of the nodes they reach.
    func spread(of seeds: [NodeID], worth: [Double]? = nil) -> Double {
        // The summed worth of every mask of nodes, built up one bit at a time.
        var maskWorth = [0.0]
        for node in 0..<nodeCount { maskWorth += maskWorth.map { $0 + (worth?[node] ?? 1) } }
        return worlds.reduce(0) { total, world in
            total + world.weight * maskWorth[Int(seeds.reduce(UInt32(0)) { $0 | world.reach[Int($1)] })]
        }
    }

    /// The best spread (or summed worth) over all `k`-subsets.
    func optimum(seeds k: Int, worth: [Double]? = nil) -> Double {
        func best(from start: Int, _ chosen: [NodeID]) -> Double {
            if chosen.count == k { return spread(of: chosen, worth: worth) }
            return (start..<nodeCount).reduce(0) { max($0, best(from: $1 + 1, chosen + [NodeID($1)])) }
        }
        return best(from: 0, [])
    }
}

/// Small graphs and models shared by the seeding tests.
enum SeedingFixture {
    /// A directed graph of 9 nodes and 16 arcs with two hubs, a chain and a cycle.
    static let graph = Fixture.graph(
        9,
        [
            (0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 5), (4, 6), (5, 6), (6, 7), (7, 8), (8, 6), (5, 0),
            (1, 2), (3, 2), (7, 1), (8, 3),
        ])

    /// Arc probabilities for ``graph``: varied, so that the optimum is not obvious.
    static let probabilities: [Double] = [
        0.5, 0.3, 0.6, 0.4, 0.7, 0.2, 0.9, 0.5, 0.3, 0.6, 0.4, 0.8, 0.25, 0.35, 0.45, 0.55,
    ]

    /// ``graph`` under IC with ``probabilities``, compiled.
    static var cascade: CompiledModel {
        .cascade(IndependentCascade(graph: graph, probabilities: PerArcProbabilities(probabilities)))
    }

    /// ``graph`` under LT with uniform weights, compiled.
    static var threshold: CompiledModel {
        .linearThreshold(LinearThreshold(graph: graph, useTieStrength: false))
    }

    /// ``graph`` under IC and under LT, each with its exact spreads.
    static var enumerable: [(model: CompiledModel, exact: ExactSpread)] {
        [
            (cascade, ExactSpread(cascade: graph, probabilities: probabilities)),
            (threshold, ExactSpread(threshold: graph, weights: thresholdWeights)),
        ]
    }

    /// The uniform LT weights `1/indeg(v)` of ``graph``.
    static var thresholdWeights: [Double] {
        let inDegrees = graph.inDegrees()
        return graph.targets.map { 1 / Double(inDegrees[Int($0)]) }
    }
}
