import Contagion
import Foundation

/// `contagion generate`: a synthetic recommender dataset from a scenario's platform.
enum GenerateCommand {
    static let spec = CommandSpec(
        name: "generate",
        summary: "Simulate a scenario's platform once and write it as a recommender dataset (CSV, RecBole, card).",
        positionals: [("SCENARIO", "The scenario file: its graph, users, items, content_aware model, feed, dataset.")],
        options: Commands.outputOptions + [
            Commands.set,
            .init(name: "quiet", kind: .flag, placeholder: "", help: "No progress line or summary."),
            ProgressLine.option,
            ReportCommand.skipOption,
        ])

    static func run(_ arguments: ParsedArguments) throws {
        let scenario = try Commands.loadScenario(arguments, for: spec)
        let threads = arguments.integer("threads") ?? Parallel.coreCount
        let progress = try ProgressLine(arguments, spec: spec)
        let path = arguments.positionals[0]
        let report = try Commands.attributing(to: path) {
            defer { progress.finish() }
            return try DatasetGenerator.generate(
                scenario, baseDirectory: Commands.baseDirectory(of: path), outputDirectory: arguments.value("out"),
                threads: threads, memoryLimit: Commands.memoryLimit(arguments, for: spec),
                writesReport: !arguments.flag("no-report"),
                progress: progress.meter)
        }
        if !arguments.flag("quiet") {
            let seconds = String(format: "%.2f", report.seconds)
            print(
                "\(scenario.name): \(report.interactions) interactions in \(seconds) s → \(report.directory)/ "
                    + "(\(report.files.joined(separator: ", ")))")
        }
    }
}
