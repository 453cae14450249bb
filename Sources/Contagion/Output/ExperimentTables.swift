import Foundation

/// Writes an experiment's tables: `runs.csv`, `steps.csv`, `summary.csv`, `seeds.csv`,
/// `events.csv` (when recorded) and `timings.csv`. Columns are documented in `Docs/Outputs.md`.
public enum ExperimentTables {
    /// Every table this writer can produce, in the order it writes them.
    public static let fileNames = ["runs.csv", "steps.csv", "summary.csv", "seeds.csv", "events.csv", "timings.csv"]

    /// The metrics of `runs.csv`, summarised in `summary.csv`, in column order.
    static let metrics: [(name: String, value: (CascadeStatistics) -> Double)] = [
        ("seeds", { Double($0.seeds) }),
        ("exposed", { Double($0.exposed) }),
        ("clicks", { Double($0.clicks) }),
        ("purchases", { Double($0.purchases) }),
        ("revenue", { $0.revenue }),
        ("adopters", { Double($0.adopters) }),
        ("depth", { Double($0.depth) }),
        ("max_breadth", { Double($0.maximumBreadth) }),
        ("structural_virality", { $0.structuralVirality }),
        ("peak_step", { Double($0.peakStep) }),
        ("duration", { Double($0.duration) }),
        ("arcs_examined", { Double($0.arcsExamined) }),
    ]

    /// Writes every table of `result` into `folder` (pending until the folder commits).
    public static func write(_ result: ExperimentResult, plan: ExperimentPlan, to folder: OutputFolder) throws {
        let f = CSVWriter.format
        let graph = plan.world.graph
        let names = result.policies.map(\.name)

        let runs = try folder.table("runs.csv", columns: ["policy", "item", "replicate"] + metrics.map(\.name))
        for run in result.runs {
            try runs.writeRow(
                [names[run.policy], String(plan.items[run.itemIndex]), String(run.replicate)]
                    + metrics.map { f($0.value(run.statistics)) })
        }
        try runs.close()

        let steps = try folder.table(
            "steps.csv",
            columns: [
                "policy", "item", "replicate", "step", "new_exposed", "new_clicks", "new_purchases", "new_adopters",
                "new_revenue", "cumulative_exposed", "cumulative_clicks", "cumulative_purchases",
                "cumulative_adopters", "cumulative_revenue", "infectious",
            ])
        for run in result.runs {
            var total = StepCounts()
            for (step, counts) in run.steps.enumerated() {
                total.exposed += counts.exposed
                total.clicks += counts.clicks
                total.purchases += counts.purchases
                total.adopters += counts.adopters
                total.revenue += counts.revenue
                try steps.writeRow(
                    [names[run.policy], String(plan.items[run.itemIndex]), String(run.replicate), String(step)]
                        + [counts.exposed, counts.clicks, counts.purchases, counts.adopters].map(String.init)
                        + [f(counts.revenue)]
                        + [total.exposed, total.clicks, total.purchases, total.adopters].map(String.init)
                        + [f(total.revenue), String(counts.infectious)])
            }
        }
        try steps.close()

        let summary = try folder.table(
            "summary.csv", columns: ["policy", "item", "metric", "runs", "mean", "std", "ci95_low", "ci95_high"])
        for (policy, name) in names.enumerated() {
            for (itemIndex, item) in plan.items.enumerated() {
                let group = result.runs.filter { $0.policy == policy && $0.itemIndex == itemIndex }
                for metric in metrics {
                    let s = SampleSummary(group.map { metric.value($0.statistics) })
                    try summary.writeRow(
                        [
                            name, String(item), metric.name, String(s.count), f(s.mean), f(s.standardDeviation),
                            f(s.lower95), f(s.upper95),
                        ])
                }
            }
        }
        try summary.close()

        let seeds = try folder.table("seeds.csv", columns: ["policy", "item", "rank", "user", "out_degree"])
        for outcome in result.policies {
            for (itemIndex, chosen) in outcome.seeds.enumerated() {
                for (rank, node) in chosen.enumerated() {
                    try seeds.writeRow(
                        [
                            outcome.name, String(plan.items[itemIndex]), String(rank + 1), graph.name(of: node),
                            String(graph.outDegree(of: node)),
                        ])
                }
            }
        }
        try seeds.close()

        if plan.recordsEvents {
            let events = try folder.table(
                "events.csv", columns: ["policy", "item", "replicate", "step", "user", "action", "source", "channel"])
            for run in result.runs {
                for event in run.events {
                    try events.writeRow(
                        [
                            names[run.policy], String(plan.items[run.itemIndex]), String(run.replicate),
                            String(event.step), graph.name(of: event.user), event.action.rawValue,
                            event.source < 0 ? "" : graph.name(of: event.source), event.source < 0 ? "seed" : "social",
                        ])
                }
            }
            try events.close()
        }

        let timings = try folder.table("timings.csv", columns: ["policy", "item", "phase", "seconds"])
        for outcome in result.policies {
            for (itemIndex, seconds) in outcome.selectionSeconds.enumerated() {
                try timings.writeRow([outcome.name, String(plan.items[itemIndex]), "seed_selection", f(seconds)])
            }
        }
        try timings.writeRow(["", "", "simulation", f(result.simulationSeconds)])
        try timings.close()
    }
}
