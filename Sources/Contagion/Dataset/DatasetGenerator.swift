import Foundation

/// `contagion generate`: simulates the scenario's platform once, with every item launched and
/// the recommender in the loop, and writes what it produced as a recommender dataset whose
/// ground truth (interests, topics, communities) is known.
///
/// Memory stays bounded as the data grow: interactions stream to disk a step at a time, the
/// per-(user, item) state holds only pairs that met, and the RecBole split is a second pass
/// over the written file.
public enum DatasetGenerator {
    /// What a finished generation reports back to the command line.
    public struct Report: Sendable {
        /// The output folder.
        public var directory: String
        /// Files written, sorted.
        public var files: [String]
        /// Interactions written to `interactions.csv`.
        public var interactions: Int
        /// Wall-clock seconds of the whole generation.
        public var seconds: Double
    }

    /// Generates the dataset of `scenario`.
    ///
    /// - Parameters:
    ///   - baseDirectory: the scenario file's folder, for relative edge-list paths.
    ///   - outputDirectory: overrides the scenario's `output.directory` (default `out/NAME`, the
    ///     dataset's name).
    ///   - threads: worker threads (results do not depend on it).
    ///   - memoryLimit: nothing is simulated if the memory estimate exceeds this.
    ///   - progress: told every phase (the embedding, the platform's steps with the
    ///     interactions so far, the segments, the tables, the split, the baselines, the report).
    /// - Throws: ``ScenarioError`` if the scenario cannot make a dataset, ``EdgeListError`` or
    ///   ``OutputError``; on any error no finished-looking file is left behind.
    public static func generate(
        _ scenario: Scenario, baseDirectory: String, outputDirectory: String? = nil, threads: Int,
        memoryLimit: MemoryLimit = .physicalShare, writesReport: Bool = true, progress: ProgressMeter = .silent
    ) throws -> Report {
        let start = DispatchTime.now()
        let settings = scenario.dataset ?? DatasetSettings()
        let name = settings.name ?? scenario.name
        // RecBole finds `NAME.inter` in a folder named `NAME`: the default folder is `out/NAME`.
        let directory = outputDirectory ?? scenario.output.directory ?? "out/\(name)"
        // Every check before the output folder exists.
        let world = try scenario.makeWorld(
            for: .generate, baseDirectory: baseDirectory, threads: threads, memoryLimit: memoryLimit)
        _ = try scenario.check(.generate, baseDirectory: baseDirectory) { world }
        guard let parameters = scenario.model.model.funnel else { preconditionFailure("checked: a funnel model") }
        let folder = try OutputFolder(path: directory, files: fileNames(name) + ["report.html"])
        do {
            let dataset = try simulate(
                scenario, world: world, parameters: parameters, settings: settings, name: name, folder: folder,
                threads: threads, progress: progress)
            var files = try write(
                dataset, scenario: scenario, settings: settings, name: name, to: folder, threads: threads,
                progress: progress)
            if writesReport {
                progress.begin("drawing report.html")
                let html = try DatasetReport.render { folder.pendingURL(of: $0).path }
                try folder.write("report.html", contents: Data(html.utf8))
                files.append("report.html")
            }
            try folder.commit(removingStale: fileNames(name) + ["report.html"], marker: "dataset.md")
            return Report(
                directory: directory, files: files.sorted(), interactions: dataset.tally.total,
                seconds: Experiment.seconds(since: start))
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Every file of the dataset `name`, in the card's order.
    static func fileNames(_ name: String) -> [String] {
        ["interactions.csv", "users.csv", "items.csv", "graph.csv", "statistics.csv", "dataset.md"]
            + ["inter", "user", "item"].map { "\(name).\($0)" } + splitFileNames(name)
    }

    /// RecBole's chronological split of the dataset `name`.
    static func splitFileNames(_ name: String) -> [String] { ["train", "valid", "test"].map { "\(name).\($0).inter" } }

    /// What the simulation left for the files written after it.
    struct Simulated {
        var world: World
        var tally: DatasetTally
        var embedding: NodeEmbedding?
        var context: RecommenderContext
        var steps: Int
    }

    /// Runs the platform once, streaming `interactions.csv` and `NAME.inter`.
    private static func simulate(
        _ scenario: Scenario, world: World, parameters: ContentAwareParameters, settings: DatasetSettings,
        name: String, folder: OutputFolder, threads: Int, progress: ProgressMeter
    ) throws -> Simulated {
        let streams = RandomStreams(masterSeed: scenario.seed)
        let n = world.users.count
        let m = world.catalogue.count
        let seeds = (0..<m).map { item -> [NodeID] in
            var rng = streams.generator(.seeding, item, 0)
            return Self.sample(settings.seedsPerItem, of: n, using: &rng)
        }
        let truth = FeedClickModel(world: world, parameters: parameters)
        let needsEmbedding = settings.embeddingSegments || scenario.needsEmbedding
        let embedding =
            needsEmbedding
            ? GraphEmbedding(
                graph: world.graph, walks: scenario.embedding.walks, skipGram: scenario.embedding.skipGram,
                seed: scenario.seed, threads: threads, progress: progress
            ).embedding : nil
        let context = RecommenderContext(world: world, truth: truth, embedding: embedding)
        var feed = scenario.feed?.parameters ?? FeedParameters()
        if scenario.feed == nil { feed.slots = 0 }
        let steps = scenario.datasetSteps
        var run = FeedRun(
            world: world, truth: truth, feed: feed, maximumSteps: steps, items: Array(0..<m),
            recordsEvents: false)
        run.recordsCascades = false
        var ratingRNG = streams.generator(.dataset, 0, 0)
        let ratings = RatingModel(truth: truth, settings: settings, using: &ratingRNG)
        var log = DatasetLog(
            world: world, truth: truth, ratings: ratings, settings: settings,
            interactionsFile: try folder.table("interactions.csv", columns: DatasetLog.columns),
            clicksFile: try folder.table("\(name).inter", columns: DatasetLog.recBoleColumns, separator: "\t"),
            rng: streams.generator(.dataset, 1, 0),
            progress: { progress.count($0, of: steps, unit: "steps", detail: "\($1) interactions") })
        progress.begin("simulating the platform", unit: "steps", total: steps)
        var recommenderRNG = streams.generator(.recommendation, 0, 0)
        let recommender = scenario.feed?.recommenders[0].makeRecommender() ?? RandomRecommender()
        _ = run.run(
            seeds: seeds, recommender: recommender, context: context, world: streams.world(replicate: 0, item: 0),
            recommenderRNG: &recommenderRNG, log: &log)
        if let failure = log.failure { throw failure }
        try log.close()
        return Simulated(
            world: world, tally: log.tally, embedding: embedding, context: context, steps: steps)
    }

    /// Writes every file after the simulation; returns the names of all files.
    private static func write(
        _ dataset: Simulated, scenario: Scenario, settings: DatasetSettings, name: String, to folder: OutputFolder,
        threads: Int, progress: ProgressMeter
    ) throws -> [String] {
        let world = dataset.world
        progress.begin("segmenting users (\(settings.segmentDistance == .euclidean ? "k-means" : "k-medians"))")
        let streams = RandomStreams(masterSeed: scenario.seed)
        let segments = UserSegments(
            tally: dataset.tally, embedding: dataset.embedding, world: world,
            clusters: settings.segments > 0 ? settings.segments : world.users.communityCount,
            distance: settings.segmentDistance, streams: streams, threads: threads)
        progress.begin("writing users, items, graph and statistics")
        try DatasetTables.write(
            world: world, name: name, segments: segments.behaviour, embeddingSegments: segments.embedding, to: folder)
        try DatasetStatistics.write(
            tally: dataset.tally, communities: world.users.communities, segments: segments.behaviour, to: folder)
        progress.begin("splitting the clicks by time")
        let splitNames = splitFileNames(name)
        let splitSizes = try ChronologicalSplit.split(
            folder.pendingURL(of: "\(name).inter"), rowCount: dataset.tally.count(of: .click),
            train: settings.trainFraction, valid: settings.validFraction, into: splitNames.map(folder.reserve))
        var evaluation: (k: Int, scores: [RecommenderEvaluation.Score])?
        if let plan = scenario.feed?.evaluation {
            progress.begin("evaluating \(plan.recommenders.count) baseline recommenders")
            let clicks = dataset.tally.clicks
            let n = world.users.count
            let m = world.catalogue.count
            let trained = splitSizes[0] + splitSizes[1]
            let training = InteractionMatrix(userCount: n, itemCount: m, pairs: Array(clicks[..<trained]))
            let test = InteractionMatrix(userCount: n, itemCount: m, pairs: Array(clicks[trained...]))
            var rng = streams.generator(.recommendation, 1, 0)
            evaluation = (
                plan.k,
                RecommenderEvaluation.evaluate(
                    plan.recommenders.map { $0.makeRecommender() }, training: training, heldOut: test, k: plan.k,
                    context: dataset.context, using: &rng)
            )
        }
        let files = fileNames(name)
        let card = DatasetCard(
            scenario: scenario, settings: settings, name: name, world: world, tally: dataset.tally,
            segments: segments, splitSizes: splitSizes, evaluation: evaluation, steps: dataset.steps, files: files)
        try folder.write("dataset.md", contents: Data(card.markdown.utf8))
        return files
    }

    /// `count` distinct users out of `n`, uniformly (Floyd's algorithm), in draw order.
    static func sample(_ count: Int, of n: Int, using rng: inout Xoshiro256StarStar) -> [NodeID] {
        var chosen: [NodeID] = []
        var taken = Set<NodeID>()
        for j in (n - count)..<n {
            let pick = NodeID(rng.nextIndex(below: j + 1))
            let next = taken.contains(pick) ? NodeID(j) : pick
            taken.insert(next)
            chosen.append(next)
        }
        return chosen
    }
}
