/// The kinds of one scenario section (the `model`, the `policies`, the recommenders, the
/// `graph`), by `type` name: the one list that enumerates them.
///
/// A registry line is ``Kind``, made from an entry type (`IMMSettings.registryKind`); adding a
/// kind is its entry file and one line in its section's list (`Docs/Architecture.md` has the
/// recipe).
public struct Registry<Entry>: Sendable {
    /// One kind: its `type` name, summary and keys, and how to decode it.
    public struct Kind: Sendable {
        /// The `type` name.
        public let type: String
        /// The one-sentence summary.
        public let summary: String
        /// The kind's own keys, and those of the section's shared keys it takes (besides `type`
        /// and the keys every kind of the section takes).
        public let keys: [String]
        /// Decodes the kind's settings from an object already checked for unknown keys.
        let decode: @Sendable (any Decoder) throws -> Entry
        /// The kind with its defaults, for kinds that need no key.
        let makeDefault: (@Sendable () -> Entry)?

        /// The line for `entry`; `upcast` turns the entry into the registry's element type, and
        /// `makeDefault` (if given) makes the entry with its defaults; `sectionKeys` are keys of
        /// the section that this kind takes and the section's wrapper reads (a generated graph's
        /// `directed` and `tie_strength`).
        public init<Settings: ScenarioEntry>(
            _ entry: Settings.Type, _ upcast: @escaping @Sendable (Settings) -> Entry,
            makeDefault: (@Sendable () -> Settings)? = nil, sectionKeys: [String] = []
        ) {
            type = Settings.type
            summary = Settings.summary
            keys = Settings.keyNames + sectionKeys
            decode = { upcast(try Settings(from: $0)) }
            if let makeDefault {
                self.makeDefault = { upcast(makeDefault()) }
            } else {
                self.makeDefault = nil
            }
        }
    }

    /// The kinds, in the order that messages and documentation list them.
    public let kinds: [Kind]
    /// Keys every kind of the section accepts besides `type` (a policy's `name` and `k`).
    public let sharedKeys: [String]

    /// A registry of `kinds` whose objects may also hold `sharedKeys`.
    public init(_ kinds: [Kind], sharedKeys: [String] = []) {
        precondition(Set(kinds.map(\.type)).count == kinds.count, "two kinds with one type name")
        self.kinds = kinds
        self.sharedKeys = sharedKeys
    }

    /// The `type` names, in order.
    public var types: [String] { kinds.map(\.type) }

    /// Every kind that needs no key, with its defaults, in order.
    public var defaultEntries: [Entry] { kinds.compactMap { $0.makeDefault?() } }

    /// The kind named `type`, if any.
    public func kind(_ type: String) -> Kind? { kinds.first { $0.type == type } }

    /// Decodes the kind that the object's `type` names (`defaultType` when the key is absent),
    /// after checking that the object holds no key but `type`, the shared keys and the kind's own.
    ///
    /// - Throws: ``ScenarioError`` at the key path: a missing or unknown `type`, the first
    ///   unknown key with the keys allowed, or the kind's own range errors.
    public func decode(from decoder: any Decoder, defaultType: String? = nil) throws -> Entry {
        let object = try decoder.container(keyedBy: AnyKey.self)
        let typeKey = AnyKey(stringValue: "type")
        let name: String
        if object.contains(typeKey) {
            guard let text = try? object.decode(String.self, forKey: typeKey) else {
                throw ScenarioError(
                    at: decoder.codingPath + [typeKey],
                    "expected one of: \(types.joined(separator: ", ")), found a non-string value")
            }
            name = text
        } else if let defaultType {
            name = defaultType
        } else {
            throw ScenarioError(at: decoder.codingPath + [typeKey], "is required but missing")
        }
        guard let kind = kind(name) else {
            throw ScenarioError(
                at: decoder.codingPath + [typeKey], "expected one of: \(types.joined(separator: ", ")), got '\(name)'")
        }
        _ = try decoder.strictContainer(
            keyedBy: AnyKey.self, allowed: (["type"] + sharedKeys + kind.keys).map { AnyKey($0) })
        return try kind.decode(decoder)
    }
}

extension AnyKey {
    /// The key named `name`.
    init(_ name: String) { self.init(stringValue: name) }
}
