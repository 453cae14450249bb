/// Joint IMM: greedy over the union of the items' reverse-reachable sets.
///
/// Item `j`'s sets are those IMM's own phases draw for it with the most seeds it may take
/// (`min(k, limit_j)`), from stream family `j` of the policy's generator. Giving user `u` item
/// `j` covers the sets of item `j` that contain `u`; the estimate of the campaign's adopters,
/// `Σ_j n/θ_j · (sets of j covered)` (`W_j/θ_j` with item `j`'s worths under a weighted
/// objective, so revenue weighs each item by its price), is a sum of coverage functions, monotone submodular over
/// pairs, and ``PairGreedy`` maximises it under the campaign's rules (a 1/2-approximation of
/// the estimate with one matroid, 1/3 with item limits). Each item's estimate is IMM's; the
/// joint choice carries no certificate.
extension IMM: PairSeedingPolicy {
    /// The greedy pairs with their estimated gains in the objective.
    public func choosePairs(count: Int, in context: JointSeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenPairs
    {
        let streams = context.streams(using: &rng)
        var coverage = Coverage(items: [])
        for (itemIndex, model) in context.models.enumerated() where context.limits[itemIndex] > 0 {
            var itemRNG = streams.generator(.seeding, itemIndex)
            let sets = try selectionSets(
                count: min(count, context.limits[itemIndex]), model: try liveEdgeModel(model), threads: context.threads,
                progress: context.progress, using: &itemRNG
            ).sets
            coverage.items.append((RRSetCoverage(sets), itemIndex))
        }
        let n = context.world.graph.nodeCount
        var initialGains = context.items.map { _ in [Double](repeating: 0, count: n) }
        for (itemCoverage, itemIndex) in coverage.items {
            let none = [Bool](repeating: false, count: itemCoverage.setCount)
            initialGains[itemIndex] = (0..<n).map { itemCoverage.gain(of: $0, covered: none) }
        }
        coverage.covered = coverage.items.map { [Bool](repeating: false, count: $0.coverage.setCount) }
        coverage.position = [Int](repeating: -1, count: context.items.count)
        for (position, entry) in coverage.items.enumerated() { coverage.position[entry.itemIndex] = position }
        return PairGreedy.select(
            count: count, initialGains: initialGains, limits: context.limits, objective: &coverage,
            progress: context.progress)
    }

    /// The items' RR-set coverage, kept as pairs are added.
    private struct Coverage: PairObjective {
        /// Each item that may take seeds: its indexed sets and its position among the offered items.
        var items: [(coverage: RRSetCoverage, itemIndex: Int)]
        var covered: [[Bool]] = []
        /// Per offered item, its entry in ``items`` (−1 for an item that may take no seed).
        var position: [Int] = []

        mutating func gain(of user: Int, itemIndex: Int) -> Double {
            let entry = position[itemIndex]
            return items[entry].coverage.gain(of: user, covered: covered[entry])
        }

        mutating func add(_ user: Int, itemIndex: Int) {
            let entry = position[itemIndex]
            _ = items[entry].coverage.cover(user, covered: &covered[entry])
        }
    }
}
