/// What happened to a user in a cascade event.
public enum CascadeAction: String, Sendable, CaseIterable {
    /// `seed`: a seed activated at step 0; `exposure`, `click`, `purchase`: the user's first exposure,
    /// click or purchase; `share`: activated by another user (adopted, shared or was infected).
    case seed, exposure, click, purchase, share
}

/// How a user came to see an item.
public enum ExposureChannel: String, Sendable, CaseIterable {
    /// Chosen by the seeding policy at step 0.
    case seed
    /// Shared by someone the user follows.
    case social
    /// Put in the user's feed by the recommender.
    case recommendation
}

/// One row of `events.csv`.
public struct CascadeEvent: Sendable, Equatable {
    /// The step the event happened in.
    public var step: Int32
    /// The user it happened to.
    public var user: NodeID
    /// What happened.
    public var action: CascadeAction
    /// The user whose share caused it, or −1 for seeds and recommendations.
    public var source: NodeID
    /// How the user came to see the item.
    public var channel: ExposureChannel
}

/// New counts in one step of a cascade.
public struct StepCounts: Sendable, Equatable {
    /// Users exposed, clicking, purchasing and activated for the first time in the step (seeds are
    /// exposed and activated at step 0).
    public var exposed = 0, clicks = 0, purchases = 0, adopters = 0
    /// Users still able to spread at the end of the step.
    public var infectious = 0
    /// Purchase revenue in the step.
    public var revenue = 0.0
}

/// The observer that keeps a full record of a cascade: its tree, per-step counts and,
/// optionally, every event. One recorder per thread, reset by ``reset()`` between runs.
public struct CascadeRecorder: CascadeObserver {
    /// Activated users, in activation order.
    public private(set) var activatedUsers: [NodeID] = []
    /// For each activation, the index of its parent's activation, or −1 for a seed.
    public private(set) var parents: [Int32] = []
    /// Per-step counts; entry `t` is step `t` (step 0 holds the seeds).
    public private(set) var steps: [StepCounts] = []
    /// Every event, if ``recordsEvents``.
    public private(set) var events: [CascadeEvent] = []
    /// Arcs examined by the kernel.
    public private(set) var arcsExamined = 0
    /// Whether to keep every event.
    public let recordsEvents: Bool
    private let activationIndex: ScratchArray<Int32>

    /// A recorder for cascades on `nodeCount` nodes.
    public init(nodeCount: Int, recordsEvents: Bool) {
        self.recordsEvents = recordsEvents
        activationIndex = ScratchArray(repeating: -1, count: nodeCount)
    }

    public static var recordsFunnel: Bool { true }

    /// Clears the record for the next run.
    public mutating func reset() {
        for node in activatedUsers { activationIndex[Int(node)] = -1 }
        activatedUsers.removeAll(keepingCapacity: true)
        parents.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        arcsExamined = 0
    }

    private mutating func counts(at step: Int) -> Int {
        while steps.count <= step { steps.append(StepCounts()) }
        return step
    }

    public mutating func activated(_ node: NodeID, source: NodeID, step: Int) {
        recordActivation(node, source: source, step: step, channel: source < 0 ? .seed : .social)
    }

    public mutating func exposed(_ node: NodeID, source: NodeID, step: Int) {
        recordExposure(node, source: source, step: step, channel: source < 0 ? .seed : .social)
    }

    public mutating func clicked(_ node: NodeID, source: NodeID, step: Int) {
        recordClick(node, source: source, step: step, channel: source < 0 ? .seed : .social)
    }

    public mutating func purchased(_ node: NodeID, source: NodeID, step: Int, price: Double) {
        recordPurchase(node, source: source, step: step, price: price, channel: source < 0 ? .seed : .social)
    }

    /// `node` became active at `step` through `channel`; a seed or a recommendation starts a
    /// new tree of the cascade forest.
    public mutating func recordActivation(_ node: NodeID, source: NodeID, step: Int, channel: ExposureChannel) {
        activationIndex[Int(node)] = Int32(activatedUsers.count)
        activatedUsers.append(node)
        parents.append(source < 0 ? -1 : activationIndex[Int(source)])
        steps[counts(at: step)].adopters += 1
        if channel == .seed { steps[0].infectious += 1 }
        record(step, node, channel == .seed ? .seed : .share, source, channel)
    }

    /// `node` saw the item for the first time at `step`, through `channel`.
    public mutating func recordExposure(_ node: NodeID, source: NodeID, step: Int, channel: ExposureChannel) {
        steps[counts(at: step)].exposed += 1
        if channel != .seed { record(step, node, .exposure, source, channel) }
    }

    /// `node` clicked the item for the first time at `step`.
    public mutating func recordClick(_ node: NodeID, source: NodeID, step: Int, channel: ExposureChannel) {
        steps[counts(at: step)].clicks += 1
        record(step, node, .click, source, channel)
    }

    /// `node` bought the item at `step`, paying `price`.
    public mutating func recordPurchase(
        _ node: NodeID, source: NodeID, step: Int, price: Double, channel: ExposureChannel
    ) {
        let index = counts(at: step)
        steps[index].purchases += 1
        steps[index].revenue += price
        record(step, node, .purchase, source, channel)
    }

    private mutating func record(
        _ step: Int, _ node: NodeID, _ action: CascadeAction, _ source: NodeID, _ channel: ExposureChannel
    ) {
        if recordsEvents {
            events.append(CascadeEvent(step: Int32(step), user: node, action: action, source: source, channel: channel))
        }
    }

    public mutating func finishedStep(_ step: Int, infectious: Int) {
        steps[counts(at: step)].infectious = infectious
    }

    public mutating func examined(arcs count: Int) { arcsExamined += count }
}
