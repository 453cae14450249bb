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
public struct RLSeeds: SeedingPolicy {
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
        let model = LiveEdgeModel(context.model)
        var features = CandidateFeatures(
            world: context.world, items: [context.item], probabilities: [model.arcProbabilities()],
            embedding: context.embedding)
        var seeds: [NodeID] = []
        while seeds.count < count {
            let observation = features.observe(
                candidates: candidates, budgetLeft: Double(count - seeds.count) / Double(count), roundsLeft: 1)
            guard let best = policy.bestAction(observation) else { break }
            let user = observation.actions[best].user
            seeds.append(NodeID(user))
            features.markSeed(user, itemIndex: 0)
        }
        return seeds
    }
}
