import Foundation

/// The `model` section: the propagation model its `type` names (default `content_aware`) with
/// that model's keys; the models are listed in ``PropagationModels/registry``.
public struct ModelSettings: Codable, Sendable, Equatable {
    /// The model's settings.
    public var model: any PropagationModelEntry

    /// The model's `type`.
    public var type: String { model.type }

    /// The default model: content-aware with its default parameters.
    public init() { model = ContentAwareSettings() }

    /// The section for `model`.
    public init(_ model: any PropagationModelEntry) { self.model = model }

    public init(from decoder: any Decoder) throws {
        model = try PropagationModels.registry.decode(from: decoder, defaultType: PropagationModels.defaultType)
    }

    public func encode(to encoder: any Encoder) throws {
        try model.encodeWithType(to: encoder)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.model.isEqual(to: rhs.model) }

    /// The section as compact JSON with sorted keys, every default filled in: two sections
    /// describe the same model exactly when their texts are equal.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { preconditionFailure("a model section always encodes") }
        return String(decoding: data, as: UTF8.self)
    }
}
