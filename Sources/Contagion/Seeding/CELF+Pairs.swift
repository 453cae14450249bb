/// Joint CELF: greedy over (user, item) pairs on each item's own sampled live-edge worlds.
///
/// Item `j` gets `R` worlds of its live-edge form from stream family `j` of the policy's
/// generator. The campaign's estimated adopters, `Σ_j (1/R)·Σ_w |reached_j,w(S_j)|` (their
/// summed worths under a weighted objective), is a sum of coverage functions, monotone submodular over pairs, and ``PairGreedy`` maximises it under
/// the campaign's rules (1/2 of the estimate's optimum with one matroid, 1/3 with item limits),
/// with CELF's incremental gains per item.
extension CELF: PairSeedingPolicy {
    /// The greedy pairs with their gains in the objective averaged over each item's worlds.
    public func choosePairs(count: Int, in context: JointSeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenPairs
    {
        let streams = context.streams(using: &rng)
        let n = context.world.graph.nodeCount
        let coverages = try context.models.indices.map { itemIndex in
            var worldRNG = streams.generator(.seeding, itemIndex)
            let worlds = LiveEdgeWorlds(
                model: try LiveEdgeModel(context.models[itemIndex], objective: objective, policy: name),
                count: simulations,
                streams: RandomStreams(masterSeed: worldRNG.next()), threads: context.threads)
            return SeedCoverage(worlds: worlds)
        }
        let initialGains = coverages.enumerated().map { itemIndex, coverage -> [Double] in
            guard context.limits[itemIndex] > 0 else { return [Double](repeating: 0, count: n) }
            return Parallel.map(count: n, threads: context.threads, makeWorkspace: { coverage.makeWorkspace() }) {
                node, workspace in
                var reached = 0
                for world in 0..<simulations {
                    reached += coverage.gain(of: node, inWorld: world, workspace: &workspace)
                }
                return coverage.worlds.average(reached)
            }
        }
        var worlds = Worlds(coverages: coverages, threads: context.threads)
        return PairGreedy.select(
            count: count, initialGains: initialGains, limits: context.limits, objective: &worlds,
            progress: context.progress)
    }

    /// Each item's seed coverage of its worlds.
    private struct Worlds: PairObjective {
        let coverages: [SeedCoverage]
        let threads: Int

        func gain(of user: Int, itemIndex: Int) -> Double {
            let coverage = coverages[itemIndex]
            return coverage.worlds.average(coverage.gain(of: user, threads: threads))
        }

        func add(_ user: Int, itemIndex: Int) { coverages[itemIndex].add(user, threads: threads) }
    }
}
