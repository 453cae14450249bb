/// A propagation model compiled for one graph and one item: it runs cascades.
///
/// A model value holds everything a cascade needs in flat arrays (per-arc probabilities,
/// per-user affinities); ``run(seeds:workspace:observer:rng:)`` then touches nothing else.
/// Kernels are generic over the observer so that counting-only runs (benchmarks, greedy
/// spread estimates) pay nothing for the bookkeeping a full record needs.
public protocol DiffusionModel: Sendable {
    /// Per-thread scratch state, reused across runs.
    associatedtype Workspace

    /// Number of nodes the model runs on.
    var nodeCount: Int { get }

    /// The model's documented name, as written in scenarios and outputs.
    var name: String { get }

    /// The model in live-edge form (``LiveEdgeModel``): what CELF and IMM optimise.
    func liveEdgeModel() -> LiveEdgeModel

    /// Why ``liveEdgeModel()`` only approximates the model, or `nil` when it is exact.
    var liveEdgeApproximation: String? { get }

    /// Who buys after a click, and at what price; `nil` (the default) for models without purchases.
    var purchaseStage: PurchaseStage? { get }

    /// Allocates scratch state for one thread.
    func makeWorkspace() -> Workspace

    /// Runs one cascade from `seeds` (step 0) in `world` until nothing changes or the step limit.
    ///
    /// Reports every event to `observer` in the order it happens. The seeds are activated at
    /// step 0 in ascending id order, whatever the order given; a repeated seed counts once.
    /// Every random decision is a draw of `world` keyed by what it concerns, so the run —
    /// its counts, its cascade tree and its events — depends on the seed set and the world
    /// only.
    func run<Observer: CascadeObserver>(
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer, world: PossibleWorld)
}

extension DiffusionModel {
    // MARK: - Default implementations

    /// `nil`: no purchases.
    public var purchaseStage: PurchaseStage? { nil }
}

/// Receives the events of one cascade as a kernel produces them.
///
/// Every user is reported as exposed, clicked, purchased and activated at most once per
/// cascade; `source` is the user whose share caused the event (−1 for seeds).
public protocol CascadeObserver {
    /// Whether the kernel must track first exposures, clicks and purchases; a counting-only
    /// observer says `false` and the kernel skips that bookkeeping entirely.
    static var recordsFunnel: Bool { get }

    /// `node` became active (adopted, shared, was infected) at `step`.
    mutating func activated(_ node: NodeID, source: NodeID, step: Int)
    /// `node` saw the item for the first time at `step`.
    mutating func exposed(_ node: NodeID, source: NodeID, step: Int)
    /// `node` clicked the item for the first time at `step`.
    mutating func clicked(_ node: NodeID, source: NodeID, step: Int)
    /// `node` bought the item at `step`, paying `price`.
    mutating func purchased(_ node: NodeID, source: NodeID, step: Int, price: Double)
    /// Step `step` is over; `infectious` users can still spread.
    mutating func finishedStep(_ step: Int, infectious: Int)
    /// The kernel examined `count` arcs (for throughput figures).
    mutating func examined(arcs count: Int)
}

extension CascadeObserver {
    // MARK: - Default implementations

    public mutating func exposed(_ node: NodeID, source: NodeID, step: Int) {}
    public mutating func clicked(_ node: NodeID, source: NodeID, step: Int) {}
    public mutating func purchased(_ node: NodeID, source: NodeID, step: Int, price: Double) {}
    public mutating func finishedStep(_ step: Int, infectious: Int) {}
    public mutating func examined(arcs count: Int) {}
}

/// The cheapest observer: counts activations and examined arcs, nothing else.
public struct SpreadCounter: CascadeObserver {
    /// Users activated so far.
    public var activated = 0
    /// Arcs examined so far.
    public var arcsExamined = 0

    /// A counter at zero.
    public init() {}

    public static var recordsFunnel: Bool { false }

    @inline(__always)
    public mutating func activated(_ node: NodeID, source: NodeID, step: Int) { activated += 1 }

    @inline(__always)
    public mutating func examined(arcs count: Int) { arcsExamined += count }
}
