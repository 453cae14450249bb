/// A bad command line: the one-line message and the usage of the command it concerns.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    /// The error, starting with `error: `.
    public var message: String
    /// The usage line of the command concerned.
    public var usage: String
    public var description: String { "\(message)\n\(usage)" }
}

/// The options a command accepts, and the parser that checks a command line against them.
///
/// Small on purpose: long options only (`--name value` or `--name=value`), flags, a repeatable
/// option, and positional arguments. Unknown options, missing values and values of the wrong
/// type are ``UsageError``s.
public struct CommandSpec: Sendable {
    /// The kinds of values an option takes.
    public enum ValueKind: Sendable, Equatable {
        /// `flag`: no value; `integer`: an integer ≥ 0; `positiveInteger`: an integer ≥ 1;
        /// `positiveNumber`: a finite number > 0; `text`: any string.
        case flag, integer, positiveInteger, positiveNumber, text
    }

    /// One `--option`.
    public struct Option: Sendable {
        /// The name, without the leading `--`.
        public var name: String
        /// The value it takes.
        public var kind: ValueKind
        /// The value's name in usage and help (`DIR`, `N`); unused for flags.
        public var placeholder: String
        /// One line for the help text.
        public var help: String
        /// Whether it may be given more than once; every value is kept, in order.
        public var repeatable = false
    }

    /// The command, as typed after `contagion`.
    public var name: String
    /// One line saying what the command does; the help text starts with it.
    public var summary: String
    /// The positional arguments in order, with a help line each; all are required unless help is asked for.
    public var positionals: [(name: String, help: String)]
    /// The options, besides `-h` and `--help`.
    public var options: [Option]

    /// The usage line, e.g. `usage: contagion run SCENARIO [--out DIR] …`.
    public var usage: String {
        let parts = options.map {
            $0.kind == .flag ? "[--\($0.name)]" : "[--\($0.name) \($0.placeholder)]\($0.repeatable ? "..." : "")"
        }
        return (["usage: contagion", name] + positionals.map(\.name) + parts).joined(separator: " ")
    }

    /// The full help text: summary, usage, arguments and options.
    public var help: String {
        var lines = [summary, "", usage, ""]
        if !positionals.isEmpty {
            lines.append("Arguments:")
            for positional in positionals { lines.append("  " + pad(positional.name) + positional.help) }
            lines.append("")
        }
        lines.append("Options:")
        for option in options {
            let label = option.kind == .flag ? "--\(option.name)" : "--\(option.name) \(option.placeholder)"
            lines.append("  " + pad(label) + option.help)
        }
        lines.append("  " + pad("-h, --help") + "Show this help.")
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String) -> String {
        text.count >= 24 ? text + "  " : text + String(repeating: " ", count: 24 - text.count)
    }

    /// Parses `arguments` (after the command name).
    ///
    /// - Throws: ``UsageError``.
    public func parse(_ arguments: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        func fail(_ message: String) -> UsageError { UsageError(message: "error: \(message)", usage: usage) }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else {
                guard parsed.positionals.count < positionals.count else {
                    throw fail("unexpected argument '\(argument)'")
                }
                parsed.positionals.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let option = options.first(where: { $0.name == name }) else {
                throw fail("unknown option '--\(name)'")
            }
            if option.kind == .flag {
                guard inlineValue == nil else { throw fail("option '--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw fail("option '--\(name)' needs a value (\(option.placeholder))")
                }
                value = arguments[index]
                index += 1
            }
            switch option.kind {
            case .integer:
                guard UInt64(value) != nil else {
                    throw fail("option '--\(name)' expects a non-negative integer, got '\(value)'")
                }
            case .positiveInteger:
                guard let number = Int(value), number >= 1 else {
                    throw fail("option '--\(name)' expects an integer ≥ 1, got '\(value)'")
                }
            case .positiveNumber:
                guard let number = Double(value), number > 0, number.isFinite else {
                    throw fail("option '--\(name)' expects a number > 0, got '\(value)'")
                }
            case .flag, .text:
                break
            }
            if !option.repeatable && parsed.values[name] != nil { throw fail("option '--\(name)' given twice") }
            parsed.values[name, default: []].append(value)
        }
        if !parsed.wantsHelp && parsed.positionals.count < positionals.count {
            throw fail("missing argument \(positionals[parsed.positionals.count].name)")
        }
        return parsed
    }
}

/// The result of ``CommandSpec/parse(_:)``.
public struct ParsedArguments: Equatable {
    /// The positional arguments, in order.
    public var positionals: [String] = []
    /// Each option's values by name (without `--`), in command-line order.
    public var values: [String: [String]] = [:]
    /// The flags given, by name.
    public var flags: Set<String> = []
    /// Whether `-h` or `--help` was given.
    public var wantsHelp = false

    /// The last value of `--name`.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// `--name` as an integer (already checked by the parser).
    public func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }

    /// The value of a number option, if given.
    public func number(_ name: String) -> Double? { value(name).flatMap { Double($0) } }
    /// Whether `--name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}
