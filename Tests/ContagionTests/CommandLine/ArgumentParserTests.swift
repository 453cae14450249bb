import Testing

@testable import ContagionCommandLine

@Suite struct ArgumentParserTests {
    static let run = Commands.run

    /// The usage error `arguments` cause for `spec`, or `nil` if they parse.
    static func usageError(_ arguments: [String], spec: CommandSpec = run) -> UsageError? {
        do {
            _ = try spec.parse(arguments)
            return nil
        } catch let error as UsageError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}

// MARK: - Accepted command lines

extension ArgumentParserTests {
    @Test func positionalOptionsAndFlags() throws {
        let parsed = try Self.run.parse(["s.json", "--out", "results", "--threads", "3", "--quiet", "--seed", "0"])
        #expect(parsed.positionals == ["s.json"])
        #expect(parsed.value("out") == "results")
        #expect(parsed.integer("threads") == 3)
        #expect(parsed.integer("seed") == 0)
        #expect(parsed.flag("quiet"))
        #expect(!parsed.flag("help"))
        #expect(!parsed.wantsHelp)
        #expect(parsed.value("replicates") == nil)
    }

    @Test func optionsMayComeBeforeThePositional() throws {
        let parsed = try Self.run.parse(["--replicates", "7", "s.json"])
        #expect(parsed.positionals == ["s.json"])
        #expect(parsed.integer("replicates") == 7)
    }

    @Test func nameEqualsValueForm() throws {
        let parsed = try Self.run.parse(["s.json", "--out=dir/sub", "--threads=2", "--set=policies[0].k=5"])
        #expect(parsed.value("out") == "dir/sub")
        #expect(parsed.integer("threads") == 2)
        // Only the first "=" separates the option from its value.
        #expect(parsed.values["set"] == ["policies[0].k=5"])
    }

    @Test func repeatedSetKeepsEveryValueInOrder() throws {
        let parsed = try Self.run.parse(["s.json", "--set", "budget=3", "--set=seed=9", "--set", "name=x"])
        #expect(parsed.values["set"] == ["budget=3", "seed=9", "name=x"])
        #expect(parsed.value("set") == "name=x")
    }

    @Test func valuesMayStartWithASingleDash() throws {
        let parsed = try Self.run.parse(["s.json", "--out", "-dir"])
        #expect(parsed.value("out") == "-dir")
    }

    @Test(arguments: [["--help"], ["-h"], ["s.json", "--help"], ["--quiet", "-h"]])
    func helpNeedsNoPositional(arguments: [String]) throws {
        #expect(try Self.run.parse(arguments).wantsHelp)
    }

    @Test func optionsAfterHelpAreStillChecked() {
        #expect(Self.usageError(["--help", "--bogus"])?.message == "error: unknown option '--bogus'")
    }

    @Test func validateAcceptsOnlySet() throws {
        #expect(try Commands.validate.parse(["s.json", "--set", "a=1"]).values["set"] == ["a=1"])
        #expect(
            Self.usageError(["s.json", "--seed", "3"], spec: Commands.validate)?.message
                == "error: unknown option '--seed'")
    }
}

// MARK: - Rejected command lines

extension ArgumentParserTests {
    @Test func unknownOption() {
        let error = Self.usageError(["s.json", "--bogus"])
        #expect(error?.message == "error: unknown option '--bogus'")
        #expect(error?.usage == Self.run.usage)
        #expect(Self.usageError(["s.json", "--bogus=3"])?.message == "error: unknown option '--bogus'")
    }

    @Test func missingValue() {
        #expect(Self.usageError(["s.json", "--out"])?.message == "error: option '--out' needs a value (DIR)")
        // The next word is an option, not a value.
        #expect(
            Self.usageError(["--threads", "--quiet", "s.json"])?.message
                == "error: option '--threads' needs a value (N)")
    }

    @Test(arguments: [
        (["s.json", "--threads", "zero"], "error: option '--threads' expects an integer ≥ 1, got 'zero'"),
        (["s.json", "--threads=0"], "error: option '--threads' expects an integer ≥ 1, got '0'"),
        (["s.json", "--replicates", "-2"], "error: option '--replicates' expects an integer ≥ 1, got '-2'"),
        (["s.json", "--seed", "-5"], "error: option '--seed' expects a non-negative integer, got '-5'"),
        (["s.json", "--seed", "1.5"], "error: option '--seed' expects a non-negative integer, got '1.5'"),
        (
            ["s.json", "--seed", "18446744073709551616"],
            "error: option '--seed' expects a non-negative integer, got '18446744073709551616'"
        ),
    ])
    func wrongValueType(arguments: [String], message: String) {
        #expect(Self.usageError(arguments)?.message == message)
    }

    @Test func largestSeedIsAccepted() throws {
        #expect(
            try Self.run.parse(["s.json", "--seed", "18446744073709551615"]).value("seed") == "18446744073709551615")
    }

    @Test func flagWithAValue() {
        #expect(Self.usageError(["s.json", "--quiet=yes"])?.message == "error: option '--quiet' takes no value")
    }

    @Test func nonRepeatableOptionGivenTwice() {
        #expect(Self.usageError(["s.json", "--out", "a", "--out=b"])?.message == "error: option '--out' given twice")
    }

    @Test func missingPositional() {
        #expect(Self.usageError([])?.message == "error: missing argument SCENARIO")
        #expect(Self.usageError(["--quiet"])?.message == "error: missing argument SCENARIO")
    }

    @Test func extraPositional() {
        #expect(Self.usageError(["a.json", "b.json"])?.message == "error: unexpected argument 'b.json'")
    }
}

// MARK: - Usage and help text

extension ArgumentParserTests {
    @Test func usageLineListsEveryOption() {
        #expect(
            Self.run.usage
                == "usage: contagion run SCENARIO [--out DIR] [--seed N] [--threads N] [--memory-limit SIZE] "
                + "[--replicates N] [--set KEY=VALUE]... [--quiet] [--progress MODE] [--no-report]")
        #expect(
            Commands.validate.usage == "usage: contagion validate SCENARIO [--set KEY=VALUE]... [--memory-limit SIZE]")
    }

    @Test func usageErrorDescriptionIsMessageThenUsage() {
        let error = UsageError(message: "error: x", usage: "usage: y")
        #expect(error.description == "error: x\nusage: y")
    }

    @Test func helpListsArgumentsAndOptions() {
        let help = Self.run.help
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == Self.run.summary)
        #expect(lines.contains(Self.run.usage))
        #expect(lines.contains { $0.hasPrefix("  SCENARIO") })
        for option in Self.run.options {
            #expect(
                lines.contains { $0.hasPrefix("  --\(option.name)") && $0.hasSuffix(option.help) },
                "no help line for --\(option.name)")
        }
        #expect(lines.last == "  -h, --help              Show this help.")
    }
}
