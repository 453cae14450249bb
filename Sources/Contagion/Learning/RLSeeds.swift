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
        var features = Self.features(context.world, items: context.items, models: context.models, context.embedding)
        return play(
            count: context.placeable(count), limits: context.limits, features: &features, budget: count, spent: 0,
            roundsLeft: 1)
    }

    /// An adaptive round played as in training: the earlier seeds are marked as seeds, every
    /// other user the observed cascade reached is marked reached (`q = 1`), and the features
    /// say how much of the budget and of the rounds is left.
    public func selectNextRound(
        count: Int, in context: SeedingContext, after observation: RoundObservation,
        using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID] {
        var features = Self.features(context.world, items: [context.item], models: [context.model], context.embedding)
        for seed in observation.seeds { features.markSeed(Int(seed), itemIndex: 0) }
        for (user, isActive) in observation.active.enumerated() where isActive {
            features.markReached(user, itemIndex: 0, probability: 1)
        }
        let roundsLeft = Double(observation.rounds - observation.round) / Double(observation.rounds)
        let inactive = observation.active.count { !$0 }
        return play(
            count: min(count, inactive), limits: [count], features: &features, budget: observation.budget,
            spent: observation.seeds.count, roundsLeft: roundsLeft, allowing: { !observation.active[$0] }
        ).pairs.map(\.user)
    }

    /// The candidate features of `items` under `models` (their live-edge forms).
    private static func features(
        _ world: World, items: [Int], models: [CompiledModel], _ embedding: NodeEmbedding?
    ) -> CandidateFeatures {
        CandidateFeatures(
            world: world, items: items, probabilities: models.map { LiveEdgeModel($0).arcProbabilities() },
            embedding: embedding)
    }

    /// Takes the best allowed action `count` times, each item within its limit and each user
    /// one `allowing` accepts (in a later round: not active yet); the budget left is
    /// `(budget − spent − chosen) / budget`.
    private func play(
        count: Int, limits: [Int], features: inout CandidateFeatures, budget: Int, spent: Int, roundsLeft: Double,
        allowing isAllowed: (Int) -> Bool = { _ in true }
    ) -> ChosenPairs {
        var chosen = ChosenPairs(pairs: [])
        var perItem = [Int](repeating: 0, count: limits.count)
        while chosen.pairs.count < count {
            let left = Double(budget - spent - chosen.pairs.count) / Double(budget)
            let observation = features.observe(candidates: candidates, budgetLeft: left, roundsLeft: roundsLeft)
            guard
                let best = policy.bestAction(
                    observation, allowing: { perItem[$0.itemIndex] < limits[$0.itemIndex] && isAllowed(Int($0.user)) })
            else { break }
            let action = observation.actions[best]
            chosen.pairs.append(action)
            perItem[action.itemIndex] += 1
            features.markSeed(Int(action.user), itemIndex: action.itemIndex)
        }
        return chosen
    }
}
