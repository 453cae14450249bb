import Foundation
import Testing

@testable import Contagion

@Suite struct JSONValueTests {
    static let tree = JSONValue.object([
        "a": .object(["b": .integer(1)]),
        "list": .array([.integer(10), .object(["x": .bool(false)]), .array([.null])]),
        "s": .string("text"),
    ])

    static func error(_ path: String, in tree: JSONValue = tree) -> ScenarioError? {
        do {
            _ = try tree.setting(path, to: .integer(0))
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            return nil
        }
    }
}

// MARK: - Parsing

extension JSONValueTests {
    @Test(arguments: [
        ("5", JSONValue.integer(5)), ("-3", .integer(-3)), ("2.5", .double(2.5)), ("true", .bool(true)),
        ("null", .null), ("[1, \"x\"]", .array([.integer(1), .string("x")])), ("\"5\"", .string("5")),
        ("{a: 1,}", .object(["a": .integer(1)])), ("hello", .string("hello")),
        ("model.affinity", .string("model.affinity")),
        ("", .string("")),
    ])
    func parseLiteral(text: String, value: JSONValue) {
        #expect(JSONValue.parseLiteral(text) == value)
    }

    @Test func parseAcceptsJSON5() throws {
        let value = try JSONValue.parse(Data("// c\n{ key: [1, 2,], 'q': \"x\", }".utf8))
        #expect(value == .object(["key": .array([.integer(1), .integer(2)]), "q": .string("x")]))
    }

    @Test func parseRejectsBrokenText() {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data("{ a: ".utf8)) }
    }

    @Test func encodeDecodeRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.tree)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == Self.tree)
    }
}

// MARK: - Setting values by key path

extension JSONValueTests {
    @Test func settingReplacesNestedValues() throws {
        let updated = try Self.tree
            .setting("a.b", to: .integer(2))
            .setting("list[1].x", to: .bool(true))
            .setting("list[2][0]", to: .string("deep"))
            .setting("list[0]", to: .double(0.5))
        #expect(
            updated
                == .object([
                    "a": .object(["b": .integer(2)]),
                    "list": .array([.double(0.5), .object(["x": .bool(true)]), .array([.string("deep")])]),
                    "s": .string("text"),
                ]))
    }

    @Test func settingCreatesMissingObjectKeys() throws {
        let updated = try JSONValue.object([:]).setting("p.q.r", to: .integer(3))
        #expect(updated == .object(["p": .object(["q": .object(["r": .integer(3)])])]))
        let sibling = try Self.tree.setting("a.c", to: .null)
        #expect(
            sibling
                == .object([
                    "a": .object(["b": .integer(1), "c": .null]),
                    "list": .array([.integer(10), .object(["x": .bool(false)]), .array([.null])]),
                    "s": .string("text"),
                ]))
    }

    @Test func settingAWholeSubtree() throws {
        let updated = try Self.tree.setting("a", to: .array([]))
        guard case .object(let fields) = updated else {
            Issue.record("not an object")
            return
        }
        #expect(fields["a"] == .array([]))
    }

    @Test(arguments: ["a..b", "", ".a", "a.", "[0]", "list[x]", "list[-1]", "list[0", "list[0]x", "a.[1]"])
    func malformedPaths(path: String) {
        let error = Self.error(path)
        #expect(error == ScenarioError(keyPath: path, message: "malformed key path"))
    }

    @Test(arguments: [("list[3]", 3, 3), ("list[2][1]", 1, 1)])
    func indexOutOfRange(path: String, index: Int, count: Int) {
        #expect(
            Self.error(path)
                == ScenarioError(keyPath: path, message: "index \(index) is out of range (the list has \(count))"))
    }

    @Test(arguments: ["s.x", "a.b.c", "a[0]", "list.x", "missing[0]"])
    func pathsThroughNonContainers(path: String) {
        #expect(Self.error(path) == ScenarioError(keyPath: path, message: "does not lead through objects and lists"))
    }
}
