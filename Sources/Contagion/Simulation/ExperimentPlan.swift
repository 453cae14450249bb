/// Everything a comparison of seeding policies needs, resolved from a scenario.
public struct ExperimentPlan: Sendable {
    /// The platform.
    public var world: World
    /// The propagation models compared (one, or a sweep), each compiled per item when the
    /// experiment runs.
    public var variants: [ModelVariant]
    /// What every arm seeds and runs, in output order: (variant, catalogue item) pairs.
    public var targets: [SeedingTarget]
    /// The policies to compare, in output order.
    public var policies: [any SeedingPolicy]
    /// What to evaluate: each (policy, budget) pair, in output order.
    public var arms: [SeedingArm]
    /// The policy the others are compared with, pairwise at equal budget (`nil`: none).
    public var baseline: Int?
    /// Monte-Carlo replicates per (policy, item); with a ``precision`` target, the batch added
    /// at each look.
    public var replicates: Int
    /// Run until decided (`nil`: exactly ``replicates``).
    public var precision: PrecisionTarget?
    /// The step limit `T`.
    public var maximumSteps: Int
    /// Whether to keep every event for `events.csv`.
    public var recordsEvents: Bool
    /// The master seed every random stream is derived from.
    public var masterSeed: UInt64
    /// The recommender in the loop, or `nil` for cascades only.
    public var feed: FeedPlan?
    /// How to train the graph embedding, when a recommender or policy needs it (else `nil`).
    public var embedding: GraphEmbedding.Parameters?
    /// Content mode `joint`: every arm places its budget over the offered items at once (`nil`:
    /// mode `each`, `k` seeds per item).
    public var joint: JointCampaign?
    /// `R` per policy: the rounds its budget is spread over, observing the cascade between
    /// them (1: static seeding).
    public var rounds: [Int]

    /// A plan over one model and `items`; see the properties for the meaning of each argument.
    public init(
        world: World, model: any PropagationModel, policies: [any SeedingPolicy], arms: [SeedingArm], baseline: Int?,
        items: [Int], replicates: Int, maximumSteps: Int, recordsEvents: Bool, masterSeed: UInt64,
        feed: FeedPlan? = nil, embedding: GraphEmbedding.Parameters? = nil
    ) {
        self.init(
            world: world, variants: [ModelVariant(label: model.name, model: model)], policies: policies, arms: arms,
            baseline: baseline, targets: items.map { SeedingTarget(variant: 0, item: $0) }, replicates: replicates,
            maximumSteps: maximumSteps, recordsEvents: recordsEvents, masterSeed: masterSeed, feed: feed,
            embedding: embedding)
    }

    /// A plan over model variants; see the properties for the meaning of each argument.
    public init(
        world: World, variants: [ModelVariant], policies: [any SeedingPolicy], arms: [SeedingArm], baseline: Int?,
        targets: [SeedingTarget], replicates: Int, precision: PrecisionTarget? = nil, maximumSteps: Int,
        recordsEvents: Bool, masterSeed: UInt64, feed: FeedPlan? = nil, embedding: GraphEmbedding.Parameters? = nil,
        joint: JointCampaign? = nil, rounds: [Int]? = nil
    ) {
        let rounds = rounds ?? Array(repeating: 1, count: policies.count)
        precondition(arms.allSatisfy { policies.indices.contains($0.policy) && $0.budget >= 1 })
        precondition(baseline.map(policies.indices.contains) ?? true)
        precondition(targets.allSatisfy { variants.indices.contains($0.variant) })
        precondition(feed == nil || variants.count == 1, "a recommender in the loop runs one model")
        precondition(feed == nil || precision == nil, "a recommender in the loop runs a fixed number of replicates")
        precondition(precision.map { $0.batch == replicates } ?? true, "the precision batch is the replicates")
        precondition(rounds.count == policies.count && arms.allSatisfy { $0.budget >= rounds[$0.policy] })
        precondition(!rounds.contains { $0 > 1 } || (feed == nil && joint == nil), "rounds need cascades alone")
        self.world = world
        self.variants = variants
        self.policies = policies
        self.arms = arms
        self.baseline = baseline
        self.targets = targets
        self.precision = precision
        self.replicates = replicates
        self.maximumSteps = maximumSteps
        self.recordsEvents = recordsEvents
        self.masterSeed = masterSeed
        self.feed = feed
        self.embedding = embedding
        self.joint = joint
        self.rounds = rounds
        if let joint {
            precondition(joint.rules.count == policies.count && targets.allSatisfy { !$0.isCampaign })
            // Each variant's campaign total comes after every seeded target.
            self.targets += variants.indices.map { SeedingTarget(variant: $0, item: SeedingTarget.campaign) }
            precondition(joint.limits.count == seededTargets(ofVariant: 0).count)
        }
    }

    /// Whether some policy seeds over several rounds (``AdaptiveBatch`` then runs the cascades).
    public var isAdaptive: Bool { rounds.contains { $0 > 1 } }

    /// The names of the feed's recommenders, or `["none"]` without a feed: the values of the
    /// tables' `recommender` column.
    public var recommenderNames: [String] { feed?.recommenders.map(\.name) ?? ["none"] }

    /// The catalogue item of each target, in target order (``SeedingTarget/campaign`` for a
    /// campaign total).
    public var items: [Int] { targets.map(\.item) }

    /// The targets whose cascades run (all but the campaign totals), which come first.
    public var seededTargetCount: Int { targets.count { !$0.isCampaign } }

    /// The indices of variant `variant`'s seeded targets, in order.
    public func seededTargets(ofVariant variant: Int) -> [Int] {
        targets.indices.filter { targets[$0].variant == variant && !targets[$0].isCampaign }
    }

    /// The tables' `item` value of target `index`: the catalogue item, or `all` for a campaign total.
    public func itemLabel(_ index: Int) -> String {
        targets[index].isCampaign ? "all" : String(targets[index].item)
    }

    /// The variant label of target `index` (the tables' `model` column).
    public func modelLabel(_ index: Int) -> String { variants[targets[index].variant].label }
}

/// One propagation model of a plan and its name in the tables.
public struct ModelVariant: Sendable {
    /// The `model` column's value.
    public var label: String
    /// The model.
    public var model: any PropagationModel

    /// A variant named `label`.
    public init(label: String, model: any PropagationModel) {
        self.label = label
        self.model = model
    }
}

/// What an arm seeds and runs: one item under one model variant.
public struct SeedingTarget: Sendable, Equatable {
    /// Index into the plan's variants.
    public var variant: Int
    /// The catalogue item.
    public var item: Int

    /// Item `item` under variant `variant`.
    public init(variant: Int, item: Int) {
        self.variant = variant
        self.item = item
    }

    /// The ``item`` of a campaign total: the runs of a joint campaign's items taken together.
    public static let campaign = -1

    /// Whether this is a campaign total rather than an item whose cascades run.
    public var isCampaign: Bool { item == Self.campaign }
}

/// Content mode `joint`: each arm's budget of `k` (user, item) pairs over the offered items.
public struct JointCampaign: Sendable, Equatable {
    /// The most seeds each offered item may take, in the plan's item order.
    public var limits: [Int]
    /// Per policy, how its seeds get their items.
    public var rules: [ContentRule]

    /// A campaign with per-item `limits` and per-policy `rules`.
    public init(limits: [Int], rules: [ContentRule]) {
        self.limits = limits
        self.rules = rules
    }
}

/// One thing an experiment evaluates: a policy with a budget.
public struct SeedingArm: Sendable, Equatable {
    /// Index into the plan's policies.
    public var policy: Int
    /// Seeds to choose (`k`).
    public var budget: Int

    /// The arm of `policy` at budget `budget`.
    public init(policy: Int, budget: Int) {
        self.policy = policy
        self.budget = budget
    }
}
