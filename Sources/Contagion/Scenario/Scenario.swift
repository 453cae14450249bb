/// A scenario file, decoded and checked: the graph, the population, the model, the policies
/// and how to run and write them. Every key and its default is in `Docs/Scenarios.md`.
public struct Scenario: Codable, Sendable, Equatable {
    /// The scenario's name (default: the file name without extension); names the output folder.
    public var name: String
    /// The master seed every random stream is derived from.
    public var seed: UInt64
    /// The `graph` key (required): one graph or a sweep of several.
    public var graphs: GraphVariants
    /// The `users` section (defaults if absent).
    public var users: UserSettings
    /// The `items` section (defaults if absent).
    public var items: ItemSettings
    /// The `model` key: one model or a sweep of several (default: the content-aware model).
    public var models: ModelVariants
    /// The `policies` list: at least one policy, names unique (required, unless the scenario
    /// has a `dataset` or `rl` section and is only for `contagion generate` or `train`).
    public var policies: [PolicySettings]
    /// Default seeds per policy: one budget or a sweep.
    public var budget: Budgets
    /// The policy the others are compared with in `summary.csv` (default: the first listed).
    public var baseline: String
    /// The `simulation` section (defaults if absent).
    public var simulation: SimulationSettings
    /// The `embedding` section: how the graph embedding is trained (defaults if absent).
    public var embedding: EmbeddingSettings
    /// The `feed` section: the recommender in the loop (`nil`: no feed, cascades only).
    public var feed: FeedSettings?
    /// The `dataset` section: what `contagion generate` writes (`nil`: not a dataset scenario).
    public var dataset: DatasetSettings?
    /// The `rl` section: how `contagion train` trains a policy (`nil`: defaults if trained).
    public var rl: LearningSettings?
    /// The `output` section (defaults if absent).
    public var output: OutputSettings

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, seed
        case graphs = "graph"
        case users, items
        case models = "model"
        case policies, budget, baseline, simulation, embedding, feed, dataset
        case rl, output
    }

    /// Decodes a scenario; `name` falls back to `defaultName` (set by the loader).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        name = try c.decodeName(
            .name, default: decoder.userInfo[Scenario.defaultNameKey] as? String ?? "scenario", namesFolder: true)
        seed = try c.decode(.seed, default: 1)
        graphs = try c.decode(GraphVariants.self, forKey: .graphs)
        users = try c.decode(.users, default: UserSettings())
        items = try c.decode(.items, default: ItemSettings())
        models = try c.decode(.models, default: ModelVariants(ModelSettings()))
        budget = try c.decode(.budget, default: 10)
        dataset = try c.decodeIfPresent(DatasetSettings.self, forKey: .dataset)
        rl = try c.decodeIfPresent(LearningSettings.self, forKey: .rl)
        // A scenario only for `generate` or `train` needs no policy.
        let needsPolicies = dataset == nil && rl == nil
        policies =
            try needsPolicies ? c.decode([PolicySettings].self, forKey: .policies) : c.decode(.policies, default: [])
        try c.check(!policies.isEmpty || !needsPolicies, .policies, "must list at least one policy", got: "[]")
        var seen = Set<String>()
        for (index, policy) in policies.enumerated() where !seen.insert(policy.name).inserted {
            throw ScenarioError(
                at: c.codingPath + [CodingKeys.policies, AnyKey(intValue: index), PolicySettings.CodingKeys.name],
                "must be unique, got '\(policy.name)' twice")
        }
        baseline = try c.decode(.baseline, default: policies.first?.name ?? "")
        try c.check(
            seen.contains(baseline) || policies.isEmpty, .baseline,
            "must name a policy (one of: \(policies.map(\.name).joined(separator: ", ")))", got: "'\(baseline)'")
        simulation = try c.decode(.simulation, default: SimulationSettings())
        var listedItems = Set<Int>()
        for (index, item) in simulation.items.enumerated() {
            let path =
                c.codingPath + [CodingKeys.simulation, SimulationSettings.CodingKeys.items, AnyKey(intValue: index)]
            if item >= items.count {
                throw ScenarioError(at: path, "must be < items.count (\(items.count)), got \(item)")
            }
            if !listedItems.insert(item).inserted {
                throw ScenarioError(at: path, "must list each item once, got \(item) twice")
            }
        }
        embedding = try c.decode(.embedding, default: EmbeddingSettings())
        feed = try c.decodeIfPresent(FeedSettings.self, forKey: .feed)
        try c.check(
            simulation.precision == nil || feed == nil, .simulation,
            "precision applies without a feed (a recommender in the loop runs a fixed number of replicates)",
            got: "a precision section")
        try c.check(
            models.list.count == 1 || (feed == nil && dataset == nil && rl == nil), .models,
            "a list of models is for contagion run without a feed (feed, dataset and rl take one model)",
            got: "\(models.list.count) models")
        try c.check(
            graphs.list.count == 1 || (dataset == nil && rl == nil), .graphs,
            "a list of graphs is for contagion run (dataset and rl take one graph)",
            got: "\(graphs.list.count) graphs")
        if feed != nil {
            try c.check(
                models.first.model.funnel != nil, .feed,
                "needs the content_aware model (clicks, purchases and shares)", got: "model \(models.first.type)")
        }
        for (index, item) in (rl?.items ?? []).enumerated() where item >= items.count {
            throw ScenarioError(
                at: c.codingPath + [CodingKeys.rl, LearningSettings.CodingKeys.items, AnyKey(intValue: index)],
                "must be < items.count (\(items.count)), got \(item)")
        }
        output = try c.decode(.output, default: OutputSettings())
    }

    static let defaultNameKey = userInfoKey("contagion.defaultName")
    /// The scenario file's folder, against which relative paths inside it are resolved.
    static let baseDirectoryKey = userInfoKey("contagion.baseDirectory")
    /// Whether `rl` policies read their files while decoding (default true).
    static let readsPolicyFilesKey = userInfoKey("contagion.readsPolicyFiles")

    /// A decoder user-info key. `CodingUserInfoKey(rawValue:)` accepts every string (its
    /// optional is historical), so the failure branch is unreachable.
    private static func userInfoKey(_ name: String) -> CodingUserInfoKey {
        guard let key = CodingUserInfoKey(rawValue: name) else { preconditionFailure("no user-info key \(name)") }
        return key
    }

    /// The step limit `T` of `run` and `train`: `simulation.max_steps` if given; otherwise
    /// unlimited ("until no new activation", at most one step per user) when the model's
    /// cascades end by themselves and no recommender is in the loop, else
    /// ``SimulationSettings/boundedStepLimit``.
    public var stepLimit: Int {
        simulation.maxSteps
            ?? (models.list.allSatisfy(\.model.endsOnItsOwn) && feed == nil
                ? .max : SimulationSettings.boundedStepLimit)
    }

    /// The steps a generated dataset's log spans: `simulation.max_steps`, else
    /// ``SimulationSettings/boundedStepLimit``.
    public var datasetSteps: Int { simulation.maxSteps ?? SimulationSettings.boundedStepLimit }

    /// The scenario's first (for `generate` and `train`, only) model.
    public var model: ModelSettings { models.first }

    /// The scenario's first (for `generate`, `train` and `embed`, only) graph.
    public var graph: GraphSettings {
        get { graphs.first }
        set { graphs.first = newValue }
    }

    /// The scenario with only its graph `index` of a sweep: what `run` runs for that graph.
    public func onlyGraph(_ index: Int) -> Scenario {
        var one = self
        one.graphs = GraphVariants(graphs.list[index])
        return one
    }

    /// The budgets for policy `index`: its own `k` or the scenario's budget.
    public func budgets(ofPolicy index: Int) -> Budgets { policies[index].k ?? budget }
}

/// The `simulation` section.
public struct SimulationSettings: Codable, Sendable, Equatable {
    /// Monte-Carlo replicates per (policy, item).
    public var replicates: Int
    /// The step limit `T`, or `nil` for ``Scenario/stepLimit``'s default.
    public var maxSteps: Int?
    /// The catalogue items to seed (indices).
    public var items: [Int]
    /// Whether to write `events.csv`.
    public var events: Bool
    /// Run until decided: add `replicates` at a time until the criterion holds (`nil`: run
    /// exactly `replicates`).
    public var precision: PrecisionSettings?
    /// `each` (default: `k` seeds for every listed item) or `joint` (`k` (user, item) pairs
    /// over the listed items).
    public var content: ContentMode
    /// With `content: joint`, the most seeds each listed item may take, in `items` order
    /// (`item_limits`: one number for every item, or a list; default: no limit but `k`).
    public var itemLimits: [Int]?
    /// `R`: the rounds each budget is spread over, the cascade observed between them (default
    /// 1: static seeding).
    public var rounds: Int

    /// How a budget meets the listed items.
    public enum ContentMode: String, Codable, Sendable, CaseIterable {
        /// `k` seeds for every listed item, each item seeded and compared on its own.
        case each
        /// `k` (user, item) pairs over the listed items: a user gets one item, and the items'
        /// cascades are compared together (the `item` value `all`).
        case joint
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case replicates
        case maxSteps = "max_steps"
        case items, events, precision, content, rounds
        case itemLimits = "item_limits"
    }

    /// The step limit when `max_steps` is absent and cascades need not end by themselves (SIS,
    /// a recommender in the loop, dataset generation).
    public static let boundedStepLimit = 100

    /// The documented defaults.
    public init() {
        replicates = 100
        items = [0]
        events = false
        content = .each
        rounds = 1
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        replicates = try c.decode(.replicates, default: 100, in: 1...1_000_000_000)
        maxSteps = try c.decodeIfPresent(Int.self, forKey: .maxSteps)
        if let maxSteps {
            try c.check((1...1_000_000).contains(maxSteps), .maxSteps, "must be in [1, 1000000]", got: maxSteps)
        }
        items = try c.decode(.items, default: [0])
        try c.check(
            !items.isEmpty && items.allSatisfy { $0 >= 0 }, .items, "must be a non-empty list of item indices ≥ 0",
            got: items)
        events = try c.decode(.events, default: false)
        precision = try c.decodeIfPresent(PrecisionSettings.self, forKey: .precision)
        if let precision {
            try c.check(
                precision.maxReplicates >= replicates, .precision,
                "max_replicates must be ≥ replicates (\(replicates)), the batch added at each look",
                got: precision.maxReplicates)
        }
        content = try c.decode(.content, default: ContentMode.each)
        rounds = try c.decode(.rounds, default: 1, in: 1...1_000_000)
        if let found = try c.decodeIfPresent(JSONValue.self, forKey: .itemLimits) {
            let path = c.codingPath + [CodingKeys.itemLimits]
            try c.check(content == .joint, .itemLimits, "applies only with content: joint", got: found.jsonText)
            let limits: [Int]
            switch found {
            case .integer(let limit): limits = Array(repeating: Int(limit), count: items.count)
            case .array(let list) where list.count == items.count:
                limits = try list.map {
                    guard case .integer(let limit) = $0 else {
                        throw ScenarioError(at: path, "expected a list of integers, got \(found.jsonText)")
                    }
                    return Int(limit)
                }
            default:
                throw ScenarioError(
                    at: path,
                    "expected an integer or a list of one per listed item (\(items.count)), got \(found.jsonText)")
            }
            if let bad = limits.first(where: { $0 < 1 }) { throw ScenarioError(at: path, "must be ≥ 1, got \(bad)") }
            itemLimits = limits
        }
    }

    /// The most seeds each listed item may take in a campaign of `budget` seeds.
    public func itemLimits(budget: Int) -> [Int] { itemLimits ?? Array(repeating: budget, count: items.count) }

    /// The plan's precision target, or `nil`.
    public var precisionTarget: PrecisionTarget? {
        precision.map {
            PrecisionTarget(
                criterion: $0.width.map { .width($0) } ?? .separated, batch: replicates,
                maximumReplicates: $0.maxReplicates)
        }
    }

    /// The most replicates a run can take.
    public var maximumReplicates: Int { precision?.maxReplicates ?? replicates }
}

/// The `simulation.precision` section: run until the best policy is separated from the rest,
/// or until every interval is narrow enough (``PrecisionTarget``).
public struct PrecisionSettings: Codable, Sendable, Equatable {
    /// `separated` (default) or `width`.
    public var until: String
    /// With `until: width`: the widest 95% interval of mean adopters allowed, in users.
    public var width: Double?
    /// The cap on replicates per arm.
    public var maxReplicates: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case until, width
        case maxReplicates = "max_replicates"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        until = try c.decode(.until, default: "separated")
        try c.check(["separated", "width"].contains(until), .until, "must be separated or width", got: "'\(until)'")
        width = try c.decodeIfPresent(Double.self, forKey: .width)
        if until == "width" {
            let width = try c.decode(Double.self, forKey: .width)
            try c.check(width > 0 && width.isFinite, .width, "must be a number > 0", got: width)
        } else {
            try c.check(width == nil, .width, "applies only with until: width", got: width ?? 0)
        }
        maxReplicates = try c.decode(Int.self, forKey: .maxReplicates)
        try c.check(
            (1...1_000_000_000).contains(maxReplicates), .maxReplicates, "must be in [1, 1000000000]",
            got: maxReplicates)
    }
}

/// The `output` section.
public struct OutputSettings: Codable, Sendable, Equatable {
    /// The output folder (default `out/<name>`), relative to the working directory.
    public var directory: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case directory }

    /// The default: `out/<name>`.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        directory = try c.decodeIfPresent(String.self, forKey: .directory)
    }
}
