import Foundation

/// A scenario section a sweep can list: it names its kind with a `type`.
public protocol SweepElement: Codable, Sendable, Equatable {
    /// The section's `type`.
    var type: String { get }
    /// What one element is called in messages ("model", "graph").
    static var noun: String { get }
}

extension ModelSettings: SweepElement {
    public static var noun: String { "model" }
}

extension GraphSettings: SweepElement {
    public static var noun: String { "graph" }
}

/// The `model` key: one model or a list of models to sweep.
public typealias ModelVariants = Sweep<ModelSettings>

/// The `graph` key: one graph or a list of graphs to sweep.
public typealias GraphVariants = Sweep<GraphSettings>

/// A key that holds one section (an object) or a list of them to sweep
/// (`model: [{ type: "independent_cascade" }, { type: "linear_threshold" }]`).
///
/// Every element of a sweep is a *variant*. Model variants share the graph: each arm chooses
/// its seeds and runs its replicates once per model, replicate `r` of every model in the same
/// possible world. Graph variants each run the whole experiment on their own graph. Every
/// table names the variant in its `model` or `graph` column (``labels``).
public struct Sweep<Element: SweepElement>: Codable, Sendable, Equatable {
    /// The elements, in the order listed; at least one, no two alike.
    public var list: [Element]

    /// One element.
    public init(_ element: Element) { list = [element] }

    public init(from decoder: any Decoder) throws {
        if case .array = try JSONValue(from: decoder) {
            var elements = try decoder.unkeyedContainer()
            var list: [Element] = []
            while !elements.isAtEnd { list.append(try elements.decode(Element.self)) }
            self.list = list
        } else {
            list = [try Element(from: decoder)]
        }
        guard !list.isEmpty else {
            throw ScenarioError(at: decoder.codingPath, "must list at least one \(Element.noun), got []")
        }
        let labels = Self.labels(of: list)
        if let twice = labels.indices.first(where: { labels[..<$0].contains(labels[$0]) }) {
            throw ScenarioError(
                at: decoder.codingPath + [AnyKey(intValue: twice)],
                "lists the \(Element.noun) '\(labels[twice])' twice")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if list.count == 1 {
            try list[0].encode(to: encoder)
        } else {
            var elements = encoder.unkeyedContainer()
            for element in list { try elements.encode(element) }
        }
    }

    /// The first element: what commands that take one (`generate`, `train`) use.
    public var first: Element {
        get { list[0] }
        set { list[0] = newValue }
    }

    /// Each variant's name in the tables: its `type` when no other variant has that type,
    /// else the type and the settings in which the variants of that type differ
    /// (`independent_cascade probability=0.05`).
    public var labels: [String] { Self.labels(of: list) }

    private static func labels(of list: [Element]) -> [String] {
        let settings = list.map(flattenedSettings)
        return list.indices.map { index in
            let type = list[index].type
            let sameType = list.indices.filter { list[$0].type == type }
            guard sameType.count > 1 else { return type }
            let differing = settings[index].keys.sorted().filter { key in
                sameType.contains { settings[$0][key] != settings[index][key] }
            }
            return ([type] + differing.map { "\($0)=\(settings[index][$0] ?? "")" }).joined(separator: " ")
        }
    }

    /// The element's settings as `key.path → JSON text`, without its type.
    private static func flattenedSettings(_ element: Element) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(element), let tree = try? JSONValue.parse(data) else { return [:] }
        var flat: [String: String] = [:]
        func walk(_ value: JSONValue, _ path: String) {
            if case .object(let fields) = value {
                for (key, field) in fields { walk(field, path.isEmpty ? key : "\(path).\(key)") }
            } else if case .string(let text) = value {
                flat[path] = text
            } else {
                flat[path] = value.jsonText
            }
        }
        walk(tree, "")
        flat["type"] = nil
        return flat
    }
}
