/// A graph source's scenario entry: its keys in the `graph` section (``ScenarioEntry``) and
/// how it builds the ``Graph``.
public protocol GraphSourceEntry: ScenarioEntry {
    /// Which of the section's shared keys the source takes (generators: both; edge lists:
    /// `directed`; built-in graphs: none).
    static var sectionKeys: [GraphSettings.SectionKey] { get }

    /// Builds the graph.
    ///
    /// - Parameters:
    ///   - directed: whether arcs are one-way (`graph.directed`, default false).
    ///   - tieStrength: how generated graphs draw tie strengths (`graph.tie_strength`).
    ///   - baseDirectory: where relative paths are resolved (the scenario file's folder).
    /// - Throws: ``EdgeListError`` for a bad edge list.
    func makeGraph(
        directed: Bool, tieStrength: TieStrengthDistribution, baseDirectory: String,
        using rng: inout Xoshiro256StarStar
    ) throws -> Graph

    /// The number of nodes the source will make, when the settings alone say it (`nil` for
    /// an edge list, which must be read; the default).
    var nodeCount: Int? { get }

    /// The arcs the graph is expected to store (an undirected edge is two), when the settings
    /// alone say it: the memory check before the graph exists uses it (`nil`, the default,
    /// for a graph that must be read).
    func expectedArcCount(directed: Bool) -> Double?

    /// The settings with relative paths made absolute against `baseDirectory` (for the
    /// manifest); the default returns the settings unchanged.
    func resolvingPaths(against baseDirectory: String) -> Self

    /// How `contagion validate` names the source (default: its type).
    var sourceDescription: String { get }
}

extension GraphSourceEntry {
    // MARK: - Default implementations

    public func resolvingPaths(against baseDirectory: String) -> Self { self }

    public var nodeCount: Int? { nil }

    public func expectedArcCount(directed: Bool) -> Double? { nil }

    public var sourceDescription: String { Self.type }

    /// The source's line in ``GraphSources/registry``.
    public static var registryKind: Registry<any GraphSourceEntry>.Kind {
        .init(Self.self, { $0 }, sectionKeys: sectionKeys.map(\.rawValue))
    }
}

/// The graph sources a scenario's `graph.type` can name.
public enum GraphSources {
    /// Every source, in documentation order; the only list of them.
    public static let registry = Registry<any GraphSourceEntry>([
        ErdosRenyiSettings.registryKind,
        BarabasiAlbertSettings.registryKind,
        WattsStrogatzSettings.registryKind,
        StochasticBlockModelSettings.registryKind,
        ConfigurationModelSettings.registryKind,
        EdgeListFileSettings.registryKind,
        BuiltinGraphSettings.registryKind,
    ])
}
