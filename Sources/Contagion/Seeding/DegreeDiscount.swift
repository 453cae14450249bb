/// Degree discount (Chen, Wang & Yang, KDD 2009), the heuristic tuned for uniform IC.
///
/// Picks seeds one by one by the discounted degree
/// `dd_v = d_v − 2·t_v − (d_v − t_v)·t_v·p`, where `d_v` is `v`'s degree and `t_v` the number
/// of its neighbours already chosen; after each pick, its neighbours' `t` and `dd` are
/// updated. `p` is the propagation probability the discount assumes. On a directed graph
/// `d_v` is the out-degree and `t_v` counts chosen in-neighbours (whose shares `v` already sees).
///
/// - Complexity: O(k·n + arcs) (a linear scan per pick; k is small).
public struct DegreeDiscount: SeedingPolicy {
    public let name: String
    /// The `p` of the discount formula.
    public let probability: Double

    /// A degree-discount policy assuming propagation probability `probability`.
    public init(name: String = "degree_discount", probability: Double = 0.01) {
        self.name = name
        self.probability = probability
    }

    public func selectSeeds(
        count: Int, for item: Int, in world: World, using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID] {
        let graph = world.graph
        let n = graph.nodeCount
        let degree = (0..<n).map { Double(graph.outDegree(of: NodeID($0))) }
        var discounted = degree
        var chosenNeighbours = [Double](repeating: 0, count: n)
        var isChosen = [Bool](repeating: false, count: n)
        var seeds: [NodeID] = []
        for _ in 0..<min(count, n) {
            var best = -1
            for v in 0..<n where !isChosen[v] && (best < 0 || discounted[v] > discounted[best]) { best = v }
            isChosen[best] = true
            seeds.append(NodeID(best))
            for v in graph.successors(of: NodeID(best)) where !isChosen[Int(v)] {
                let v = Int(v)
                chosenNeighbours[v] += 1
                let t = chosenNeighbours[v]
                discounted[v] = degree[v] - 2 * t - (degree[v] - t) * t * probability
            }
        }
        return seeds
    }
}
