import Contagion
import Foundation

/// The `contagion` commands and their options.
enum Commands {
    static let set = CommandSpec.Option(
        name: "set", kind: .text, placeholder: "KEY=VALUE",
        help: "Override one scenario value, e.g. --set policies[0].k=5 (repeatable).", repeatable: true)

    static let memoryLimit = CommandSpec.Option(
        name: "memory-limit", kind: .text, placeholder: "SIZE",
        help: "Refuse to start if the estimate is above this, e.g. 4GiB (default: 80% of physical memory).")

    /// `--out`, `--seed`, `--threads` and `--memory-limit`, shared by the commands that write
    /// an output folder.
    static let outputOptions: [CommandSpec.Option] = [
        .init(
            name: "out", kind: .text, placeholder: "DIR", help: "Output folder (default: the scenario's, or out/NAME)."),
        .init(name: "seed", kind: .integer, placeholder: "N", help: "Master seed (overrides the scenario's)."),
        .init(name: "threads", kind: .positiveInteger, placeholder: "N", help: "Worker threads (default: all cores)."),
        memoryLimit,
    ]

    static let run = CommandSpec(
        name: "run", summary: "Run a scenario and write its tables (runs, steps, summary, seeds, events, manifest).",
        positionals: [("SCENARIO", "The scenario file (JSON; comments and trailing commas allowed).")],
        options: outputOptions + [
            .init(
                name: "replicates", kind: .positiveInteger, placeholder: "N", help: "Monte-Carlo replicates per policy."
            ),
            set,
            .init(name: "quiet", kind: .flag, placeholder: "", help: "No progress line and no summary."),
            ProgressLine.option,
            ReportCommand.skipOption,
        ])

    static let validate = CommandSpec(
        name: "validate", summary: "Check a scenario and print what it would run, without running it.",
        positionals: [("SCENARIO", "The scenario file.")],
        options: [set, memoryLimit])

    static let all = [run, validate, EmbedCommand.spec, GenerateCommand.spec, TrainCommand.spec, ReportCommand.spec]

    static let overview = """
        contagion — simulate viral content on social graphs and compare seeding policies.

        usage: contagion <command> [arguments]

        Commands:
          run SCENARIO        Run a scenario and write its CSV tables.
          validate SCENARIO   Check a scenario and print what it would run.
          embed INPUT --out F Embed a scenario's graph or an edge list (word2vec text vectors).
          generate SCENARIO   Write a synthetic recommender dataset (CSV, RecBole files, card).
          train SCENARIO --out F  Train the rl seeding policy; write it and training.csv.
          report DIR          Draw report.html again from a finished output folder.
          help [COMMAND]      Show help for a command.

        Options:
          -h, --help          Show this help.
          --version           Print the version.

        Exit codes: 0 success, 2 bad usage or bad input, 1 anything else.
        See Docs/Scenarios.md for the scenario format.
        """

    /// Loads the scenario named by the parsed arguments with `--set`, `--seed` and
    /// `--replicates` applied.
    static func loadScenario(_ arguments: ParsedArguments, for spec: CommandSpec, readsPolicyFiles: Bool = true) throws
        -> Scenario
    {
        var overrides: [(String, String)] = []
        for assignment in arguments.values["set"] ?? [] {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError(message: "error: --set expects KEY=VALUE, got '\(assignment)'", usage: spec.usage)
            }
            overrides.append((String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...])))
        }
        if let seed = arguments.value("seed") { overrides.append(("seed", seed)) }
        if let replicates = arguments.value("replicates") { overrides.append(("simulation.replicates", replicates)) }
        return try ScenarioLoader.load(
            path: arguments.positionals[0], overrides: overrides, readsPolicyFiles: readsPolicyFiles)
    }

    /// The `--memory-limit` of the command line, or 80 % of physical memory.
    static func memoryLimit(_ arguments: ParsedArguments, for spec: CommandSpec) throws -> MemoryLimit {
        guard let text = arguments.value("memory-limit") else { return .physicalShare }
        guard let limit = MemoryLimit(text) else {
            throw UsageError(
                message: "error: --memory-limit expects a size such as 512MiB or 16GiB, got '\(text)'",
                usage: spec.usage)
        }
        return limit
    }

    /// Runs `body`, naming `path` in any ``ScenarioError`` or ``MemoryLimitError`` that does
    /// not name its file yet (errors found after decoding, such as a budget larger than the
    /// graph).
    static func attributing<T>(to path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as ScenarioError {
            error.file = error.file ?? path
            throw error
        } catch var error as MemoryLimitError {
            error.file = error.file ?? path
            throw error
        }
    }

    static func baseDirectory(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// `contagion run`.
    static func runScenario(_ arguments: ParsedArguments) throws {
        let scenario = try loadScenario(arguments, for: run)
        let threads = arguments.integer("threads") ?? Parallel.coreCount
        let progress = try ProgressLine(arguments, spec: run)
        let path = arguments.positionals[0]
        let report = try attributing(to: path) {
            // Clear the line before anything else is printed, an error message included.
            defer { progress.finish() }
            return try ScenarioRunner.run(
                scenario, baseDirectory: baseDirectory(of: path), outputDirectory: arguments.value("out"),
                threads: threads, memoryLimit: memoryLimit(arguments, for: run),
                writesReport: !arguments.flag("no-report"), progress: progress.meter)
        }
        if !arguments.flag("quiet") {
            let seconds = String(format: "%.2f", report.seconds)
            print(
                "\(scenario.name): \(report.runs) runs in \(seconds) s → \(report.directory)/ (\(report.files.joined(separator: ", ")))"
            )
            for line in report.ranking { print(line) }
            let why = [
                "separated": "the best policy was separated from the rest in every cell",
                "width": "every interval reached the target width",
            ]
            for graph in report.graphs {
                guard let reason = graph.stoppedBecause else { continue }
                print(
                    "note: " + (report.graphs.count > 1 ? "graph \(graph.graph): " : "")
                        + "ran \(graph.replicatesRun) replicates per arm: "
                        + (why[reason] ?? "simulation.precision.max_replicates reached before the criterion held"))
            }
            if report.cascadesAtStepLimit > 0 {
                print(
                    "note: \(report.cascadesAtStepLimit) of \(report.runs) cascades stopped at simulation.max_steps = "
                        + "\(report.stepLimit) with users still able to spread")
            }
            for (policy, notes) in report.policyNotes.sorted(by: { $0.key < $1.key }) {
                for note in notes { print("note: \(policy): \(note)") }
            }
            for (policy, reason) in report.seedingApproximations.sorted(by: { $0.key < $1.key }) {
                print("note: \(policy) chose seeds for the live-edge approximation of the model (\(reason))")
            }
        }
    }

    /// The plan's policies with their budgets, `degree (k = 5, 10), imm (k = 10)`, and the baseline.
    static func policyList(_ plan: ExperimentPlan) -> String {
        let list = plan.policies.indices.map { index in
            let budgets = plan.arms.filter { $0.policy == index }.map { String($0.budget) }
            return "\(plan.policies[index].name) (k = \(budgets.joined(separator: ", ")))"
        }
        return list.joined(separator: ", ") + (plan.baseline.map { "; baseline \(plan.policies[$0].name)" } ?? "")
    }

    /// `contagion validate`: loads the scenario, makes every check of every command it is
    /// written for, and prints what each will do (for a graph sweep, graph by graph).
    static func validateScenario(_ arguments: ParsedArguments) throws {
        let scenario = try loadScenario(arguments, for: validate)
        let path = arguments.positionals[0]
        let limit = try memoryLimit(arguments, for: validate)
        var lines = [
            "\(path): ok for " + scenario.commands.map { "contagion \($0.rawValue)" }.joined(separator: ", "),
            "scenario   \(scenario.name) (seed \(scenario.seed))",
        ]
        let labels = scenario.graphs.labels
        for index in labels.indices {
            if labels.count > 1 { lines.append("— graph \(index + 1) of \(labels.count): \(labels[index])") }
            lines += try validationLines(scenario.onlyGraph(index), path: path, limit: limit)
        }
        print(lines.joined(separator: "\n"))
    }

    /// What `validate` prints for a scenario of one graph, after checking it for every command.
    private static func validationLines(_ scenario: Scenario, path: String, limit: MemoryLimit) throws -> [String] {
        let base = baseDirectory(of: path)
        let world = try attributing(to: path) {
            for command in scenario.commands { try scenario.checkWorldSize(for: command, within: limit) }
            return try scenario.makeWorld(baseDirectory: base)
        }
        let graph = world.graph
        var lines = [
            "graph      \(scenario.graph.source.resolvingPaths(against: base).sourceDescription): "
                + "\(graph.nodeCount) users, \(graph.arcCount) arcs, " + (graph.isDirected ? "directed" : "undirected"),
            "users      \(world.users.topicCount) topics, \(world.users.communityCount) communities, homophily \(scenario.users.homophily)",
            "items      \(world.catalogue.count) in the catalogue; seeding item(s) "
                + scenario.simulation.items.map(String.init).joined(separator: ", "),
            "model      "
                + (scenario.models.list.count == 1
                    ? "\(scenario.model.type) (\(PropagationModels.registry.kind(scenario.model.type)?.summary ?? "")), "
                    : "\(scenario.models.list.count) variants (\(scenario.models.labels.joined(separator: "; "))), ")
                + (scenario.stepLimit == .max ? "until no new activation" : "at most \(scenario.stepLimit) steps"),
        ]
        if !scenario.policies.isEmpty {
            lines.append("policies   " + policyList(try attributing(to: path) { try scenario.makePlan(world: world) }))
        }
        if let feed = scenario.feed { lines.append(feedLine(feed)) }
        for command in scenario.commands {
            let plan = try attributing(to: path) { try scenario.check(command, baseDirectory: base) { world } }
            lines.append(command.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + plan)
        }
        let threads = Parallel.coreCount
        for command in scenario.commands {
            let estimate = try attributing(to: path) {
                let estimate = try scenario.memoryEstimate(for: command, world: world, threads: threads)
                try estimate.check(command, within: limit)
                return estimate
            }
            lines.append("memory     \(command.rawValue) \(estimate.description) on \(threads) threads")
        }
        return lines
    }

    /// The `feed` line of `validate`.
    static func feedLine(_ feed: FeedSettings) -> String {
        "feed       \(feed.recommenders.map(\.name).joined(separator: ", ")): \(feed.slots) slot(s), refit every "
            + "\(feed.retrainEvery) steps"
            + (feed.evaluation.map { "; \($0.recommenders.count) recommenders evaluated at k = \($0.k)" } ?? "")
    }
}
