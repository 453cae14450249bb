import Foundation
import Testing

@testable import Contagion

/// The scenario parser: JSON5's grammar, what it refuses on top, and agreement with
/// Foundation's JSON5 decoder on every example scenario.
@Suite struct JSON5ParserTests {
    static func parse(_ text: String) throws -> JSONValue { try JSON5Parser.parse(Array(text.utf8)) }

    static func problem(_ bytes: [UInt8]) -> JSON5Parser.SyntaxError? {
        do {
            _ = try JSON5Parser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// The tree with whole numbers as integers: Foundation reads `1.0` as an integer, this
    /// parser as a `Double`; both decode to the same scenario.
    static func integral(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: .integer(Int64(number))
        case .array(let elements): .array(elements.map(integral))
        case .object(let fields): .object(fields.mapValues(integral))
        default: value
        }
    }

    @Test func readsJSON5Numbers() throws {
        let value = try Self.parse("[0x1F, -0xA, .5, 5., +1, -0, 1e3, 2E-2, 9223372036854775807, 18446744073709551615]")
        #expect(
            value
                == .array([
                    .integer(31), .integer(-10), .double(0.5), .double(5), .integer(1), .integer(0), .double(1000),
                    .double(0.02), .integer(.max), .unsignedInteger(.max),
                ]))
        #expect(try Self.parse("-9223372036854775808") == .integer(.min))
        guard case .array(let special) = try Self.parse("[Infinity, -Infinity, NaN]") else {
            Issue.record("expected a list")
            return
        }
        #expect(special.count == 3)
        #expect(special[0] == .double(.infinity) && special[1] == .double(-.infinity))
        if case .double(let nan) = special[2] { #expect(nan.isNaN) } else { Issue.record("NaN is a number") }
    }

    @Test func readsJSON5Strings() throws {
        let value = try Self.parse(#"['it\'s', "tab\there", "\x41\u00e9\uD83D\uDE00", "line \\#ncontinued", "\q"]"#)
        #expect(
            value
                == .array([
                    .string("it's"), .string("tab\there"), .string("Aé😀"), .string("line continued"), .string("q"),
                ]))
    }

    @Test func readsCommentsTrailingCommasIdentifierKeysAndAByteOrderMark() throws {
        let text = "\u{FEFF}// lead\n{ a: 1, /* inner */ $b_2: [true, null,], 'c d': {}, }\n// tail"
        #expect(
            try Self.parse(text)
                == .object(["a": .integer(1), "$b_2": .array([.bool(true), .null]), "c d": .object([:])]))
    }

    @Test func refusesBytesThatAreNotUTF8WithTheirPosition() {
        let problem = Self.problem(Array("{\n  a".utf8) + [0xFD] + Array(": 1 }".utf8))
        #expect(problem == .init(line: 2, column: 4, message: "expected UTF-8 text, found the byte 0xFD"))
        // An overlong encoding and a lone surrogate are not UTF-8 either.
        #expect(Self.problem([0x22, 0xC0, 0x80, 0x22])?.column == 2)
        #expect(Self.problem([0x22, 0xED, 0xA0, 0x80, 0x22])?.column == 2)
    }

    @Test func refusesAnEscapedLoneSurrogate() {
        #expect(Self.problem(Array(#""\uD800x""#.utf8))?.message.hasPrefix("expected a Unicode scalar") == true)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSON5Parser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try Self.parse(text) }
        #expect(Self.problem(Array(("[" + text + "]").utf8))?.column == depth + 1)
    }

    /// Every example scenario reads to the same tree as Foundation's JSON5 decoder gives.
    @Test func agreesWithFoundationOnEveryExampleScenario() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../scenarios")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            let foundation = try decoder.decode(JSONValue.self, from: data)
            #expect(Self.integral(try JSON5Parser.parse(Array(data))) == Self.integral(foundation), "\(file)")
        }
    }
}
