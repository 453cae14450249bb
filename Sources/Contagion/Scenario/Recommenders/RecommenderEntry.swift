/// A recommender's scenario entry: its keys in a `feed.recommenders` item (``ScenarioEntry``;
/// every item also takes `name`) and how it builds the ``Recommender``.
public protocol RecommenderEntry: ScenarioEntry {
    /// The recommender with its defaults (every recommender has them).
    init()

    /// The recommender object, labelled `name` in outputs.
    func makeRecommender(name: String) -> any Recommender

    /// Whether the recommender needs the graph embedding (default `false`).
    var usesEmbedding: Bool { get }

    /// Whether `feed.evaluation` scores it when the scenario lists no recommenders (default
    /// `true`; `false` for one whose fit takes seconds where the others take milliseconds).
    static var isEvaluatedByDefault: Bool { get }
}

extension RecommenderEntry {
    // MARK: - Default implementations

    public var usesEmbedding: Bool { false }

    public static var isEvaluatedByDefault: Bool { true }

    /// The recommender's line in ``Recommenders/registry``: with its defaults among the
    /// default evaluation's entries when ``isEvaluatedByDefault``.
    public static var registryKind: Registry<any RecommenderEntry>.Kind {
        guard isEvaluatedByDefault else { return .init(Self.self, { $0 }) }
        return .init(Self.self, { $0 }, makeDefault: { Self() })
    }
}

/// The recommenders a `feed.recommenders` item's `type` can name.
public enum Recommenders {
    /// Every recommender, in documentation order; the only list of them.
    public static let registry = Registry<any RecommenderEntry>(
        [
            RandomRecommenderSettings.registryKind,
            PopularityRecommenderSettings.registryKind,
            OracleRecommenderSettings.registryKind,
            ContentRecommenderSettings.registryKind,
            UserKNNRecommenderSettings.registryKind,
            ItemKNNRecommenderSettings.registryKind,
            EmbeddingRecommenderSettings.registryKind,
            MatrixFactorizationSettings.registryKind,
            NeuralRecommenderSettings.registryKind,
        ], sharedKeys: ["name"])
}
