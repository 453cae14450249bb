/// `count` distinct users drawn uniformly at random: the baseline every policy must beat.
public struct RandomSeeds: SeedingPolicy {
    /// The label in outputs (default `random`).
    public let name: String

    /// A uniform random policy.
    public init(name: String = "random") { self.name = name }

    /// A uniform sample without replacement (Floyd's algorithm, O(k) expected draws).
    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        let n = context.graph.nodeCount
        var chosen: [NodeID] = []
        var taken = Set<NodeID>()
        for upper in (n - min(count, n))..<n {
            let candidate = NodeID(rng.nextIndex(below: upper + 1))
            let pick = taken.contains(candidate) ? NodeID(upper) : candidate
            taken.insert(pick)
            chosen.append(pick)
        }
        return chosen
    }
}
