import Foundation

extension Scenario {
    /// Builds the graph, users and catalogue the scenario describes.
    ///
    /// Each part draws from its own stream of the master seed, so changing the catalogue does
    /// not change the graph.
    ///
    /// - Parameter baseDirectory: where relative edge-list paths are resolved (the scenario
    ///   file's folder).
    /// - Throws: ``EdgeListError`` for a bad edge list.
    public func makeWorld(baseDirectory: String) throws -> World {
        let streams = RandomStreams(masterSeed: seed)
        var graphRNG = streams.generator(.graph, 0)
        let graph = try self.graph.makeGraph(baseDirectory: baseDirectory, using: &graphRNG)
        var communityRNG = streams.generator(.population, 2)
        let communities: [Int32]
        switch users.communities {
        case .auto where graph.communities != nil:
            communities = graph.communities ?? []
        case .auto where model.model.dependsOnItem:
            communities = LabelPropagation.communities(of: graph, using: &communityRNG)
        case .auto:
            // Only the content-aware model reads user interests; skip the detection.
            communities = [Int32](repeating: 0, count: graph.nodeCount)
        case .labelPropagation:
            communities = LabelPropagation.communities(of: graph, using: &communityRNG)
        case .none:
            communities = [Int32](repeating: 0, count: graph.nodeCount)
        }
        let files = try populationTables(baseDirectory: baseDirectory)
        let userRows = try files.users.map { try PopulationFiles.UserRows($0, graph: graph) }
        let userCommunities = try userRows.flatMap {
            try PopulationFiles.communities(in: $0, graph: graph, drawn: communities)
        }
        var userRNG = streams.generator(.population, 0)
        var itemRNG = streams.generator(.population, 1)
        let drawnUsers = Users.generate(
            communities: userCommunities ?? communities, parameters: users.parameters, using: &userRNG)
        let drawnItems = Catalogue.generate(topicCount: users.topics, parameters: items.parameters, using: &itemRNG)
        return World(
            graph: graph,
            users: try userRows.map { try PopulationFiles.users(from: $0, graph: graph, drawn: drawnUsers) }
                ?? drawnUsers,
            catalogue: try files.items.map { try PopulationFiles.catalogue(from: $0, drawn: drawnItems) } ?? drawnItems)
    }

    /// The scenario with every file it reads (graph files, `users.file`, `items.file`) given
    /// by an absolute path, relative ones resolved against `baseDirectory`.
    public func resolvingPaths(against baseDirectory: String) -> Scenario {
        var resolved = self
        for index in resolved.graphs.list.indices {
            resolved.graphs.list[index].source = graphs.list[index].source.resolvingPaths(against: baseDirectory)
        }
        resolved.users.file = users.file.map { Self.resolved($0, against: baseDirectory) }
        resolved.items.file = items.file.map { Self.resolved($0, against: baseDirectory) }
        return resolved
    }

    /// `path`, or when relative `baseDirectory/path`.
    static func resolved(_ path: String, against baseDirectory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
    }

    /// The `users.file` and `items.file` tables, read, their shapes checked against
    /// `users.topics` and `items.count`.
    ///
    /// - Throws: ``PopulationFileError`` for a file that cannot be read, ``ScenarioError`` at
    ///   the key a file disagrees with.
    private func populationTables(baseDirectory: String) throws -> (
        users: PopulationFiles.Table?, items: PopulationFiles.Table?
    ) {
        let userTable = try users.file.map {
            try PopulationFiles.Table(path: Self.resolved($0, against: baseDirectory))
        }
        let itemTable = try items.file.map {
            try PopulationFiles.Table(path: Self.resolved($0, against: baseDirectory))
        }
        if let userTable, let columns = try userTable.vectorColumns("interest_"), columns.count != users.topics {
            throw ScenarioError(
                keyPath: "users.topics",
                message: "must equal the \(columns.count) interest columns of \(userTable.path), got \(users.topics)")
        }
        if let itemTable {
            guard itemTable.table.rows.count == items.count else {
                throw ScenarioError(
                    keyPath: "items.count",
                    message:
                        "must equal the \(itemTable.table.rows.count) rows of \(itemTable.path), got \(items.count)")
            }
            if let columns = try itemTable.vectorColumns("topic_"), columns.count != users.topics {
                throw ScenarioError(
                    keyPath: "users.topics",
                    message: "must equal the \(columns.count) topic columns of \(itemTable.path), got \(users.topics)")
            }
        }
        return (userTable, itemTable)
    }

    /// The experiment to run on `world`: one arm per (policy, budget), policy by policy.
    ///
    /// - Throws: ``ScenarioError`` when the scenario lists no policy or a budget exceeds the number of users.
    public func makePlan(world: World) throws -> ExperimentPlan {
        guard !policies.isEmpty else {
            throw ScenarioError(
                keyPath: "policies",
                message:
                    "must list at least one policy to run (a scenario without one is for contagion generate or train)")
        }
        let n = world.graph.nodeCount
        for index in policies.indices where budgets(ofPolicy: index).largest > n {
            let keyPath = policies[index].k == nil ? "budget" : "policies[\(index)].k"
            throw ScenarioError(
                keyPath: keyPath, message: "must be ≤ the graph's \(n) users, got \(budgets(ofPolicy: index).largest)")
        }
        let arms = policies.indices.flatMap { index in
            budgets(ofPolicy: index).values.map { SeedingArm(policy: index, budget: $0) }
        }
        let labels = models.labels
        let variants = models.list.indices.map { ModelVariant(label: labels[$0], model: models.list[$0].model) }
        // Only content-aware cascades depend on the item: other models run the first listed one,
        // unless a joint campaign splits its budget over the items.
        let joint = simulation.content == .joint
        let targets = variants.indices.flatMap { variant in
            (variants[variant].model.dependsOnItem || joint ? simulation.items : [simulation.items[0]]).map {
                SeedingTarget(variant: variant, item: $0)
            }
        }
        try checkRounds()
        try checkObjectives()
        if simulation.content == .joint, let limits = simulation.itemLimits {
            let largest = policies.indices.map { budgets(ofPolicy: $0).largest }.max() ?? 0
            if limits.reduce(0, +) < largest {
                throw ScenarioError(
                    keyPath: "simulation.item_limits",
                    message:
                        "must leave room for every budget: they sum to \(limits.reduce(0, +)), less than k = \(largest)"
                )
            }
        }
        let made = try policies.map { try $0.makePolicy() }
        let rules = zip(policies, made).map { settings, policy in
            settings.content ?? ContentRule.defaultRule(for: policy)
        }
        for (index, rule) in rules.enumerated()
        where joint && rule == .pairs && !(made[index] is any PairSeedingPolicy) {
            throw ScenarioError(
                keyPath: "policies[\(index)].content",
                message: "must be best_item or affinity: \(policies[index].type) chooses users only, got 'pairs'")
        }
        return ExperimentPlan(
            world: world, variants: variants, policies: made, arms: arms,
            baseline: policies.firstIndex { $0.name == baseline }, targets: targets, replicates: simulation.replicates,
            precision: simulation.precisionTarget,
            maximumSteps: stepLimit, recordsEvents: simulation.events, masterSeed: seed,
            feed: makeFeedPlan(world: world), embedding: needsEmbedding ? embedding.parameters : nil,
            joint: joint
                ? JointCampaign(limits: simulation.itemLimits(budget: arms.map(\.budget).max() ?? 1), rules: rules)
                : nil,
            rounds: policies.indices.map(rounds(ofPolicy:)))
    }

    /// The rounds policy `index` spreads its budget over: its own `rounds`, else `simulation.rounds`.
    public func rounds(ofPolicy index: Int) -> Int { policies[index].rounds ?? simulation.rounds }

    /// Checks that rounds > 1 can be played: an exact live-edge model without a step limit, no
    /// feed, content mode `each`, and at least one seed per round.
    ///
    /// - Throws: ``ScenarioError`` at `simulation.rounds`, or at the policy's `rounds` or `k`.
    func checkRounds() throws {
        guard let adaptive = policies.indices.first(where: { rounds(ofPolicy: $0) > 1 }) else { return }
        let keyPath = policies[adaptive].rounds == nil ? "simulation.rounds" : "policies[\(adaptive)].rounds"
        func refuse(_ reason: String) -> ScenarioError {
            ScenarioError(keyPath: keyPath, message: "\(reason), got \(rounds(ofPolicy: adaptive))")
        }
        if let model = models.list.first(where: { !$0.model.isLiveEdgeExact }) {
            throw refuse(
                "more than one round needs a model whose cascades are their live-edge form (independent_cascade, linear_threshold), not \(model.type)"
            )
        }
        if simulation.maxSteps != nil {
            throw refuse("more than one round needs cascades without a step limit (remove simulation.max_steps)")
        }
        if feed != nil { throw refuse("more than one round is for cascades without a feed") }
        if simulation.content == .joint { throw refuse("more than one round needs content: each") }
        for index in policies.indices {
            let smallest = budgets(ofPolicy: index).values.min() ?? 1
            if smallest < rounds(ofPolicy: index) {
                throw ScenarioError(
                    keyPath: policies[index].rounds == nil ? "simulation.rounds" : "policies[\(index)].rounds",
                    message:
                        "must be ≤ the smallest budget of \(policies[index].name) (k = \(smallest)): one seed per round at least, got \(rounds(ofPolicy: index))"
                )
            }
        }
    }

    /// Refuses an `objective` that counts purchases under a model without them.
    func checkObjectives() throws {
        for (index, settings) in policies.enumerated() {
            try Self.check(settings.policy.objective, at: "policies[\(index)].objective", under: models.list)
        }
    }

    /// Refuses `objective` at `keyPath` when it counts purchases and one of `models` has none.
    static func check(_ objective: SpreadObjective, at keyPath: String, under models: [ModelSettings]) throws {
        guard objective != .adopters, let model = models.first(where: { $0.model.funnel == nil }) else { return }
        throw ScenarioError(
            keyPath: keyPath,
            message:
                "must be adopters under \(model.type): only content_aware has purchases, got '\(objective.rawValue)'")
    }

    /// Per policy name, where the scenario plays it outside the setting it was built for
    /// (``SeedingPolicyEntry/playNotes(in:budgets:)``); policies without notes are left out.
    public var policyNotes: [String: [String]] {
        var notes: [String: [String]] = [:]
        for (index, settings) in policies.enumerated() {
            // A policy given best_item or affinity in a joint campaign still seeds one item at a time.
            let choosesItems =
                simulation.content == .joint && simulation.items.count > 1 && (settings.content ?? .pairs) == .pairs
            let found = settings.policy.playNotes(
                in: self, budgets: budgets(ofPolicy: index), rounds: rounds(ofPolicy: index), choosesItems: choosesItems
            )
            if !found.isEmpty { notes[settings.name] = found }
        }
        return notes
    }

    /// Whether a recommender or policy of the scenario uses the graph embedding (an `rl`
    /// policy does when it was trained with one).
    public var needsEmbedding: Bool {
        let recommenders = (feed?.recommenders ?? []) + (feed?.evaluation?.recommenders ?? [])
        return recommenders.contains { $0.recommender.usesEmbedding }
            || policies.contains { $0.policy.usesEmbedding }
    }

    /// The feed part of the plan, or `nil` without a `feed` section.
    func makeFeedPlan(world: World) -> FeedPlan? {
        guard let feed, let parameters = model.model.funnel else { return nil }
        return FeedPlan(
            recommenders: feed.recommenders.map { $0.makeRecommender() }, parameters: feed.parameters,
            truth: FeedClickModel(world: world, parameters: parameters),
            evaluation: feed.evaluation.map { evaluation in
                EvaluationPlan(
                    recommenders: evaluation.recommenders.map { $0.makeRecommender() }, k: evaluation.k,
                    trainFraction: evaluation.trainFraction)
            })
    }
}
