import Foundation

/// Runs a scenario end to end: builds the world, runs the experiment, writes the folder.
public enum ScenarioRunner {
    /// What a finished run reports back to the command line.
    public struct Report: Sendable {
        /// The output folder.
        public var directory: String
        /// Files written, in order.
        public var files: [String]
        /// Number of cascades simulated (an adaptive campaign's between rounds included; a joint
        /// campaign's totals, sums of its items' cascades, not).
        public var runs: Int
        /// Wall-clock seconds of the whole run.
        public var seconds: Double
        /// Policies that chose seeds for the live-edge approximation of the model, with the reason.
        public var seedingApproximations: [String: String] = [:]
        /// Policies played outside the setting they were built for, with how (``Manifest/policyNotes``).
        public var policyNotes: [String: [String]] = [:]
        /// The ranking of the arms by mean adopters (``RankingTable``), one line each.
        public var ranking: [String] = []
        /// Cascades that stopped at the step limit with users still able to spread.
        public var cascadesAtStepLimit = 0
        /// The step limit (`Int.max`: none).
        public var stepLimit = Int.max
        /// Each graph's label, size, replicates run per arm and, with a precision target, why
        /// they stopped.
        public var graphs: [Manifest.GraphFacts] = []
    }

    /// Runs `scenario` and writes its tables.
    ///
    /// - Parameters:
    ///   - baseDirectory: the scenario file's folder, for relative edge-list paths.
    ///   - outputDirectory: overrides the scenario's `output.directory`.
    ///   - threads: worker threads (results do not depend on it).
    ///   - memoryLimit: the run stops before it allocates if its memory estimate exceeds this.
    ///   - writesReport: whether to write `report.html` (``RunReport``).
    ///   - progress: told every phase (building each graph, each arm's seeds, the cascades,
    ///     the tables, the report) and its count, from worker threads.
    /// - Throws: ``ScenarioError``, ``EdgeListError``, ``SeedingError`` or ``OutputError``;
    ///   on any error no finished-looking file is left behind.
    public static func run(
        _ scenario: Scenario, baseDirectory: String, outputDirectory: String? = nil, threads: Int,
        memoryLimit: MemoryLimit = .physicalShare, writesReport: Bool = true,
        progress: ProgressMeter = .silent
    ) throws -> Report {
        let start = DispatchTime.now()
        let directory = outputDirectory ?? scenario.output.directory ?? "out/\(scenario.name)"
        // Check the folder before spending time on the simulation.
        let outputs = ExperimentTables.fileNames + ["manifest.json", "report.html"]
        let folder = try OutputFolder(path: directory, files: outputs)
        do {
            let labels = scenario.graphs.labels
            let sink = TableSink(folder: folder)
            var facts: [Manifest.GraphFacts] = []
            var ranking: [String] = []
            var approximations: [String: String] = [:]
            var files: [String] = []
            var (worldSeconds, selectionSeconds, simulationSeconds, writingSeconds) = (0.0, 0.0, 0.0, 0.0)
            var (runs, cascadesAtStepLimit, stepLimit) = (0, 0, Int.max)
            for index in labels.indices {
                // One graph at a time: it builds its world, runs, writes its rows and is dropped,
                // so a sweep holds one graph's world and runs at a time.
                let graphStart = DispatchTime.now()
                progress.begin(
                    labels.count == 1
                        ? "building the world" : "building graph \(index + 1) of \(labels.count): \(labels[index])")
                let one = scenario.onlyGraph(index)
                let world = try one.makeWorld(
                    for: .run, baseDirectory: baseDirectory, threads: threads, memoryLimit: memoryLimit)
                worldSeconds += Experiment.seconds(since: graphStart)
                let plan = try one.makePlan(world: world)
                let result = try Experiment.run(plan, threads: threads, progress: progress)
                let part = ExperimentPart(graph: labels[index], plan: plan, result: result)
                let writeStart = DispatchTime.now()
                progress.begin(labels.count == 1 ? "writing the tables" : "writing graph \(index + 1)'s rows")
                try ExperimentTables.write(part, to: sink)
                writingSeconds += Experiment.seconds(since: writeStart)
                facts.append(Manifest.GraphFacts(part))
                ranking += RankingTable.lines(result, plan: plan, graph: labels.count > 1 ? labels[index] : nil)
                for outcome in result.arms { approximations[outcome.name] = outcome.approximation }
                selectionSeconds += result.arms.flatMap(\.selectionSeconds).reduce(0) { $0 + ($1 ?? 0) }
                simulationSeconds += result.simulationSeconds
                // Campaign totals are sums of other runs: count cascades once, with the ones an
                // adaptive campaign observed between its rounds.
                let cascades = result.runs.filter { !plan.targets[$0.itemIndex].isCampaign }
                runs += cascades.count + result.roundRuns.count
                cascadesAtStepLimit += cascades.count { $0.statistics.reachedStepLimit }
                stepLimit = plan.maximumSteps
                if files.isEmpty {
                    files =
                        ExperimentTables.fileNames(for: plan) + (writesReport ? ["report.html"] : []) + [
                            "manifest.json"
                        ]
                }
            }
            try sink.close()
            // The manifest's scenario reruns from anywhere: its file paths are absolute.
            let resolved = scenario.resolvingPaths(against: baseDirectory)
            var manifest = Manifest(
                scenario: resolved, masterSeed: scenario.seed, threads: threads,
                nodes: facts.count == 1 ? facts[0].nodes : nil, arcs: facts.count == 1 ? facts[0].arcs : nil,
                graphs: facts,
                timings: [
                    "world_seconds": worldSeconds, "seed_selection_seconds": selectionSeconds,
                    "simulation_seconds": simulationSeconds, "writing_seconds": writingSeconds,
                ],
                files: files)
            manifest.seedingApproximations = approximations
            manifest.policyNotes = scenario.policyNotes
            manifest.cascadesAtStepLimit = cascadesAtStepLimit
            if facts.count == 1 {
                manifest.replicatesRun = facts[0].replicatesRun
                manifest.stoppedBecause = facts[0].stoppedBecause
            }
            try folder.write("manifest.json", contents: manifest.encoded())
            if writesReport {
                // Drawn from the pending tables, so it is exactly what the folder will hold.
                progress.begin("drawing report.html")
                let html = try RunReport.render { folder.pendingURL(of: $0).path }
                try folder.write("report.html", contents: Data(html.utf8))
            }
            try folder.commit(removingStale: outputs, marker: "manifest.json")
            files.sort()
            return Report(
                directory: directory, files: files, runs: runs, seconds: Experiment.seconds(since: start),
                seedingApproximations: approximations, policyNotes: scenario.policyNotes, ranking: ranking,
                cascadesAtStepLimit: cascadesAtStepLimit,
                stepLimit: stepLimit, graphs: facts)
        } catch {
            folder.discard()
            throw error
        }
    }
}
