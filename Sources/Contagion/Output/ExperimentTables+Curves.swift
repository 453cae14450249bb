extension ExperimentTables {
    /// The cumulative counts of `curves.csv`, in column order.
    static let curveMeasures: [(name: String, value: @Sendable (StepCounts) -> Double)] = [
        ("exposed", { Double($0.exposed) }),
        ("clicks", { Double($0.clicks) }),
        ("purchases", { Double($0.purchases) }),
        ("adopters", { Double($0.adopters) }),
        ("revenue", { $0.revenue }),
    ]

    /// Writes `curves.csv`: per (policy, k, recommender, item, round) and step, the mean and
    /// 95% interval over replicates of each cumulative count. With `simulation.rounds`, round
    /// `t`'s curve is that of the cascade observed after it (of every seed of rounds 1 … t);
    /// the last round's is the outcome's.
    ///
    /// A cascade that ended before a step counts with its final totals there (carried
    /// forward), so every step averages all replicates and the curve is that of the expected
    /// cumulative count — unlike a per-step mean of `steps.csv`, whose rows stop with each
    /// cascade. Steps run from 0 to the last step any replicate of the arm reached.
    static func writeCurves(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        let table = try sink.table(
            "curves.csv",
            columns: ["policy", "k", "recommender", "model", "item", "round", "step", "runs"]
                + curveMeasures.flatMap { ["\($0.name)_mean", "\($0.name)_ci95_low", "\($0.name)_ci95_high"] })
        for (armIndex, outcome) in result.arms.enumerated() {
            for (recommender, recommenderName) in plan.recommenderNames.enumerated() {
                for itemIndex in plan.items.indices {
                    let rounds = plan.rounds[outcome.arm.policy]
                    for round in 0..<rounds {
                        let runs =
                            round == rounds - 1
                            ? Array(result.runs(arm: armIndex, recommender: recommender, itemIndex: itemIndex))
                            : result.roundRuns.filter {
                                ($0.arm, $0.recommender, $0.itemIndex, $0.round) == (
                                    armIndex, recommender, itemIndex, round
                                )
                            }
                        try writeCurve(
                            of: runs,
                            key: [
                                outcome.name, String(outcome.arm.budget), recommenderName, plan.modelLabel(itemIndex),
                                plan.itemLabel(itemIndex), String(round + 1),
                            ], to: table)
                    }
                }
            }
        }
    }

    /// The rows of one curve: per step, `key`, the step, the runs and each measure's summary.
    private static func writeCurve(of runs: [RunResult], key: [String], to table: TableRows) throws {
        let f: (Double) -> String = CSVWriter.format
        let curves = runs.map { cumulativeCounts($0.steps) }
        let lastStep = curves.map(\.count).max().map { $0 - 1 } ?? -1
        guard lastStep >= 0 else { return }
        for step in 0...lastStep {
            let totals = curves.map { $0[min(step, $0.count - 1)] }
            var row = key + [String(step), String(totals.count)]
            for measure in curveMeasures {
                let s = SampleSummary(totals.map(measure.value))
                row += [f(s.mean), f(s.lower95), f(s.upper95)]
            }
            try table.writeRow(row)
        }
    }

    /// The running totals of a run's per-step counts.
    static func cumulativeCounts(_ steps: [StepCounts]) -> [StepCounts] {
        var total = StepCounts()
        return steps.map { counts in
            total.exposed += counts.exposed
            total.clicks += counts.clicks
            total.purchases += counts.purchases
            total.adopters += counts.adopters
            total.revenue += counts.revenue
            total.infectious = counts.infectious
            return total
        }
    }
}
