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
        /// Replicates run per arm, and with a precision target why they stopped (else `nil`).
        public var replicates = 0, stoppedBecause: String?
    }

    /// Runs `scenario` and writes its tables.
    ///
    /// - Parameters:
    ///   - baseDirectory: the scenario file's folder, for relative edge-list paths.
    ///   - outputDirectory: overrides the scenario's `output.directory`.
    ///   - threads: worker threads (results do not depend on it).
    ///   - memoryLimit: the run stops before it allocates if its memory estimate exceeds this.
    ///   - progress: called with (finished, total) runs from worker threads.
    /// - Throws: ``ScenarioError``, ``EdgeListError``, ``SeedingError`` or ``OutputError``;
    ///   on any error no finished-looking file is left behind.
    public static func run(
        _ scenario: Scenario, baseDirectory: String, outputDirectory: String? = nil, threads: Int,
        memoryLimit: MemoryLimit = .physicalShare, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Report {
        let start = DispatchTime.now()
        let directory = outputDirectory ?? scenario.output.directory ?? "out/\(scenario.name)"
        // Check the folder before spending time on the simulation.
        let folder = try OutputFolder(path: directory, files: ExperimentTables.fileNames + ["manifest.json"])
        do {
            let world = try scenario.makeWorld(
                for: .run, baseDirectory: baseDirectory, threads: threads, memoryLimit: memoryLimit)
            let worldSeconds = Experiment.seconds(since: start)
            let plan = try scenario.makePlan(world: world)
            let result = try Experiment.run(plan, threads: threads, progress: progress)
            let writeStart = DispatchTime.now()
            try ExperimentTables.write(result, plan: plan, to: folder)
            var files = ExperimentTables.fileNames(for: plan) + ["manifest.json"]
            // The manifest's scenario reruns from anywhere: its edge-list path is absolute.
            var resolved = scenario
            resolved.graph.source = scenario.graph.source.resolvingPaths(against: baseDirectory)
            var approximations: [String: String] = [:]
            for outcome in result.arms { approximations[outcome.name] = outcome.approximation }
            var manifest = Manifest(
                scenario: resolved, masterSeed: scenario.seed, threads: threads, nodes: world.graph.nodeCount,
                arcs: world.graph.arcCount,
                timings: [
                    "world_seconds": worldSeconds,
                    "seed_selection_seconds": result.arms.flatMap(\.selectionSeconds).reduce(0, +),
                    "simulation_seconds": result.simulationSeconds,
                    "writing_seconds": Experiment.seconds(since: writeStart),
                ],
                files: files)
            manifest.seedingApproximations = approximations
            manifest.cascadesAtStepLimit = result.runs.count { $0.statistics.reachedStepLimit }
            manifest.replicatesRun = result.replicates
            if let precision = plan.precision, let met = result.precisionMet {
                manifest.stoppedBecause = PrecisionTarget.stopReason(met: met, criterion: precision.criterion)
            }
            try folder.write("manifest.json", contents: manifest.encoded())
            try folder.commit(removingStale: ExperimentTables.fileNames + ["manifest.json"], marker: "manifest.json")
            files.sort()
            return Report(
                directory: directory, files: files, runs: result.runs.count, seconds: Experiment.seconds(since: start),
                seedingApproximations: approximations, ranking: RankingTable.lines(result, plan: plan),
                cascadesAtStepLimit: manifest.cascadesAtStepLimit, stepLimit: plan.maximumSteps,
                replicates: result.replicates, stoppedBecause: manifest.stoppedBecause)
        } catch {
            folder.discard()
            throw error
        }
    }
}
