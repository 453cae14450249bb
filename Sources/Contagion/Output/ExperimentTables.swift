import Foundation

/// Writes an experiment's tables: `runs.csv`, `steps.csv`, `summary.csv`, `seeds.csv`,
/// `events.csv` (when recorded) and `timings.csv`. Columns are documented in `Docs/Outputs.md`.
public enum ExperimentTables {
    /// Every table this writer can produce, in the order it writes them.
    public static let fileNames = [
        "runs.csv", "steps.csv", "summary.csv", "seeds.csv", "events.csv", "recommenders.csv", "timings.csv",
    ]

    /// The metrics of `runs.csv`, summarised in `summary.csv`, in column order.
    static let metrics: [(name: String, value: @Sendable (CascadeStatistics) -> Double)] = [
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
        let f: (Double) -> String = CSVWriter.format
        let graph = plan.world.graph
        let names = result.arms.map(\.name)
        let budgets = result.arms.map { String($0.arm.budget) }
        let recommenders = plan.recommenderNames
        /// The columns that name a run: policy, k, recommender, item, replicate.
        func key(_ run: RunResult) -> [String] {
            [
                names[run.arm], budgets[run.arm], recommenders[run.recommender], String(plan.items[run.itemIndex]),
                String(run.replicate),
            ]
        }

        let runs = try folder.table(
            "runs.csv", columns: ["policy", "k", "recommender", "item", "replicate"] + metrics.map(\.name))
        for run in result.runs {
            try runs.writeRow(key(run) + metrics.map { f($0.value(run.statistics)) })
        }
        try runs.close()

        let steps = try folder.table(
            "steps.csv",
            columns: [
                "policy", "k", "recommender", "item", "replicate", "step", "new_exposed", "new_clicks", "new_purchases",
                "new_adopters",
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
                    key(run) + [String(step)]
                        + [counts.exposed, counts.clicks, counts.purchases, counts.adopters].map(String.init)
                        + [f(counts.revenue)]
                        + [total.exposed, total.clicks, total.purchases, total.adopters].map(String.init)
                        + [f(total.revenue), String(counts.infectious)])
            }
        }
        try steps.close()

        try writeSummary(result, plan: plan, to: folder)

        let seeds = try folder.table("seeds.csv", columns: ["policy", "k", "item", "rank", "user", "out_degree"])
        for outcome in result.arms {
            for (itemIndex, chosen) in outcome.seeds.enumerated() {
                for (rank, node) in chosen.enumerated() {
                    try seeds.writeRow(
                        [
                            outcome.name, String(outcome.arm.budget), String(plan.items[itemIndex]), String(rank + 1),
                            graph.name(of: node),
                            String(graph.outDegree(of: node)),
                        ])
                }
            }
        }
        try seeds.close()

        if plan.recordsEvents {
            let events = try folder.table(
                "events.csv",
                columns: [
                    "policy", "k", "recommender", "item", "replicate", "step", "user", "action", "source", "channel",
                ])
            for run in result.runs {
                for event in run.events {
                    try events.writeRow(
                        key(run) + [
                            String(event.step), graph.name(of: event.user), event.action.rawValue,
                            event.source < 0 ? "" : graph.name(of: event.source), event.channel.rawValue,
                        ])
                }
            }
            try events.close()
        }

        if plan.feed?.evaluation != nil { try writeEvaluations(result, plan: plan, to: folder) }

        let timings = try folder.table("timings.csv", columns: ["policy", "k", "item", "phase", "seconds"])
        for outcome in result.arms {
            for (itemIndex, seconds) in outcome.selectionSeconds.enumerated() {
                try timings.writeRow(
                    [
                        outcome.name, String(outcome.arm.budget), String(plan.items[itemIndex]), "seed_selection",
                        f(seconds),
                    ])
            }
        }
        try timings.writeRow(["", "", "", "simulation", f(result.simulationSeconds)])
        try timings.close()
    }
}
