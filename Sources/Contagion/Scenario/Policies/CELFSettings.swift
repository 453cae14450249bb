/// `type: celf`: ``CELF``, lazy greedy on sampled live-edge worlds.
public struct CELFSettings: SeedingPolicyEntry {
    public static let type = "celf"
    public static let summary = "lazy greedy on the spread estimated over sampled live-edge worlds"

    /// Live-edge worlds per spread estimate, ≥ 1 (default 100).
    public var simulations = 100
    /// What the seeds maximise: `adopters` (default), `purchases` or `revenue`.
    public var objective = SpreadObjective.adopters

    public enum CodingKeys: String, CodingKey, CaseIterable { case simulations, objective }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        simulations = try c.decode(.simulations, default: simulations, atLeast: 1)
        objective = try c.decode(.objective, default: objective)
    }

    public func makePolicy(name: String) -> any SeedingPolicy {
        CELF(name: name, simulations: simulations, objective: objective)
    }

    /// Its live-edge worlds and distances (``SelectionMemory/celfBytes(graph:simulations:liveArcs:)``).
    public func selectionBytes(budget: Int, in context: MemoryContext) -> Double {
        SelectionMemory.celfBytes(
            graph: context.world.graph, simulations: simulations, liveArcs: context.expectedLiveArcs)
    }
}
