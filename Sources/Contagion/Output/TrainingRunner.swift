import Foundation

/// `contagion train`: trains the `rl` seeding policy on graphs drawn from a scenario's
/// generator and writes `policy.json` and the learning curve `training.csv`.
public enum TrainingRunner {
    /// What a finished training reports back to the command line.
    public struct Report: Sendable {
        /// The policy file written.
        public var policyPath: String
        /// The learning curve written.
        public var curvePath: String
        /// Episodes run.
        public var episodes: Int
        /// Mean return of the last tenth of the episodes (adopters, exploring policy).
        public var finalReturn: Double
        /// Wall-clock seconds.
        public var seconds: Double
        /// The held-out comparison, if the scenario asks for one, one entry per strategy.
        public var evaluation: [Comparison] = []
    }

    /// One strategy of the held-out comparison: its outcomes and their paired differences
    /// from the first strategy's (IMM's), over episodes.
    public struct Comparison: Sendable {
        /// `imm`, `imm_best_item`, `degree`, `degree_random_items` or `rl`.
        public var strategy: String
        /// Adopters per episode, and the paired difference from the first strategy.
        public var adopters: SampleSummary, adoptersDifference: SampleSummary
        /// Revenue per episode and its paired difference (static comparisons, simulated by
        /// the model's kernel), or `nil` for adaptive ones.
        public var revenue: SampleSummary?, revenueDifference: SampleSummary?
    }

    /// One episode of the learning curve and the graph it ran on.
    typealias CurveRecord = (graph: Int, record: DeepQLearning.EpisodeRecord)

    /// `training.csv`'s columns.
    private static var curveTable: [TableColumn<CurveRecord>] {
        [
            TableColumn("episode") { String($0.record.episode) },
            TableColumn("graph") { String($0.graph) },
            TableColumn("return") { CSVWriter.format($0.record.episodeReturn) },
            TableColumn("epsilon") { CSVWriter.format($0.record.epsilon) },
            TableColumn("loss") { CSVWriter.format($0.record.loss) },
        ]
    }

    /// Trains `learner` for every episode: graph `g` serves episodes `g·graph_every ..< (g + 1)·graph_every`.
    private static func runEpisodes(
        _ learner: inout DeepQLearning, _ scenario: Scenario, items: [Int], settings: LearningSettings,
        baseDirectory: String, threads: Int, progress: ProgressMeter
    ) throws -> [CurveRecord] {
        var records: [CurveRecord] = []
        for graph in 0..<((settings.episodes + settings.graphEvery - 1) / settings.graphEvery) {
            var environment = try makeEnvironment(
                scenario, graph: graph, items: items, settings: settings, baseDirectory: baseDirectory, threads: threads
            ).environment
            for episode in (graph * settings.graphEvery)..<min(settings.episodes, (graph + 1) * settings.graphEvery) {
                let record = learner.train(episode: episode, in: &environment)
                records.append((graph, record))
                progress.count(
                    episode + 1, of: settings.episodes, unit: "episodes",
                    detail: String(format: "return %.1f", record.episodeReturn))
            }
        }
        return records
    }

    /// `training.csv`: the learning curve.
    private static func writeCurve(_ records: [CurveRecord], to folder: OutputFolder) throws {
        try folder.writeTable("training.csv", columns: curveTable, rows: records)
    }

    /// Trains on `scenario` and writes the policy to `policyPath`, the curve beside it.
    ///
    /// Graph `g` (episodes `g·graph_every …`) is the scenario's world, with `rl.graph` as its
    /// graph section if given, built with master seed `seed + g·φ` (a fresh graph, population
    /// and catalogue from the same generator); each
    /// item's model is compiled on it and taken in live-edge form. One generator, derived from
    /// the master seed, drives the learner: the same scenario and seed give the same file.
    ///
    /// - Parameters:
    ///   - memoryLimit: nothing is trained if the memory estimate exceeds this.
    ///   - progress: told the training's episodes (with each one's return), then the held-out
    ///     comparison as a phase (without a count).
    /// - Throws: ``ScenarioError``, ``EdgeListError`` or ``OutputError``.
    public static func train(
        _ scenario: Scenario, baseDirectory: String, policyPath: String, threads: Int,
        memoryLimit: MemoryLimit = .physicalShare, writesReport: Bool = true,
        progress: ProgressMeter = .silent
    ) throws -> Report {
        let start = DispatchTime.now()
        _ = try scenario.check(.train, baseDirectory: baseDirectory) {
            try scenario.makeWorld(
                for: .train, baseDirectory: baseDirectory, threads: threads, memoryLimit: memoryLimit)
        }
        let settings = scenario.rl ?? LearningSettings()
        let items = settings.items ?? scenario.simulation.items
        let policyURL = URL(fileURLWithPath: policyPath)
        let curvePath = policyURL.deletingLastPathComponent().appendingPathComponent("training.csv").path
        let folder = try OutputFolder(
            path: policyURL.deletingLastPathComponent().path,
            files: [policyURL.lastPathComponent, "training.csv", "evaluation.csv", "report.html"])
        var learner = DeepQLearning(
            parameters: settings.learner, using: RandomStreams(masterSeed: scenario.seed).generator(.learning))
        var records: [CurveRecord] = []
        var report: [Comparison] = []
        do {
            progress.begin("training")
            records = try runEpisodes(
                &learner, scenario, items: items, settings: settings, baseDirectory: baseDirectory, threads: threads,
                progress: progress)
            try writeCurve(records, to: folder)
            let file = PolicyFile(
                policy: learner.policy, environment: settings.environment,
                training: .init(
                    scenario: scenario.name, seed: scenario.seed, episodes: settings.episodes,
                    learner: settings.learner, usesEmbedding: settings.usesEmbedding,
                    model: scenario.model.canonicalJSON, items: items.count, objective: settings.objective))
            // Pending with the other files: the policy appears with its curve and evaluation, or not at all.
            try folder.write(policyURL.lastPathComponent, contents: file.encoded())
            if let evaluation = settings.evaluation {
                progress.begin("held-out comparison: \(evaluation.episodes) episodes per strategy")
                report = try evaluate(
                    learner.policy, scenario, items: items, settings: settings, evaluation: evaluation,
                    baseDirectory: baseDirectory, threads: threads, to: folder)
            }
            if writesReport {
                let html = try TrainingReport.render { folder.pendingURL(of: $0).path }
                try folder.write("report.html", contents: Data(html.utf8))
            }
            // An earlier training's evaluation or report in this folder is stale now.
            try folder.commit(removingStale: ["evaluation.csv", "report.html"], marker: policyURL.lastPathComponent)
        } catch {
            folder.discard()
            throw error
        }
        let tail = records.suffix(max(1, records.count / 10)).map(\.record.episodeReturn)
        return Report(
            policyPath: policyPath, curvePath: curvePath, episodes: settings.episodes,
            finalReturn: tail.reduce(0, +) / Double(tail.count), seconds: Experiment.seconds(since: start),
            evaluation: report)
    }

    /// The trained policy against fixed seed lists on the held-out graph, episode by episode
    /// on common random numbers: IMM (ε = 0.1) for the item with the largest estimated spread
    /// (`imm`, or `imm_best_item` with several items) and the top-degree users (`degree`, or
    /// `degree_random_items` with each seed's item drawn uniformly). With one round every
    /// strategy's (user, item) assignment is simulated by the model's own kernel (episode `e`,
    /// item `j` on the stream (cascade, e, j)): adopters and revenue. With several rounds the
    /// episodes are live-edge realisations the policy observes between rounds: adopters only.
    /// Writes `evaluation.csv`.
    static func evaluate(
        _ policy: QNetworkPolicy, _ scenario: Scenario, items: [Int], settings: LearningSettings,
        evaluation: LearningEvaluationSettings, baseDirectory: String, threads: Int, to folder: OutputFolder
    ) throws -> [Comparison] {
        var heldOut = settings
        heldOut.graph = evaluation.graph ?? scenario.graph
        heldOut.environment.realises = true
        // The comparison counts adopters (and simulates revenue), whatever the training
        // objective: IMM baselines and realised returns in users.
        heldOut.objective = .adopters
        // Graph index −1: a seed no training graph used.
        var (environment, compiled) = try makeEnvironment(
            scenario, graph: -1, items: items, settings: heldOut, baseDirectory: baseDirectory, threads: threads)
        let strategies = try comparedStrategies(policy, environment: environment, scenario: scenario, threads: threads)
        let episodes = 0..<evaluation.episodes
        var adopters: [[Double]]
        var revenue: [[Double]]?
        if settings.environment.rounds == 1 {
            let outcomes = strategies.map { strategy in
                PolicyEvaluation.simulate(
                    assignment(of: strategy.1, in: &environment), models: compiled, episodes: episodes,
                    streams: RandomStreams(masterSeed: scenario.seed), threads: threads)
            }
            adopters = outcomes.map { $0.map { Double($0.adopters) } }
            revenue = outcomes.map { $0.map(\.revenue) }
        } else {
            adopters = strategies.map { PolicyEvaluation.returns(of: $0.1, in: &environment, episodes: episodes) }
        }
        try writeEvaluation(strategies.map(\.0), adopters: adopters, revenue: revenue, to: folder)
        return compare(strategies.map(\.0), adopters: adopters, revenue: revenue)
    }

    /// The strategies of the held-out comparison, the first the reference: IMM (ε = 0.1) on
    /// the item of largest estimated spread, the top-degree users, and the policy.
    private static func comparedStrategies(
        _ policy: QNetworkPolicy, environment: SeedingEnvironment, scenario: Scenario, threads: Int
    ) throws -> [(String, PolicyEvaluation.Strategy)] {
        let k = environment.configuration.budget
        let itemCount = environment.models.count
        var rng = RandomStreams(masterSeed: scenario.seed).generator(.learning, 1)
        let imm = try environment.models.indices.map { index in
            try IMM().run(count: k, model: environment.models[index], threads: threads, using: &rng)
        }
        let bestItem = imm.indexOfFirstMaximum { $0.estimatedSpread < $1.estimatedSpread }
        let graph = environment.world.graph
        let degree = Ranking.top(k, by: (0..<graph.nodeCount).map { Double(graph.outDegree(of: NodeID($0))) })
        let several = itemCount > 1
        return [
            (
                several ? "imm_best_item" : "imm",
                .fixed(imm[bestItem].seeds.map { .init(user: $0, itemIndex: bestItem) })
            ),
            (
                several ? "degree_random_items" : "degree",
                .fixed(degree.map { .init(user: $0, itemIndex: rng.nextIndex(below: itemCount)) })
            ),
            ("rl", .policy(policy)),
        ]
    }

    /// The (user, item) pairs `strategy` seeds: its fixed list, or the policy's greedy episode.
    private static func assignment(
        of strategy: PolicyEvaluation.Strategy, in environment: inout SeedingEnvironment
    ) -> [SeedingEnvironment.Action] {
        switch strategy {
        case .fixed(let actions): return actions
        case .policy(let policy):
            environment.reset(episode: 0)
            _ = policy.play(&environment)
            return environment.seeds
        }
    }

    /// `evaluation.csv`: every strategy's adopters (and revenue) per episode.
    private static func writeEvaluation(
        _ names: [String], adopters: [[Double]], revenue: [[Double]]?, to folder: OutputFolder
    ) throws {
        typealias Row = (strategy: Int, episode: Int)
        let columns: [TableColumn<Row>] = [
            TableColumn("strategy") { names[$0.strategy] },
            TableColumn("episode") { String($0.episode) },
            TableColumn("adopters") { CSVWriter.format(adopters[$0.strategy][$0.episode]) },
            TableColumn("revenue") { row in revenue.map { CSVWriter.format($0[row.strategy][row.episode]) } ?? "" },
        ]
        let rows = names.indices.flatMap { strategy in adopters[strategy].indices.map { (strategy, $0) } }
        try folder.writeTable("evaluation.csv", columns: columns, rows: rows)
    }

    /// Each strategy's summaries, and its paired differences from the first strategy's.
    private static func compare(_ names: [String], adopters: [[Double]], revenue: [[Double]]?) -> [Comparison] {
        func paired(_ values: [[Double]], _ index: Int) -> SampleSummary {
            SampleSummary(zip(values[index], values[0]).map { $0 - $1 })
        }
        return names.indices.map { index in
            Comparison(
                strategy: names[index], adopters: SampleSummary(adopters[index]),
                adoptersDifference: paired(adopters, index), revenue: revenue.map { SampleSummary($0[index]) },
                revenueDifference: revenue.map { paired($0, index) })
        }
    }

    /// The environment on training graph `graph`.
    static func makeEnvironment(
        _ scenario: Scenario, graph: Int, items: [Int], settings: LearningSettings, baseDirectory: String, threads: Int
    ) throws -> (environment: SeedingEnvironment, compiled: [CompiledModel]) {
        var instance = scenario
        instance.seed = scenario.seed &+ UInt64(bitPattern: Int64(graph)) &* 0x9E37_79B9_7F4A_7C15
        instance.graph = settings.graph ?? scenario.graph
        let world = try instance.makeWorld(baseDirectory: baseDirectory)
        let compiled = items.map { item -> CompiledModel in
            var rng = RandomStreams(masterSeed: instance.seed).generator(.model)
            return scenario.model.model.compile(
                for: item, in: world, maximumSteps: scenario.stepLimit, using: &rng)
        }
        let embedding =
            settings.usesEmbedding
            ? GraphEmbedding(
                graph: world.graph, walks: scenario.embedding.walks, skipGram: scenario.embedding.skipGram,
                seed: instance.seed, threads: threads
            ).embedding : nil
        let environment = SeedingEnvironment(
            world: world, items: items,
            models: try compiled.map { try LiveEdgeModel($0, objective: settings.objective, policy: "rl") },
            embedding: embedding,
            configuration: settings.environment, seed: instance.seed, threads: threads)
        return (environment, compiled)
    }
}
