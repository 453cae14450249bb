/// A command that reads a scenario file.
public enum ScenarioCommand: String, CaseIterable, Sendable {
    /// `contagion run`: compare the policies; needs a `policies` list.
    case run
    /// `contagion generate`: write a recommender dataset; needs a `dataset` section.
    case generate
    /// `contagion train`: train the `rl` policy; needs an `rl` section.
    case train
    /// `contagion embed`: embed the graph; every scenario has one.
    case embed
}

extension Scenario {
    /// The commands the scenario is written for, in ``ScenarioCommand`` order.
    public var commands: [ScenarioCommand] {
        ScenarioCommand.allCases.filter { command in
            switch command {
            case .run: return !policies.isEmpty
            case .generate: return dataset != nil
            case .train: return rl != nil
            case .embed: return true
            }
        }
    }

    /// Every check `command` makes on the scenario before it does any work — the commands
    /// call this and check nothing later — and what the command will do, in one line.
    ///
    /// - Parameters:
    ///   - baseDirectory: where relative paths are resolved (the scenario file's folder).
    ///   - world: the scenario's platform (``makeWorld(baseDirectory:)``), built only if the
    ///     command's checks need it (`train` builds its own graphs).
    /// - Throws: ``ScenarioError`` naming the key, or ``EdgeListError`` for an edge list the
    ///   command would read.
    public func check(_ command: ScenarioCommand, baseDirectory: String, world: () throws -> World) throws -> String {
        switch command {
        case .run: return try runDescription(makePlan(world: world()))
        case .generate: return try checkGenerate(world: world())
        case .train: return try checkTrain(baseDirectory: baseDirectory)
        case .embed: return embeddingDescription
        }
    }

    /// What `contagion run` will do with `plan`.
    private func runDescription(_ plan: ExperimentPlan) -> String {
        let targets = plan.seededTargetCount
        // An adaptive arm runs one cascade per round.
        let armRounds = plan.arms.reduce(0) { $0 + plan.rounds[$1.policy] }
        let runs = armRounds * plan.recommenderNames.count * targets * plan.replicates
        return "\(plan.replicates) replicates × \(plan.arms.count) (policy, k) arms"
            + (plan.isAdaptive ? " (\(armRounds) arm-rounds)" : "")
            + (plan.feed == nil ? "" : " × \(plan.recommenderNames.count) recommenders")
            + (plan.variants.count == 1 ? " × \(targets) item(s)" : " × \(targets) (model, item) targets")
            + (plan.joint == nil ? "" : " seeded jointly")
            + " = \(runs) runs → \(output.directory ?? "out/\(name)")/"
    }

    /// `contagion generate`'s checks: the funnel model, one recommender in the loop, and
    /// enough users to launch every item.
    private func checkGenerate(world: World) throws -> String {
        guard model.model.funnel != nil else {
            throw ScenarioError(
                keyPath: "model.type",
                message: "contagion generate needs the content_aware model (clicks, purchases, shares), "
                    + "got \(model.type)")
        }
        if let feed, feed.recommenders.count > 1 {
            throw ScenarioError(
                keyPath: "feed.recommenders",
                message: "contagion generate runs one recommender in the loop, got \(feed.recommenders.count)")
        }
        let settings = dataset ?? DatasetSettings()
        guard settings.seedsPerItem <= world.users.count else {
            throw ScenarioError(
                keyPath: "dataset.seeds_per_item",
                message: "must be ≤ the graph's \(world.users.count) users, got \(settings.seedsPerItem)")
        }
        let name = settings.name ?? name
        return "\(world.catalogue.count) items launched by \(settings.seedsPerItem) users each, "
            + "\(datasetSteps) steps of \(settings.stepSeconds) s → \(name).inter/.user/.item, CSV tables, "
            + "dataset.md"
    }

    /// `contagion train`'s checks: the budget fits every graph it trains and evaluates on,
    /// those graphs can be read (an edge list is read now, not after training), and an
    /// objective that counts purchases has a model with them.
    private func checkTrain(baseDirectory: String) throws -> String {
        let settings = rl ?? LearningSettings()
        try Self.check(settings.objective, at: "rl.objective", under: [model])
        let budget = settings.environment.budget
        var graphs = [(settings.graph, "rl.graph")]
        if let evaluation = settings.evaluation { graphs.append((evaluation.graph, "rl.evaluation.graph")) }
        for (graph, keyPath) in graphs {
            let users = try (graph ?? self.graph).nodeCount(baseDirectory: baseDirectory)
            guard budget <= users else {
                let which = graph == nil ? "the graph's" : "\(keyPath)'s"
                throw ScenarioError(keyPath: "rl.budget", message: "must be ≤ \(which) \(users) users, got \(budget)")
            }
        }
        let environment = settings.environment
        return "\(settings.episodes) episodes, a fresh graph every \(settings.graphEvery); "
            + "\(environment.budget) seeds over \(environment.rounds) round(s), \(environment.candidates) candidates, "
            + "reward in \(settings.objective.rawValue)"
            + (settings.evaluation.map { "; held-out comparison over \($0.episodes) episodes" } ?? "")
    }

    /// What `contagion embed` will train.
    private var embeddingDescription: String {
        let walks = embedding.walks
        return "\(embedding.skipGram.dimensions) dimensions, \(walks.walksPerNode) walks of \(walks.length) per node, "
            + "p = \(walks.returnParameter), q = \(walks.inOutParameter), \(embedding.skipGram.mode.rawValue) training"
    }
}
