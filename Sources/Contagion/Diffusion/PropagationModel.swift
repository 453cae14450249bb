/// A propagation model as a scenario describes it, before it is compiled for a graph and item.
///
/// Each model's scenario entry (`Scenario/Models/`) conforms: it holds the model's settings and
/// compiles them into one of the kernels of ``CompiledModel``.
public protocol PropagationModel: Sendable {
    /// The model's scenario name.
    var name: String { get }

    /// Whether cascades depend on the item (only the content-aware model's do).
    var dependsOnItem: Bool { get }

    /// The click, purchase and share funnel, for the parts that need one (a recommender in the
    /// loop, dataset generation); `nil` for models without it.
    var funnel: ContentAwareParameters? { get }

    /// Whether every cascade ends by itself (nobody left to spread) without a step limit:
    /// true when a user can be activated only once and stays active for finitely many steps.
    var endsOnItsOwn: Bool { get }

    /// Whether the model is exactly its live-edge form (independent cascade, linear
    /// threshold): a finished cascade then shows everything later seeds depend on, so
    /// adaptive rounds (``ResidualPlatform``) are exact.
    var isLiveEdgeExact: Bool { get }

    /// Compiles the model for one item of `world`.
    ///
    /// - Parameter rng: draws the random parts of the model itself (trivalency
    ///   probabilities), not the cascades.
    func compile(for item: Int, in world: World, maximumSteps: Int, using rng: inout Xoshiro256StarStar)
        -> CompiledModel
}

extension PropagationModel {
    // MARK: - Default implementations

    /// `false`: cascades do not depend on the item.
    public var dependsOnItem: Bool { false }

    /// `nil`: no funnel.
    public var funnel: ContentAwareParameters? { nil }

    /// `true`: cascades end by themselves.
    public var endsOnItsOwn: Bool { true }

    /// `false`: the model is not its live-edge form.
    public var isLiveEdgeExact: Bool { false }
}
