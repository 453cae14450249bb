/// A seeding campaign as a reinforcement-learning environment: `reset`, `observe`, `act`
/// (which returns the reward), `isDone`.
///
/// An episode spends a budget of `k` seeds over `R` rounds (the first `k mod R` rounds get one
/// more). An action is a (user, item) pair: seed this user with this item. Users spread each
/// item by the item's live-edge model (independent cascade, or the live-edge form of the
/// scenario's model), and a user can seed one item only.
///
/// - **One round (static seeding)**: nothing is observed but the choices. The reward of an
///   action is its marginal spread estimated on `θ` reverse-reachable sets per item drawn once
///   (the estimator IMM maximises, Tang et al. 2015): `n/θ` times the sets of that item it
///   newly covers. The return of an episode is the estimated spread of its seed sets.
/// - **Several rounds (adaptive seeding, Golovin & Krause 2011)**, or any episode when
///   ``Configuration/realises`` is set (evaluation): each episode draws one
///   live-edge world per item (the realisation). When a round's seeds are all chosen, they
///   spread in it: everyone newly reached from them is observed (their `q` becomes 1 in the
///   features) and their number is the reward of the round's last action (0 for the others).
///   The return is the realised number of adopters. (The realisation ignores the step limit.)
///
/// When the models' nodes carry worths (a weighted ``SpreadObjective``: the training's
/// `objective`), a reached user adds its worth instead of 1, in both kinds of reward.
///
/// Observations list the actions of the top `M` candidate users with every item, each with its
/// ``CandidateFeatures`` vector.
public struct SeedingEnvironment {
    /// The campaign's shape.
    public struct Configuration: Sendable, Equatable, Codable {
        /// `k`: seeds per episode.
        public var budget = 10
        /// `R`: rounds the budget is spread over (1: static seeding).
        public var rounds = 1
        /// `M`: candidate users per observation.
        public var candidates = 50
        /// `θ`: reverse-reachable sets per item behind the static reward.
        public var rewardSets = 20_000
        /// Whether every episode is realised, one round or many: rewards are then realised
        /// adopters, never RR estimates (for evaluation: a return is one simulated outcome).
        public var realises = false

        enum CodingKeys: String, CodingKey {
            case budget, rounds, candidates
            case rewardSets = "reward_sets"
        }

        /// Whether rewards come from a realisation (several rounds, or ``realises``).
        var isRealised: Bool { rounds > 1 || realises }

        /// The defaults: 10 seeds, one round, 50 candidates, 20,000 sets.
        public init() {}
    }

    /// Seed `user` with the item at position `itemIndex` of the environment's items: the same
    /// (user, item) pair a joint campaign places.
    public typealias Action = SeedPair

    /// What the policy sees before an action.
    public struct Observation: Sendable {
        /// The allowed actions.
        public var actions: [Action]
        /// Their feature vectors, row-major (`actions.count × CandidateFeatures.count`).
        public var features: [Double]
    }

    /// The platform.
    public let world: World
    /// The items a seed can be given.
    public let items: [Int]
    /// The campaign's shape.
    public let configuration: Configuration
    /// Each item's live-edge model.
    public let models: [LiveEdgeModel]
    private var features: CandidateFeatures
    private let coverage: [RRSetCoverage]
    private var covered: [[Bool]]
    private let seed: UInt64
    private var realisation: [LiveEdgeWorlds] = []
    private var realised: [[Bool]] = []
    private var roundSeeds: [Action] = []
    /// The seeds chosen so far this episode, in order.
    public private(set) var seeds: [Action] = []
    /// The rewards so far this episode, summed.
    public private(set) var episodeReturn = 0.0

    /// An environment on `world` for `items`, whose spread follows `models` (one per item).
    ///
    /// - Parameters:
    ///   - seed: the master seed of the reward sets and of each episode's realisation.
    public init(
        world: World, items: [Int], models: [LiveEdgeModel], embedding: NodeEmbedding?, configuration: Configuration,
        seed: UInt64, threads: Int
    ) {
        precondition(items.count == models.count && configuration.budget >= 1 && configuration.rounds >= 1)
        self.world = world
        self.items = items
        self.models = models
        self.configuration = configuration
        self.seed = seed
        features = CandidateFeatures(
            world: world, items: items, probabilities: models.map { $0.arcProbabilities() }, embedding: embedding)
        let streams = RandomStreams(masterSeed: seed)
        coverage =
            !configuration.isRealised
            ? models.enumerated().map { index, model in
                RRSetCoverage(
                    model: model, count: configuration.rewardSets, streams: streams, family: 10 + index,
                    threads: threads)
            } : []
        covered = coverage.map { [Bool](repeating: false, count: $0.setCount) }
    }

    /// Starts episode `episode`: no seeds, nobody reached, a fresh realisation (adaptive).
    public mutating func reset(episode: Int) {
        features.reset()
        seeds = []
        roundSeeds = []
        episodeReturn = 0
        covered = coverage.map { [Bool](repeating: false, count: $0.setCount) }
        if configuration.isRealised {
            let streams = RandomStreams(masterSeed: seed &+ UInt64(episode) &* 0x9E37_79B9_7F4A_7C15)
            realisation = models.map { LiveEdgeWorlds(model: $0, count: 1, streams: streams, threads: 1) }
            realised = items.map { _ in [Bool](repeating: false, count: world.users.count) }
        }
    }

    /// The most one item's reward can reach, averaged over the items: `n`, or the items' mean
    /// total worth `W` under a weighted objective (what the learner scales rewards by).
    public var rewardScale: Double { models.reduce(0) { $0 + $1.spreadScale } / Double(models.count) }

    /// Whether the budget is spent.
    public var isDone: Bool { seeds.count >= configuration.budget }

    /// The round the next action belongs to (0-based).
    public var round: Int {
        let k = configuration.budget
        let r = configuration.rounds
        var spent = 0
        for index in 0..<r {
            spent += k / r + (index < k % r ? 1 : 0)
            if seeds.count < spent { return index }
        }
        return r - 1
    }

    /// The candidate actions and their features.
    public mutating func observe() -> Observation {
        features.observe(
            candidates: configuration.candidates,
            budgetLeft: Double(configuration.budget - seeds.count) / Double(configuration.budget),
            roundsLeft: Double(configuration.rounds - round) / Double(configuration.rounds))
    }

    /// Seeds `action.user` with its item and returns the reward (in adopters, or the objective's unit).
    public mutating func act(_ action: Action) -> Double {
        precondition(!isDone && !seeds.contains { $0.user == action.user })
        let roundBefore = round
        seeds.append(action)
        features.markSeed(Int(action.user), itemIndex: action.itemIndex)
        var reward = 0.0
        if !configuration.isRealised {
            reward = coverage[action.itemIndex].cover(Int(action.user), covered: &covered[action.itemIndex])
        } else {
            roundSeeds.append(action)
            if isDone || round != roundBefore { reward = realiseRound() }
        }
        episodeReturn += reward
        return reward
    }

    /// Spreads this round's seeds in the realisation; marks the newly reached; returns their
    /// summed worth (how many, for the adopters).
    private mutating func realiseRound() -> Double {
        var newlyReached = 0.0
        for action in roundSeeds {
            let itemIndex = action.itemIndex
            let weights = models[itemIndex].weights
            var frontier = [Int(action.user)]
            if !realised[itemIndex][Int(action.user)] {
                realised[itemIndex][Int(action.user)] = true
                newlyReached += weights.value(of: Int(action.user))
            }
            while let node = frontier.popLast() {
                for next in realisation[itemIndex].successors(of: node, inWorld: 0)
                where !realised[itemIndex][Int(next)] {
                    realised[itemIndex][Int(next)] = true
                    newlyReached += weights.value(of: Int(next))
                    frontier.append(Int(next))
                    features.markReached(Int(next), itemIndex: itemIndex, probability: 1)
                }
            }
        }
        roundSeeds = []
        return newlyReached
    }
}
