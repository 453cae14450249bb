/// `model.type: linear_threshold`: ``LinearThreshold`` with weights from tie strength or
/// uniform over in-neighbours.
public struct LinearThresholdSettings: PropagationModelEntry {
    public static let type = "linear_threshold"
    public static let summary = "a user activates once her active in-neighbours' weights reach a uniform threshold"

    /// How the weights `b_uv` are set.
    public enum Weights: String, Codable, Sendable, CaseIterable, ScenarioKeyword {
        /// `b_uv = 1 / indeg(v)`.
        case uniform
        /// `b_uv = w_uv / Σ_u' w_u'v`.
        case tieStrength = "tie_strength"
    }

    /// The weights (default `uniform`).
    public var weights = Weights.uniform

    public enum CodingKeys: String, CodingKey, CaseIterable { case weights }

    /// The defaults.
    public init() {}

    /// The model with `weights`.
    public init(weights: Weights) { self.weights = weights }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        weights = try c.decode(.weights, default: weights)
    }

    /// `true`: the model is its live-edge form.
    public var isLiveEdgeExact: Bool { true }

    public func compile(
        for item: Int, in world: World, maximumSteps: Int, using rng: inout Xoshiro256StarStar
    ) -> CompiledModel {
        .linearThreshold(
            LinearThreshold(graph: world.graph, useTieStrength: weights == .tieStrength, maximumSteps: maximumSteps))
    }
}
