/// `model.type: independent_cascade`: ``IndependentCascade`` with one probability on every arc
/// or a preset per arc.
public struct IndependentCascadeSettings: PropagationModelEntry {
    public static let type = "independent_cascade"
    public static let summary = "each newly active user gets one chance to activate each out-neighbour v with p_uv"

    /// `p_uv`: a number in [0, 1] or `weighted_cascade`, `trivalency`, `tie_strength` (default `weighted_cascade`).
    public var probability = ProbabilitySetting.weightedCascade

    public enum CodingKeys: String, CodingKey, CaseIterable { case probability }

    /// The defaults.
    public init() {}

    /// The model with arc probabilities `probability`.
    public init(probability: ProbabilitySetting) { self.probability = probability }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        probability = try c.decode(.probability, default: probability)
    }

    /// `true`: the model is its live-edge form.
    public var isLiveEdgeExact: Bool { true }

    public func compile(
        for item: Int, in world: World, maximumSteps: Int, using rng: inout Xoshiro256StarStar
    ) -> CompiledModel {
        if case .uniform(let p) = probability {
            return .uniformCascade(
                IndependentCascade(
                    graph: world.graph, probabilities: UniformArcProbability(p), maximumSteps: maximumSteps))
        }
        return .cascade(
            IndependentCascade(
                graph: world.graph,
                probabilities: PerArcProbabilities(probability.preset.probabilities(on: world.graph, using: &rng)),
                maximumSteps: maximumSteps))
    }
}
