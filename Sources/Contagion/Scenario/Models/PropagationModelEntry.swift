/// A propagation model's scenario entry: its `model` keys (``ScenarioEntry``) and how it
/// compiles (``PropagationModel``).
public protocol PropagationModelEntry: ScenarioEntry, PropagationModel {}

extension PropagationModelEntry {
    /// The model's `type`, as written in scenarios and outputs.
    public var name: String { Self.type }

    /// The model's line in ``PropagationModels/registry``.
    public static var registryKind: Registry<any PropagationModelEntry>.Kind { .init(Self.self) { $0 } }
}

/// The propagation models a scenario's `model.type` can name.
public enum PropagationModels {
    /// Every model, in documentation order; the only list of them.
    public static let registry = Registry<any PropagationModelEntry>([
        IndependentCascadeSettings.registryKind,
        LinearThresholdSettings.registryKind,
        ContentAwareSettings.registryKind,
        SIRSettings.registryKind,
        SISSettings.registryKind,
    ])

    /// The model a scenario without `model.type` runs.
    public static let defaultType = ContentAwareSettings.type
}
