import Contagion
import Foundation

/// `contagion train`: a reinforcement-learning seeding policy from a scenario's graphs.
enum TrainCommand {
    static let spec = CommandSpec(
        name: "train",
        summary: "Train the rl seeding policy (deep Q-learning) on graphs from a scenario's generator.",
        positionals: [("SCENARIO", "The scenario file: its graph generator, model, items and `rl` section.")],
        options: [
            .init(
                name: "out", kind: .text, placeholder: "FILE",
                help: "Where to write the policy (required); training.csv goes beside it."),
            .init(name: "seed", kind: .integer, placeholder: "N", help: "Master seed (overrides the scenario's)."),
            .init(
                name: "threads", kind: .positiveInteger, placeholder: "N", help: "Worker threads (default: all cores)."),
            Commands.memoryLimit,
            Commands.set,
            .init(name: "quiet", kind: .flag, placeholder: "", help: "No progress line or summary."),
            ProgressLine.option,
            ReportCommand.skipOption,
        ])

    static func run(_ arguments: ParsedArguments) throws {
        guard let out = arguments.value("out") else {
            throw UsageError(message: "error: train needs --out FILE", usage: spec.usage)
        }
        // The scenario may evaluate the very policy file this writes: do not read it now.
        let scenario = try Commands.loadScenario(arguments, for: spec, readsPolicyFiles: false)
        let threads = arguments.integer("threads") ?? Parallel.coreCount
        let progress = try ProgressLine(arguments, spec: spec)
        let path = arguments.positionals[0]
        let report = try Commands.attributing(to: path) {
            defer { progress.finish() }
            return try TrainingRunner.train(
                scenario, baseDirectory: Commands.baseDirectory(of: path), policyPath: out, threads: threads,
                memoryLimit: Commands.memoryLimit(arguments, for: spec), writesReport: !arguments.flag("no-report"),
                progress: progress.meter)
        }
        if !arguments.flag("quiet") {
            print(
                String(
                    format: "%@: %d episodes in %.2f s, last-tenth mean return %.1f → %@ (and %@)", scenario.name,
                    report.episodes, report.seconds, report.finalReturn, report.policyPath, report.curvePath))
            for row in report.evaluation {
                var line = "  held out: \(row.strategy) " + summary(row.adopters, row.adoptersDifference, "adopters")
                if let revenue = row.revenue, let difference = row.revenueDifference {
                    line += ", " + summary(revenue, difference, "revenue")
                }
                print(line + " (differences from \(report.evaluation[0].strategy))")
            }
        }
    }

    /// `mean unit (±difference ± half-width)`.
    private static func summary(_ values: SampleSummary, _ difference: SampleSummary, _ unit: String) -> String {
        let interval = (difference.upper95 - difference.lower95) / 2
        return String(
            format: "%.1f %@ (%+.1f ± %.1f)", values.mean, unit, difference.mean, interval.isFinite ? interval : 0.0)
    }
}
