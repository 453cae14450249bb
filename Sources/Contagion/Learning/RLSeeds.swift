/// The `rl` seeding policy: a trained Q-network (``PolicyFile``) picks seeds one at a time,
/// each the best-valued candidate given the seeds so far.
///
/// The features are computed on the scenario's graph and on the live-edge form of the item's
/// compiled model, so a policy trained on small graphs applies to any graph; no simulation
/// is run to choose. Each step takes the top `M` candidates (the file's `candidates`), scores
/// their features and seeds the best; the chosen seed's friends count as reached with their
/// arc probabilities (static seeding: nothing else is observed).
///
/// - Complexity: PageRank and the features' setup, O(iterations·arcs); then per seed
///   O(M log n + M·(features + network)).
///
/// In a joint campaign the network scores every (candidate, offered item) action, as in
/// training, and the best action whose item is below its limit is taken: the policy chooses
/// the content as well as the user.
public struct RLSeeds: PairSeedingPolicy {
    /// The label in outputs (default `rl`).
    public let name: String
    /// The trained policy.
    public let policy: QNetworkPolicy
    /// Candidates scored per step.
    public let candidates: Int

    /// A policy that plays `file`'s network with its trained candidate count.
    public init(name: String = "rl", file: PolicyFile) {
        self.name = name
        policy = file.policy
        candidates = file.environment.candidates
    }

    public var optimisesLiveEdgeModel: Bool { true }

    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        try choosePairs(count: count, in: JointSeedingContext(context, limit: count), using: &rng).pairs.map(\.user)
    }

    public func choosePairs(count: Int, in context: JointSeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenPairs
    {
        let models = context.models.map { LiveEdgeModel($0) }
        var features = CandidateFeatures(
            world: context.world, items: context.items, probabilities: models.map { $0.arcProbabilities() },
            embedding: context.embedding)
        var chosen = ChosenPairs(pairs: [])
        var perItem = [Int](repeating: 0, count: context.items.count)
        while chosen.pairs.count < context.placeable(count) {
            let observation = features.observe(
                candidates: candidates, budgetLeft: Double(count - chosen.pairs.count) / Double(count), roundsLeft: 1)
            guard
                let best = policy.bestAction(
                    observation, allowing: { perItem[$0.itemIndex] < context.limits[$0.itemIndex] })
            else { break }
            let action = observation.actions[best]
            chosen.pairs.append(SeedPair(user: NodeID(action.user), itemIndex: action.itemIndex))
            perItem[action.itemIndex] += 1
            features.markSeed(action.user, itemIndex: action.itemIndex)
        }
        return chosen
    }
}
