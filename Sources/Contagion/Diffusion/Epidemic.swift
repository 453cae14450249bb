/// Discrete-time SIR and SIS epidemics on a network (Kermack & McKendrick 1927; the network
/// form of Pastor-Satorras & Vespignani 2001), for parity with epidemic-on-network libraries.
///
/// Seeds are infected at step 0. In every step each infected user `u` infects each
/// susceptible out-neighbour `v` with probability `β_uv` (one trial per arc per step), then
/// recovers with probability `γ`. Under SIR a recovered user is immune; under SIS it is
/// susceptible again. Users infected in a step transmit from the next step on. A run ends
/// when nobody is infected, or at `maximumSteps` (SIS may otherwise never end).
///
/// In a ``PossibleWorld`` the trial of arc `a` at step `t` is draw `a` of the transmission
/// family's step-`t` subworld, and the recovery of `u` at step `t` draw `u` of the recovery
/// family's: both fixed by the world, whatever the order of infections.
///
/// With `γ = 1`, SIR is exactly the independent cascade with `p_uv = β_uv`.
///
/// - Complexity: O(arcs out of infected users) per step; no allocation.
public struct Epidemic<Probabilities: ArcProbabilities>: DiffusionModel {
    /// Whether recovery gives immunity (SIR) or not (SIS).
    public enum Kind: String, Sendable, Codable {
        /// `sir`: recovered users are immune; `sis`: they are susceptible again. The raw value is the
        /// model's name.
        case sir, sis
    }

    /// The graph the epidemic runs on.
    public let graph: Graph
    /// `β_uv`: transmission probability per arc per step.
    public let transmission: Probabilities
    /// `γ`: recovery probability per step.
    public let recoveryThreshold: UInt32
    /// SIR or SIS.
    public let kind: Kind
    /// The step limit `T`.
    public let maximumSteps: Int

    /// An epidemic with the given transmission per arc and recovery probability.
    public init(graph: Graph, transmission: Probabilities, recovery: Double, kind: Kind, maximumSteps: Int) {
        self.graph = graph
        self.transmission = transmission
        self.recoveryThreshold = bernoulliThreshold(recovery)
        self.kind = kind
        self.maximumSteps = maximumSteps
    }

    /// The number of users, ``graph``'s node count.
    public var nodeCount: Int { graph.nodeCount }
    /// `sir` or `sis`, from ``kind``.
    public var name: String { kind.rawValue }

    /// The independent cascade with `p_uv = 1 − γ(1 − β_uv) / (1 − (1 − γ)(1 − β_uv))`, the chance
    /// that `u` transmits to `v` during its geometric infectious period.
    public func liveEdgeModel() -> LiveEdgeModel {
        let recovery = thresholdProbability(recoveryThreshold)
        return LiveEdgeModel(independentArcsOf: graph, maximumSteps: maximumSteps, approximation: liveEdgeApproximation)
        { arc in
            let threshold = transmission.threshold(ofArc: arc)
            if threshold == .max { return .max }
            let noTransmission = 1 - Double(threshold) * 0x1p-32
            return bernoulliThreshold(1 - recovery * noTransmission / (1 - (1 - recovery) * noTransmission))
        }
    }

    /// Exact for SIR with `γ = 1`; otherwise the arcs out of one user share its infectious
    /// period, and SIS users can be reinfected.
    public var liveEdgeApproximation: String? {
        switch kind {
        case .sir: return recoveryThreshold == .max ? nil : "sir: transmissions share each user's infectious period"
        case .sis: return "sis: transmissions share each user's infectious period and users can be reinfected"
        }
    }

    /// Scratch: compartment stamps and the infected lists of this step and the next.
    public struct Workspace {
        /// Marked while infected.
        var infected: RunStamps
        /// Marked once recovered (SIR) or once ever infected (SIS).
        var history: RunStamps
        var current: ScratchArray<NodeID>
        var next: ScratchArray<NodeID>
    }

    public func makeWorkspace() -> Workspace {
        Workspace(
            infected: RunStamps(count: nodeCount), history: RunStamps(count: nodeCount),
            current: ScratchArray(repeating: 0, count: nodeCount), next: ScratchArray(repeating: 0, count: nodeCount))
    }

    public func run<Observer: CascadeObserver>(
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer, world: PossibleWorld
    ) {
        workspace.infected.beginRun()
        workspace.history.beginRun()
        let infected = workspace.infected
        let history = workspace.history
        let isSIR = kind == .sir
        var current = workspace.current.base
        var next = workspace.next.base
        var count = 0
        for seed in seeds where infected.mark(Int(seed)) {
            current[count] = seed
            count += 1
        }
        // In ascending id order, whatever the order given: the run depends on the seed set only.
        var seedLayer = UnsafeMutableBufferPointer(start: current, count: count)
        if zip(seedLayer, seedLayer.dropFirst()).contains(where: { $0 > $1 }) { seedLayer.sort() }
        for seed in UnsafeBufferPointer(start: current, count: count) {
            if !isSIR { _ = history.mark(Int(seed)) }
            if Observer.recordsFunnel { observer.exposed(seed, source: -1, step: 0) }
            observer.activated(seed, source: -1, step: 0)
        }
        let transmissionFamily = world.aspect(.transmission)
        let recoveryFamily = world.aspect(.recovery)
        var step = 0
        while count > 0 && step < maximumSteps {
            step += 1
            let transmissions = transmissionFamily.subworld(step)
            let recoveries = recoveryFamily.subworld(step)
            var nextCount = 0
            var examined = 0
            for index in 0..<count {
                let u = current[index]
                let start = graph.offsets[Int(u)]
                let end = graph.offsets[Int(u) + 1]
                examined &+= end &- start
                for arc in start..<end {
                    let v = Int(graph.targets[arc])
                    // Susceptible: not infected now and, under SIR, never recovered.
                    if infected.isMarked(v) || (isSIR && history.isMarked(v)) { continue }
                    guard transmissions.bernoulli(arc, threshold: transmission.threshold(ofArc: arc)) else { continue }
                    _ = infected.mark(v)
                    next[nextCount] = NodeID(v)
                    nextCount += 1
                    // SIS reports a user's first infection only; reinfections show in `infectious`.
                    if isSIR || history.mark(v) {
                        if Observer.recordsFunnel { observer.exposed(NodeID(v), source: u, step: step) }
                        observer.activated(NodeID(v), source: u, step: step)
                    }
                }
            }
            for index in 0..<count {
                let u = current[index]
                if recoveries.bernoulli(Int(u), threshold: recoveryThreshold) {
                    infected.unmark(Int(u))
                    if isSIR { _ = history.mark(Int(u)) }
                } else {
                    next[nextCount] = u
                    nextCount += 1
                }
            }
            swap(&current, &next)
            count = nextCount
            observer.examined(arcs: examined)
            observer.finishedStep(step, infectious: count)
        }
    }
}
