import Foundation

/// `manifest.json`: what was run, with which seed and version, and how long it took.
public struct Manifest: Encodable {
    /// The library version.
    public var version = ContagionVersion.string
    /// The scenario with every default filled in (and `--set` overrides applied).
    public var scenario: Scenario
    /// The master seed actually used.
    public var masterSeed: UInt64
    /// The worker threads used (results do not depend on it).
    public var threads: Int
    /// Graph size (`nil` for a graph sweep: see ``graphs``).
    public var nodes: Int?
    /// Number of arcs; an undirected edge counts as two (`nil` for a graph sweep).
    public var arcs: Int?
    /// Each graph of the run, in the order listed: its label, size and replicates.
    public var graphs: [GraphFacts] = []
    /// Wall-clock seconds: building the world, choosing seeds, simulating, writing.
    public var timings: [String: Double]
    /// The files written.
    public var files: [String]
    /// Policies that chose seeds for the live-edge approximation of the model, with the reason.
    public var seedingApproximations: [String: String] = [:]
    /// Policies played outside the setting they were built for (``SeedingPolicyEntry/playNotes(in:budgets:)``), with how.
    public var policyNotes: [String: [String]] = [:]
    /// Cascades that stopped at `simulation.max_steps` with users still able to spread.
    public var cascadesAtStepLimit = 0
    /// Replicates run per (arm, recommender, model, item) (`nil` for a graph sweep).
    public var replicatesRun: Int?
    /// With `simulation.precision`: `separated`, `width` or `max_replicates`; else, and for a
    /// graph sweep, `nil`.
    public var stoppedBecause: String?

    /// One graph of a run: what ``Manifest`` says about it.
    public struct GraphFacts: Encodable, Sendable {
        /// The `graph` column's value.
        public var graph: String
        /// Graph size.
        public var nodes: Int
        /// Number of arcs; an undirected edge counts as two.
        public var arcs: Int
        /// Replicates run per (arm, recommender, model, item) on this graph.
        public var replicatesRun: Int
        /// With `simulation.precision`: why this graph's replicates stopped; else `nil`.
        public var stoppedBecause: String?

        enum CodingKeys: String, CodingKey {
            case graph, nodes, arcs
            case replicatesRun = "replicates_run"
            case stoppedBecause = "stopped_because"
        }

        /// The facts of one finished part.
        public init(_ part: ExperimentPart) {
            graph = part.graph
            nodes = part.plan.world.graph.nodeCount
            arcs = part.plan.world.graph.arcCount
            replicatesRun = part.result.replicates
            stoppedBecause = part.plan.precision.flatMap { precision in
                part.result.precisionMet.map { PrecisionTarget.stopReason(met: $0, criterion: precision.criterion) }
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, scenario
        case masterSeed = "master_seed"
        case threads, nodes, arcs, graphs, timings, files
        case seedingApproximations = "seeding_approximations"
        case policyNotes = "policy_notes"
        case cascadesAtStepLimit = "cascades_at_step_limit"
        case replicatesRun = "replicates_run"
        case stoppedBecause = "stopped_because"
    }

    /// The manifest as pretty-printed JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
