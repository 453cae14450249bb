import Foundation

/// The `model` key: one model (an object), or a list of models to sweep
/// (`model: [{ type: "independent_cascade" }, { type: "linear_threshold" }]`).
///
/// Every model of a sweep is a *variant*: each arm chooses its seeds and runs its replicates
/// once per variant, replicate `r` of every variant in the same possible world, and every
/// table names the variant in its `model` column (``labels``).
public struct ModelVariants: Codable, Sendable, Equatable {
    /// The models, in the order listed; at least one, no two alike.
    public var list: [ModelSettings]

    /// One model.
    public init(_ model: ModelSettings = ModelSettings()) { list = [model] }

    public init(from decoder: any Decoder) throws {
        if case .array = try JSONValue(from: decoder) {
            var elements = try decoder.unkeyedContainer()
            var list: [ModelSettings] = []
            while !elements.isAtEnd { list.append(try elements.decode(ModelSettings.self)) }
            self.list = list
        } else {
            list = [try ModelSettings(from: decoder)]
        }
        guard !list.isEmpty else { throw ScenarioError(at: decoder.codingPath, "must list at least one model, got []") }
        let labels = Self.labels(of: list)
        if let twice = labels.indices.first(where: { labels[..<$0].contains(labels[$0]) }) {
            throw ScenarioError(
                at: decoder.codingPath + [AnyKey(intValue: twice)], "lists the model '\(labels[twice])' twice")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if list.count == 1 {
            try list[0].encode(to: encoder)
        } else {
            var elements = encoder.unkeyedContainer()
            for model in list { try elements.encode(model) }
        }
    }

    /// The first model: what `generate` and `train`, which take one model, use.
    public var first: ModelSettings { list[0] }

    /// Each variant's name in the tables' `model` column: its `type` when no other variant
    /// has that type, else the type and the settings in which the variants of that type
    /// differ (`independent_cascade probability=0.05`).
    public var labels: [String] { Self.labels(of: list) }

    private static func labels(of list: [ModelSettings]) -> [String] {
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

    /// The model's settings as `key.path → JSON text`, without its type.
    private static func flattenedSettings(_ model: ModelSettings) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(model), let tree = try? JSONValue.parse(data) else { return [:] }
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
