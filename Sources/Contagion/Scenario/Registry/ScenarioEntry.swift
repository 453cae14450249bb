/// One kind that a scenario section names by its `type` — a propagation model, a seeding
/// policy, a recommender, a graph source — declared in one file.
///
/// The conforming type is the kind's settings: its properties start at the documented
/// defaults (`init()`, the only place a default is written), and `init(from:)` overrides
/// them key by key, checking each range with the key's path (``ScenarioError``). The
/// section's ``Registry`` checks that the object holds no key outside its ``CodingKeys``, the `type`
/// and the keys the section shares (a policy's `name` and `k`), so an entry reads its keys
/// with a plain container. Each kind's protocol (``PropagationModelEntry``,
/// ``SeedingPolicyEntry``, ``RecommenderEntry``, ``GraphSourceEntry``) adds how the entry
/// builds its runtime object.
public protocol ScenarioEntry: Codable, Sendable, Equatable {
    /// The keys the kind reads, besides `type` and the section's shared keys (its `Encodable`
    /// conformance writes them too).
    associatedtype CodingKeys: CodingKey & CaseIterable

    /// The name a scenario's `type` key gives the kind.
    static var type: String { get }

    /// What the kind is, in one sentence: printed by `contagion validate`; the docs test
    /// checks that the kind's documentation page has a section for ``type``.
    static var summary: String { get }
}

extension ScenarioEntry {
    // MARK: - Default implementations

    /// The names of ``CodingKeys``.
    public static var keyNames: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// Whether `other` is the same kind with the same settings (for the existential wrappers'
    /// `Equatable`).
    public func isEqual(to other: any ScenarioEntry) -> Bool { (other as? Self) == self }

    /// The kind's ``type`` (for existential values).
    public var type: String { Self.type }
}

extension ScenarioEntry {
    /// Writes the entry's keys and its `type` into one object.
    public func encodeWithType(to encoder: any Encoder) throws {
        var object = encoder.container(keyedBy: AnyKey.self)
        try object.encode(Self.type, forKey: AnyKey("type"))
        try encode(to: encoder)
    }
}

/// An entry with no keys of its own (`random`, `degree`, `popularity`, …): it decodes to
/// ``init()`` and writes nothing but its `type`.
public protocol KeylessEntry: ScenarioEntry where CodingKeys == NoKeys {
    /// The entry.
    init()
}

/// The keys of a ``KeylessEntry``: none.
public enum NoKeys: CodingKey, CaseIterable {}

extension KeylessEntry {
    public init(from decoder: any Decoder) throws { self.init() }

    public func encode(to encoder: any Encoder) throws {}
}
