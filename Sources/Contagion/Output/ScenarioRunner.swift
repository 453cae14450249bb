import Foundation

/// Runs a scenario end to end: builds the world, runs the experiment, writes the folder.
public enum ScenarioRunner {
    /// What a finished run reports back to the command line.
    public struct Report: Sendable {
        /// The output folder.
        public var directory: String
        /// Files written, in order.
        public var files: [String]
        /// Number of cascades simulated.
        public var runs: Int
        /// Wall-clock seconds of the whole run.
        public var seconds: Double
        /// Policies that chose seeds for the live-edge approximation of the model, with the reason.
        public var seedingApproximations: [String: String] = [:]
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
            var parts: [ExperimentPart] = []
            var worldSeconds = 0.0
            for index in labels.indices {
                // One graph at a time: each part builds its world, runs and is kept for the tables.
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
                parts.append(ExperimentPart(graph: labels[index], plan: plan, result: result))
            }
            let writeStart = DispatchTime.now()
            progress.begin("writing the tables")
            try ExperimentTables.write(parts, to: folder)
            var files =
                ExperimentTables.fileNames(for: parts[0].plan) + (writesReport ? ["report.html"] : []) + [
                    "manifest.json"
                ]
            // The manifest's scenario reruns from anywhere: its edge-list paths are absolute.
            var resolved = scenario
            for index in resolved.graphs.list.indices {
                resolved.graphs.list[index].source = scenario.graphs.list[index].source.resolvingPaths(
                    against: baseDirectory)
            }
            var approximations: [String: String] = [:]
            for outcome in parts.flatMap(\.result.arms) { approximations[outcome.name] = outcome.approximation }
            let results = parts.map(\.result)
            let facts = parts.map(Manifest.GraphFacts.init)
            var manifest = Manifest(
                scenario: resolved, masterSeed: scenario.seed, threads: threads,
                nodes: parts.count == 1 ? facts[0].nodes : nil, arcs: parts.count == 1 ? facts[0].arcs : nil,
                graphs: facts,
                timings: [
                    "world_seconds": worldSeconds,
                    "seed_selection_seconds": results.flatMap(\.arms).flatMap(\.selectionSeconds).reduce(0, +),
                    "simulation_seconds": results.map(\.simulationSeconds).reduce(0, +),
                    "writing_seconds": Experiment.seconds(since: writeStart),
                ],
                files: files)
            manifest.seedingApproximations = approximations
            manifest.cascadesAtStepLimit = results.map { $0.runs.count { $0.statistics.reachedStepLimit } }.reduce(0, +)
            if parts.count == 1 {
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
                directory: directory, files: files, runs: results.map(\.runs.count).reduce(0, +),
                seconds: Experiment.seconds(since: start), seedingApproximations: approximations,
                ranking: RankingTable.lines(parts), cascadesAtStepLimit: manifest.cascadesAtStepLimit,
                stepLimit: parts[0].plan.maximumSteps, graphs: facts)
        } catch {
            folder.discard()
            throw error
        }
    }
}
