import Contagion
import Foundation

/// The `contagion` executable: parses the command line, runs one command, maps errors to
/// exit codes (0 success, 2 bad usage or input, 1 anything else).
public enum CommandLineTool {
    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            try dispatch(arguments)
            return 0
        } catch let error as UsageError {
            printError(error.message)
            printError(error.usage)
            return 2
        } catch let error as any InputError {
            printError("error: \(error)")
            return 2
        } catch {
            printError("error: \(error)")
            return 1
        }
    }

    /// Runs the process's command line and exits; SIGINT and SIGTERM remove the command's
    /// unfinished files first (``Interrupts``).
    public static func main() -> Never {
        let interrupts = Interrupts.install()
        let code = run(Array(CommandLine.arguments.dropFirst()))
        withExtendedLifetime(interrupts) {}
        exit(code)
    }

    static func dispatch(_ arguments: [String]) throws {
        guard let command = arguments.first else {
            print(Commands.overview)
            return
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "-h", "--help":
            print(Commands.overview)
        case "--version":
            print("contagion \(ContagionVersion.string)")
        case "help":
            guard let topic = rest.first else {
                print(Commands.overview)
                return
            }
            guard let spec = Commands.all.first(where: { $0.name == topic }) else {
                throw UsageError(
                    message: "error: unknown command '\(topic)'",
                    usage: "usage: contagion help [run|validate|embed|generate|train|report]")
            }
            print(spec.help)
        case "embed":
            let parsed = try EmbedCommand.spec.parse(rest)
            if parsed.wantsHelp { print(EmbedCommand.spec.help) } else { try EmbedCommand.run(parsed) }
        case "train":
            let parsed = try TrainCommand.spec.parse(rest)
            if parsed.wantsHelp { print(TrainCommand.spec.help) } else { try TrainCommand.run(parsed) }
        case "report":
            let parsed = try ReportCommand.spec.parse(rest)
            if parsed.wantsHelp { print(ReportCommand.spec.help) } else { try ReportCommand.run(parsed) }
        case "generate":
            let parsed = try GenerateCommand.spec.parse(rest)
            if parsed.wantsHelp { print(GenerateCommand.spec.help) } else { try GenerateCommand.run(parsed) }
        case "run", "validate":
            let spec = command == "run" ? Commands.run : Commands.validate
            let parsed = try spec.parse(rest)
            if parsed.wantsHelp {
                print(spec.help)
            } else if command == "run" {
                try Commands.runScenario(parsed)
            } else {
                try Commands.validateScenario(parsed)
            }
        default:
            throw UsageError(
                message: "error: unknown command '\(command)'",
                usage: "usage: contagion <run|validate|embed|generate|train|report|help> [arguments]")
        }
    }

    /// Writes one line to standard error; control characters from the input (a newline in a
    /// key, say) are escaped so that the message stays one line.
    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((TextSafety.escapingControlCharacters(text) + "\n").utf8))
    }
}
