import Contagion
import Foundation

/// `contagion report DIR`: draws `report.html` again from a finished output folder's tables.
enum ReportCommand {
    /// `--no-report`, for the commands that write a report.
    static let skipOption = CommandSpec.Option(
        name: "no-report", kind: .flag, placeholder: "", help: "Do not write report.html.")

    static let spec = CommandSpec(
        name: "report",
        summary: "Draw report.html again from a finished output folder of run, generate or train.",
        positionals: [("DIR", "The output folder.")],
        options: [.init(name: "quiet", kind: .flag, placeholder: "", help: "Do not print where the report went.")])

    static func run(_ arguments: ParsedArguments) throws {
        let directory = arguments.positionals[0]
        let html = try Report.render(folder: directory)
        let folder = try OutputFolder(path: directory, files: ["report.html"])
        do {
            try folder.write("report.html", contents: Data(html.utf8))
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        if !arguments.flag("quiet") { print("\(directory)/report.html") }
    }
}
