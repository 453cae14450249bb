/// One graph's experiment within a run: the graph's label (the tables' `graph` column), the
/// plan on that graph and its result. A scenario with one graph has one part; a graph sweep
/// has one per graph, in the order listed.
public struct ExperimentPart: Sendable {
    /// The `graph` column's value (``Sweep/labels``).
    public var graph: String
    /// The plan on this graph.
    public var plan: ExperimentPlan
    /// What it produced.
    public var result: ExperimentResult

    /// The part of graph `graph`.
    public init(graph: String, plan: ExperimentPlan, result: ExperimentResult) {
        self.graph = graph
        self.plan = plan
        self.result = result
    }
}
