import Foundation

/// A JSON document as a tree, used to apply `--set key.path=value` overrides to a scenario
/// before it is decoded into its typed schema.
public indirect enum JSONValue: Codable, Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits in `Int64`.
    case integer(Int64)
    /// An integer above `Int64.max` (a 64-bit seed, say).
    case unsignedInteger(UInt64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// A list.
    case array([JSONValue])
    /// An object: values by key.
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsignedInteger(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .unsignedInteger(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as compact JSON text, for error messages.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "a value"
    }

    /// Parses JSON5 text (comments, trailing commas, unquoted keys allowed); see
    /// ``JSON5Parser`` for what else it refuses.
    ///
    /// - Throws: ``JSON5Parser/SyntaxError`` with the line and column of the first problem.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSON5Parser.parse(Array(data))
    }

    /// The key path of the first number that is NaN or infinite (JSON5 allows them; no
    /// scenario value does), or `nil`.
    public func nonFiniteNumberPath(prefix: String = "") -> String? {
        switch self {
        case .double(let value) where !value.isFinite:
            return prefix
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let path = element.nonFiniteNumberPath(prefix: "\(prefix)[\(index)]") { return path }
            }
        case .object(let fields):
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                if let path = value.nonFiniteNumberPath(prefix: prefix.isEmpty ? key : "\(prefix).\(key)") {
                    return path
                }
            }
        default:
            break
        }
        return nil
    }

    /// Parses a command-line value: JSON5 if it parses (`5`, `true`, `[1, 2]`), else a string.
    public static func parseLiteral(_ text: String) -> JSONValue {
        (try? parse(Data(text.utf8))) ?? .string(text)
    }

    /// Returns the tree with the value at `path` (`a.b[2].c`) replaced by `value`; missing
    /// object keys along the path are created.
    ///
    /// - Throws: ``ScenarioError`` if the path is malformed or crosses a non-container.
    public func setting(_ path: String, to value: JSONValue) throws -> JSONValue {
        try setting(Self.components(of: path)[...], to: value, fullPath: path)
    }

    private enum Component {
        case key(String)
        case index(Int)
    }

    private static func components(of path: String) throws -> [Component] {
        var components: [Component] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let name = rest.prefix { $0 != "[" }
            guard !name.isEmpty else { throw ScenarioError(keyPath: path, message: "malformed key path") }
            components.append(.key(String(name)))
            rest = rest.dropFirst(name.count)
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                    index >= 0
                else { throw ScenarioError(keyPath: path, message: "malformed key path") }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { throw ScenarioError(keyPath: path, message: "malformed key path") }
        }
        return components
    }

    private func setting(_ path: ArraySlice<Component>, to value: JSONValue, fullPath: String) throws -> JSONValue {
        guard let first = path.first else { return value }
        switch (first, self) {
        case (.key(let key), .object(var fields)):
            fields[key] = try (fields[key] ?? .object([:])).setting(path.dropFirst(), to: value, fullPath: fullPath)
            return .object(fields)
        case (.index(let index), .array(var elements)) where index < elements.count:
            elements[index] = try elements[index].setting(path.dropFirst(), to: value, fullPath: fullPath)
            return .array(elements)
        case (.index(let index), .array(let elements)):
            throw ScenarioError(
                keyPath: fullPath, message: "index \(index) is out of range (the list has \(elements.count))")
        default:
            throw ScenarioError(keyPath: fullPath, message: "does not lead through objects and lists")
        }
    }
}
