/// Degree discount (Chen, Wang & Yang, KDD 2009), the heuristic tuned for uniform IC.
///
/// Picks seeds one by one by the discounted degree of each candidate `v`,
/// `dd_v = d_v − s_v − t_v − (d_v − s_v)·t_v·p`: `d_v` is `v`'s out-degree, `t_v` the number
/// of chosen seeds among its in-neighbours (who may activate `v` anyway), and `s_v` the number
/// of chosen seeds among its out-neighbours (already active, so not new audience). It is the
/// first-order expansion of `(1 − p)^t_v·(1 + (d_v − s_v)·p)`, the expected gain of seeding `v`.
/// On an undirected graph `s_v = t_v` and it is the paper's `d_v − 2t_v − (d_v − t_v)·t_v·p`.
/// `p` is the propagation probability the discount assumes: given, or per candidate `v` the
/// mean live probability of `v`'s in-arcs in the model's live-edge form
/// (``LiveEdgeModel/meanInArcProbabilities()``: `p` for a uniform cascade, `1/indeg(v)` for
/// weighted cascade and the linear threshold).
///
/// - Complexity: O(k·n + arcs) (a linear scan per pick; k is small).
public struct DegreeDiscount: SeedingPolicy {
    /// The label in outputs (default `degree_discount`).
    public let name: String
    /// The `p` of the discount formula (`nil`: each node's from the model).
    public let probability: Double?

    /// A degree-discount policy assuming propagation probability `probability`, or the
    /// model's own when `nil`.
    public init(name: String = "degree_discount", probability: Double? = nil) {
        self.name = name
        self.probability = probability
    }

    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        let graph = context.graph
        let reverse = graph.isDirected ? ReverseGraph(graph) : nil
        let n = graph.nodeCount
        let degree = (0..<n).map { Double(graph.outDegree(of: NodeID($0))) }
        var discounted = degree
        var seedsSeen = [Double](repeating: 0, count: n)  // t_v
        var seedsFollowing = [Double](repeating: 0, count: n)  // s_v
        var isChosen = [Bool](repeating: false, count: n)
        var seeds: [NodeID] = []
        let probabilities =
            probability.map { [Double](repeating: $0, count: n) }
            ?? LiveEdgeModel(context.model).meanInArcProbabilities()
        func update(_ v: Int) {
            let t = seedsSeen[v]
            let audience = degree[v] - seedsFollowing[v]
            discounted[v] = audience - t - audience * t * probabilities[v]
        }
        for _ in 0..<min(count, n) {
            var best = -1
            for v in 0..<n where !isChosen[v] && (best < 0 || discounted[v] > discounted[best]) { best = v }
            isChosen[best] = true
            seeds.append(NodeID(best))
            for v in graph.successors(of: NodeID(best)) where !isChosen[Int(v)] {
                seedsSeen[Int(v)] += 1
                if reverse == nil { seedsFollowing[Int(v)] += 1 }
                update(Int(v))
            }
            for w in reverse?.predecessors(of: NodeID(best)) ?? [] where !isChosen[Int(w)] {
                seedsFollowing[Int(w)] += 1
                update(Int(w))
            }
        }
        return seeds
    }
}
