import Foundation

/// A scenario that cannot be run: `file: key.path: what was expected, what was found`.
public struct ScenarioError: InputError, Equatable {
    /// The scenario file, if known.
    public var file: String?
    /// The key path, such as `policies[2].k`; empty for the whole file.
    public var keyPath: String
    /// What was expected and what was found.
    public var message: String

    /// An error at `keyPath`.
    public init(file: String? = nil, keyPath: String, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    /// An error at a decoder's coding path.
    init(at path: [any CodingKey], _ message: String) {
        self.init(keyPath: ScenarioError.keyPath(path), message: message)
    }

    public var description: String {
        [file, keyPath.isEmpty ? nil : keyPath].compactMap { $0 }.joined(separator: ": ")
            + (file == nil && keyPath.isEmpty ? "" : ": ") + message
    }

    /// Formats a coding path as `a.b[2].c`.
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}

/// A coding key made from any string, for reading the keys an object actually has.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// The object's container, after checking it has no keys outside `allowed`.
    ///
    /// - Throws: ``ScenarioError`` naming the first unknown key and the keys allowed.
    func strictContainer<Key: CodingKey>(keyedBy type: Key.Type, allowed: [Key]) throws -> KeyedDecodingContainer<Key> {
        let names = Set(allowed.map(\.stringValue))
        let actual = try container(keyedBy: AnyKey.self)
        for key in actual.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !names.contains(key.stringValue)
        {
            throw ScenarioError(
                at: codingPath + [key],
                "unknown key (expected one of: \(allowed.map(\.stringValue).sorted().joined(separator: ", ")))")
        }
        return try container(keyedBy: type)
    }

    /// ``strictContainer(keyedBy:allowed:)`` allowing every case of `Key`.
    func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try strictContainer(keyedBy: type, allowed: Array(Key.allCases))
    }
}

extension KeyedDecodingContainer {
    /// `decodeIfPresent`, with one more readable error: for a number that does not fit the
    /// key's type (2.5 for an integer, −1 for a seed) Foundation throws an internal error that
    /// surfaces as "not valid JSON" with no key path; this names the key and the number.
    func scenarioValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch let error as DecodingError {
            throw error
        } catch let error as ScenarioError {
            throw error
        } catch {
            let found = (try? decodeIfPresent(JSONValue.self, forKey: key)).flatMap { $0 }?.jsonText
            throw ScenarioError(
                at: codingPath + [key], "expected \(ScenarioLoader.typeName(T.self)), got \(found ?? "another value")")
        }
    }

    /// The value at `key`, or `fallback` when the key is absent.
    func decode<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try scenarioValue(T.self, forKey: key) ?? fallback
    }

    /// The label at `key` (or `fallback`): a policy's or recommender's name in the tables, or
    /// with `namesFolder` the scenario's name, which names its output folder.
    ///
    /// A label is 1 to 200 characters without control characters; a folder name also has no
    /// `/` and is not `.` or `..`, so that it can only name a folder inside `output.directory`.
    func decodeName(_ key: Key, default fallback: String, namesFolder: Bool = false) throws -> String {
        let name = try decode(key, default: fallback)
        let shown = "'\(TextSafety.escapingControlCharacters(name))'"
        try check(!name.isEmpty && name.count <= 200, key, "must be 1 to 200 characters", got: shown)
        try check(
            TextSafety.escapingControlCharacters(name) == name, key, "must not contain control characters", got: shown)
        if namesFolder {
            try check(
                !name.contains("/") && name != "." && name != "..", key,
                "must name a folder: no '/', not '.' or '..'", got: shown)
        }
        return name
    }

    /// Throws `"<message>, got <value>"` at `key` unless `condition` holds.
    func check(_ condition: Bool, _ key: Key, _ message: String, got value: Any) throws {
        if !condition { throw ScenarioError(at: codingPath + [key], "\(message), got \(value)") }
    }

    /// The number at `key` (or `fallback`), which must lie in `range`.
    func decode<T: Decodable & Comparable>(_ key: Key, default fallback: T, in range: ClosedRange<T>) throws -> T {
        let value = try decode(key, default: fallback)
        try check(range.contains(value), key, "must be in [\(range.lowerBound), \(range.upperBound)]", got: value)
        return value
    }

    /// The number at `key` (or `fallback`), which must be at least `minimum`.
    func decode<T: Decodable & Comparable>(_ key: Key, default fallback: T, atLeast minimum: T) throws -> T {
        let value = try decode(key, default: fallback)
        try check(value >= minimum, key, "must be ≥ \(minimum)", got: value)
        return value
    }

    /// The number at `key` (or `fallback`), which must be positive.
    func decodePositive(_ key: Key, default fallback: Double) throws -> Double {
        let value = try decode(key, default: fallback)
        try check(value > 0 && value.isFinite, key, "must be > 0", got: value)
        return value
    }
}
