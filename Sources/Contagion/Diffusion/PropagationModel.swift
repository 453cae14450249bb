/// A propagation model as a scenario names it, before it is compiled for a graph and item.
public enum PropagationModel: Sendable, Equatable {
    /// ``IndependentCascade`` with the given arc probabilities.
    case independentCascade(CascadeProbabilityPreset)
    /// ``LinearThreshold`` with weights from tie strength or uniform over in-neighbours.
    case linearThreshold(useTieStrength: Bool)
    /// ``ContentAware`` (the social-commerce funnel).
    case contentAware(ContentAwareParameters)
    /// ``Epidemic`` SIR or SIS with per-arc transmission and a recovery probability.
    case epidemic(Epidemic<PerArcProbabilities>.Kind, transmission: CascadeProbabilityPreset, recovery: Double)

    /// The model's scenario name.
    public var name: String {
        switch self {
        case .independentCascade: return "independent_cascade"
        case .linearThreshold: return "linear_threshold"
        case .contentAware: return "content_aware"
        case .epidemic(let kind, _, _): return kind.rawValue
        }
    }

    /// Whether cascades depend on the item (only the content-aware model's do).
    public var dependsOnItem: Bool {
        if case .contentAware = self { return true }
        return false
    }

    /// Compiles the model for one item of `world`.
    ///
    /// - Parameter rng: draws the random parts of the model itself (trivalency
    ///   probabilities), not the cascades.
    public func compile(
        for item: Int, in world: World, maximumSteps: Int, using rng: inout some RandomNumberGenerator
    ) -> CompiledModel {
        switch self {
        case .independentCascade(.uniform(let p)):
            return .uniformCascade(
                IndependentCascade(
                    graph: world.graph, probabilities: UniformArcProbability(p), maximumSteps: maximumSteps))
        case .independentCascade(let preset):
            return .cascade(
                IndependentCascade(
                    graph: world.graph,
                    probabilities: PerArcProbabilities(preset.probabilities(on: world.graph, using: &rng)),
                    maximumSteps: maximumSteps))
        case .linearThreshold(let useTieStrength):
            return .linearThreshold(
                LinearThreshold(graph: world.graph, useTieStrength: useTieStrength, maximumSteps: maximumSteps))
        case .contentAware(let parameters):
            return .contentAware(
                ContentAware(world: world, item: item, parameters: parameters, maximumSteps: maximumSteps))
        case .epidemic(let kind, let transmission, let recovery):
            return .epidemic(
                Epidemic(
                    graph: world.graph,
                    transmission: PerArcProbabilities(transmission.probabilities(on: world.graph, using: &rng)),
                    recovery: recovery, kind: kind, maximumSteps: maximumSteps))
        }
    }
}
