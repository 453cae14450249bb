import Foundation

/// Writes an experiment's tables: `runs.csv`, `steps.csv`, `summary.csv`, `seeds.csv`,
/// `events.csv` (when recorded) and `timings.csv`. Columns are documented in `Docs/Outputs.md`.
public enum ExperimentTables {
    /// Every table `contagion run` can write, in the order it writes them: the only list of
    /// them (each has its section in `Docs/Outputs.md`).
    static let all: [ExperimentTable] = [
        ExperimentTable("runs.csv", "one row per run: the cascade's statistics") { result, plan, sink in
            try writeRuns(result, key: runKey(result, plan: plan), to: sink)
        },
        ExperimentTable("steps.csv", "one row per step of every run: new and cumulative counts") {
            result, plan, sink in try writeSteps(result, key: runKey(result, plan: plan), to: sink)
        },
        ExperimentTable(
            "summary.csv",
            "per arm and metric: mean, 95% interval, rank, tie with the best, difference from the baseline"
        ) { try writeSummary($0, plan: $1, to: $2) },
        ExperimentTable("comparisons.csv", "every pair of arms at one k: paired difference, p-value, Holm") {
            try writeComparisons($0, plan: $1, to: $2)
        },
        ExperimentTable("curves.csv", "per arm and step: mean cumulative counts, finished cascades carried forward") {
            try writeCurves($0, plan: $1, to: $2)
        },
        ExperimentTable("seeds.csv", "every arm's seeds per item, best first") { try writeSeeds($0, plan: $1, to: $2) },
        ExperimentTable("events.csv", "every recorded event", when: { $0.recordsEvents }) { result, plan, sink in
            try writeEvents(result, key: runKey(result, plan: plan), graph: plan.world.graph, to: sink)
        },
        ExperimentTable(
            "recommenders.csv", "the offline evaluation of the recommenders", when: { $0.feed?.evaluation != nil }
        ) { try writeEvaluations($0, plan: $1, to: $2) },
        ExperimentTable("timings.csv", "wall-clock seconds of seed selection and simulation") {
            try writeTimings($0, plan: $1, to: $2)
        },
    ]

    /// Every table this writer can produce, in the order it writes them.
    public static var fileNames: [String] { all.map(\.fileName) }

    /// The tables a run of `plan` writes, in order.
    public static func fileNames(for plan: ExperimentPlan) -> [String] {
        all.filter { $0.isWritten(plan) }.map(\.fileName)
    }

    /// Writes every table of one graph's experiment into `sink` (its files pending until the
    /// folder commits), its rows after those of the graphs before it, named in the `graph`
    /// column: a graph sweep writes each graph as soon as it has run, and keeps none.
    static func write(_ part: ExperimentPart, to sink: TableSink) throws {
        sink.graph = part.graph
        for table in all where table.isWritten(part.plan) { try table.write(part.result, part.plan, sink) }
    }

    /// `runs.csv`: the key columns and every metric of ``CascadeStatistics/metrics``.
    static func writeRuns(_ result: ExperimentResult, key: [TableColumn<RunResult>], to sink: TableSink) throws {
        let values = CascadeStatistics.metrics.map { metric in
            TableColumn<RunResult>(metric.name) { CSVWriter.format(metric.value($0.statistics)) }
        }
        let rows =
            result.roundRuns.isEmpty
            ? result.runs
            : (result.runs + result.roundRuns).sorted {
                ($0.arm, $0.recommender, $0.itemIndex, $0.replicate, $0.round)
                    < ($1.arm, $1.recommender, $1.itemIndex, $1.replicate, $1.round)
            }
        try sink.writeTable("runs.csv", columns: key + values, rows: rows)
    }

    /// The columns that name a run (after `graph`): policy, k, recommender, model, item, replicate.
    static func runKey(_ result: ExperimentResult, plan: ExperimentPlan) -> [TableColumn<RunResult>] {
        let arms = result.arms
        let recommenders = plan.recommenderNames
        return [
            TableColumn("policy") { arms[$0.arm].name },
            TableColumn("k") { String(arms[$0.arm].arm.budget) },
            TableColumn("recommender") { recommenders[$0.recommender] },
            TableColumn("model") { plan.modelLabel($0.itemIndex) },
            TableColumn("item") { plan.itemLabel($0.itemIndex) },
            TableColumn("replicate") { String($0.replicate) },
            TableColumn("round") { String($0.round + 1) },
        ]
    }

    /// One row of `steps.csv`: a run's step, its new counts and the totals so far.
    struct StepRow {
        let run: RunResult
        let step: Int
        let counts: StepCounts
        let total: StepCounts
    }

    /// `steps.csv`: one row per step of every run.
    static func writeSteps(_ result: ExperimentResult, key: [TableColumn<RunResult>], to sink: TableSink) throws {
        let f: (Double) -> String = CSVWriter.format
        let counts: [TableColumn<StepRow>] = [
            TableColumn("step") { String($0.step) },
            TableColumn("new_exposed") { String($0.counts.exposed) },
            TableColumn("new_clicks") { String($0.counts.clicks) },
            TableColumn("new_purchases") { String($0.counts.purchases) },
            TableColumn("new_adopters") { String($0.counts.adopters) },
            TableColumn("new_revenue") { f($0.counts.revenue) },
            TableColumn("cumulative_exposed") { String($0.total.exposed) },
            TableColumn("cumulative_clicks") { String($0.total.clicks) },
            TableColumn("cumulative_purchases") { String($0.total.purchases) },
            TableColumn("cumulative_adopters") { String($0.total.adopters) },
            TableColumn("cumulative_revenue") { f($0.total.revenue) },
            TableColumn("infectious") { String($0.counts.infectious) },
        ]
        let columns = key.map { $0.reading(\StepRow.run) } + counts
        let rows = result.runs.lazy.flatMap { run in
            zip(run.steps, cumulativeCounts(run.steps)).enumerated().map { step, counts in
                StepRow(run: run, step: step, counts: counts.0, total: counts.1)
            }
        }
        try sink.writeTable("steps.csv", columns: columns, rows: rows)
    }

    /// One chosen seed: its arm, target, rank and user; where the arm's gains and certificate
    /// apply, its position in the target's list; in an adaptive campaign, its round and (after
    /// the first round) replicate.
    struct SeedRow {
        let outcome: ArmOutcome
        let itemIndex: Int
        /// The seed's rank in the arm's choice (0 first).
        let rank: Int
        let user: NodeID
        /// Its index in ``ArmOutcome/seeds`` of the target (`nil`: a later round's seed).
        let position: Int?
        var round = 0
        var replicate: Int?
    }

    /// `seeds.csv`: every arm's seeds per item, best first, with their out-degrees and, for
    /// greedy policies, each seed's estimated marginal gain and the running spread estimate;
    /// for certifying policies, the whole set's bounds on every row. A joint campaign lists its
    /// pairs in the order chosen, each under its own item, its running estimate summed over
    /// the campaign's items. An adaptive campaign lists its first round once, then every
    /// replicate's later rounds.
    static func writeSeeds(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        let graph = plan.world.graph
        let f: (Double) -> String = CSVWriter.format
        let columns: [TableColumn<SeedRow>] = [
            TableColumn("policy") { $0.outcome.name },
            TableColumn("k") { String($0.outcome.arm.budget) },
            TableColumn("model") { plan.modelLabel($0.itemIndex) },
            TableColumn("item") { plan.itemLabel($0.itemIndex) },
            TableColumn("round") { String($0.round + 1) },
            TableColumn("replicate") { $0.replicate.map(String.init) ?? "" },
            TableColumn("rank") { String($0.rank + 1) },
            TableColumn("user") { graph.name(of: $0.user) },
            TableColumn("out_degree") { String(graph.outDegree(of: $0.user)) },
            TableColumn("marginal_gain") { row in
                row.position.flatMap { position in row.outcome.marginalGains[row.itemIndex].map { f($0[position]) } }
                    ?? ""
            },
            TableColumn("estimated_spread") { row in runningSpread(of: row, plan: plan).map(f) ?? "" },
            TableColumn("spread_lower_bound") { row in
                row.position == nil ? "" : row.outcome.certificates[row.itemIndex]?.spreadLowerBound.map(f) ?? ""
            },
            TableColumn("optimum_upper_bound") { row in
                row.position == nil ? "" : row.outcome.certificates[row.itemIndex].map { f($0.optimumUpperBound) } ?? ""
            },
            TableColumn("certified_ratio") { row in
                row.position == nil ? "" : row.outcome.certificates[row.itemIndex]?.ratio.map(f) ?? ""
            },
        ]
        let rows = result.arms.flatMap { outcome -> [SeedRow] in
            var rows: [SeedRow] = outcome.seeds.enumerated().flatMap { itemIndex, chosen in
                chosen.enumerated().map {
                    SeedRow(
                        outcome: outcome, itemIndex: itemIndex, rank: outcome.ranks[itemIndex][$0], user: $1,
                        position: $0)
                }
            }
            if plan.joint != nil {
                rows.sort {
                    (plan.targets[$0.itemIndex].variant, $0.rank) < (plan.targets[$1.itemIndex].variant, $1.rank)
                }
            }
            for (itemIndex, replicates) in outcome.laterSeeds.enumerated() {
                let first = outcome.seeds[itemIndex].count
                for (replicate, seeds) in replicates.enumerated() {
                    rows += seeds.enumerated().map { position, seed in
                        SeedRow(
                            outcome: outcome, itemIndex: itemIndex, rank: first + position, user: seed.user,
                            position: nil, round: seed.round, replicate: replicate)
                    }
                }
            }
            return rows
        }
        try sink.writeTable("seeds.csv", columns: columns, rows: rows)
    }

    /// The policy's estimate of the spread of its seeds up to `row`'s: the gains of the seeds
    /// before it in the item's list, or in a joint campaign of the pairs before it over all the
    /// campaign's items; `nil` without gain estimates (and for a later round's seeds).
    static func runningSpread(of row: SeedRow, plan: ExperimentPlan) -> Double? {
        let outcome = row.outcome
        guard let position = row.position else { return nil }
        guard plan.joint != nil else {
            return outcome.marginalGains[row.itemIndex].map { $0[...position].reduce(0, +) }
        }
        var total = 0.0
        for member in plan.seededTargets(ofVariant: plan.targets[row.itemIndex].variant) {
            guard let gains = outcome.marginalGains[member] ?? (outcome.seeds[member].isEmpty ? [] : nil) else {
                return nil
            }
            for (position, gain) in gains.enumerated() where outcome.ranks[member][position] <= row.rank {
                total += gain
            }
        }
        return total
    }

    /// `events.csv`: every recorded event of every run.
    static func writeEvents(
        _ result: ExperimentResult, key: [TableColumn<RunResult>], graph: Graph, to sink: TableSink
    ) throws {
        typealias Row = (run: RunResult, event: CascadeEvent)
        let columns: [TableColumn<Row>] =
            key.map { $0.reading(\.run) } + [
                TableColumn("step") { String($0.event.step) },
                TableColumn("user") { graph.name(of: $0.event.user) },
                TableColumn("action") { $0.event.action.rawValue },
                TableColumn("source") { $0.event.source < 0 ? "" : graph.name(of: $0.event.source) },
                TableColumn("channel") { $0.event.channel.rawValue },
            ]
        let rows = result.runs.lazy.flatMap { run in run.events.lazy.map { (run: run, event: $0) } }
        try sink.writeTable("events.csv", columns: columns, rows: rows)
    }

    /// `timings.csv`: each arm's selection seconds per item (per campaign in content mode
    /// `joint`), then the simulation's.
    static func writeTimings(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        typealias Row = (policy: String, k: String, model: String, item: String, phase: String, seconds: Double)
        let selections: [Row] = result.arms.flatMap { outcome in
            outcome.selectionSeconds.enumerated().compactMap { itemIndex, seconds in
                seconds.map {
                    (
                        outcome.name, String(outcome.arm.budget), plan.modelLabel(itemIndex), plan.itemLabel(itemIndex),
                        "seed_selection", $0
                    )
                }
            }
        }
        let columns: [TableColumn<Row>] = [
            TableColumn("policy") { $0.policy }, TableColumn("k") { $0.k }, TableColumn("model") { $0.model },
            TableColumn("item") { $0.item }, TableColumn("phase") { $0.phase },
            TableColumn("seconds") { CSVWriter.format($0.seconds) },
        ]
        try sink.writeTable(
            "timings.csv", columns: columns,
            rows: selections + [("", "", "", "", "simulation", result.simulationSeconds)])
    }
}
