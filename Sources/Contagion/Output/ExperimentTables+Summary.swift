extension ExperimentTables {
    /// The columns of `summary.csv`.
    static let summaryColumns = [
        "policy", "k", "recommender", "model", "item", "metric", "runs", "mean", "std", "ci95_low", "ci95_high", "rank",
        "tied_with_best", "baseline", "diff_mean", "diff_ci95_low", "diff_ci95_high",
    ]

    /// Writes `summary.csv`: per (policy, k, recommender, item, metric) the sample summary over
    /// replicates, the arm's rank among the arms at its `k` and whether it is tied with the
    /// best (``ArmComparisons``), and the paired difference against the baseline policy at
    /// the same `k`.
    ///
    /// The difference is paired because replicate `r` of every arm ran in the same possible
    /// world: its interval is that of the mean of `x_r − baseline_r`, much narrower than the
    /// difference of two independent intervals. The baseline columns are empty when the
    /// baseline has no arm at that `k`. No column holds a wall-clock figure.
    static func writeSummary(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        let f: (Double) -> String = CSVWriter.format
        let summary = try sink.table("summary.csv", columns: summaryColumns)
        let recommenders = plan.recommenderNames
        // Cells are ordered by budget, recommender, item, metric; rows by arm first.
        var placement: [Int: (cell: ArmComparisons.Cell, position: Int)] = [:]
        func key(_ arm: Int, _ recommender: Int, _ itemIndex: Int, _ metric: Int) -> Int {
            ((arm * recommenders.count + recommender) * plan.items.count + itemIndex) * CascadeStatistics.metrics.count
                + metric
        }
        for cell in result.comparisons.cells {
            for (position, arm) in cell.arms.enumerated() {
                placement[key(arm, cell.recommender, cell.itemIndex, cell.metric)] = (cell, position)
            }
        }
        for (armIndex, outcome) in result.arms.enumerated() {
            let baselineArm = plan.baseline.flatMap { baseline in
                plan.arms.firstIndex { $0.policy == baseline && $0.budget == outcome.arm.budget }
            }
            for (recommender, recommenderName) in recommenders.enumerated() {
                for itemIndex in plan.items.indices {
                    for (metricIndex, metric) in CascadeStatistics.metrics.enumerated() {
                        guard let (cell, position) = placement[key(armIndex, recommender, itemIndex, metricIndex)]
                        else { preconditionFailure("every arm is in a comparison cell") }
                        let s = cell.summaries[position]
                        var comparison = ["", "", "", ""]
                        if let baselineArm, let d = cell.difference(of: armIndex, against: baselineArm) {
                            comparison = [result.arms[baselineArm].name, f(d.mean), f(d.lower95), f(d.upper95)]
                        }
                        try summary.writeRow(
                            [
                                outcome.name, String(outcome.arm.budget), recommenderName, plan.modelLabel(itemIndex),
                                plan.itemLabel(itemIndex), metric.name,
                                String(s.count), f(s.mean), f(s.standardDeviation), f(s.lower95), f(s.upper95),
                                String(cell.ranks[position]), String(cell.tiedWithBest[position]),
                            ] + comparison)
                    }
                }
            }
        }
    }

    /// Writes `comparisons.csv`: every pair of arms at the same `k`, per recommender, item and
    /// metric, with the paired difference, its interval, the per-replicate correlation, the
    /// two-sided p-value and its Holm adjustment within the cell.
    static func writeComparisons(_ result: ExperimentResult, plan: ExperimentPlan, to sink: TableSink) throws {
        let f: (Double) -> String = CSVWriter.format
        let table = try sink.table(
            "comparisons.csv",
            columns: [
                "k", "recommender", "model", "item", "metric", "policy_a", "policy_b", "runs", "mean_a", "mean_b",
                "diff_mean",
                "diff_ci95_low", "diff_ci95_high", "correlation", "p_value", "p_holm", "significant",
            ])
        for cell in result.comparisons.cells {
            for pair in cell.pairs {
                let d = pair.difference.difference
                let position = { arm in cell.arms.firstIndex(of: arm) ?? 0 }
                try table.writeRow([
                    String(cell.budget), plan.recommenderNames[cell.recommender], plan.modelLabel(cell.itemIndex),
                    plan.itemLabel(cell.itemIndex),
                    CascadeStatistics.metrics[cell.metric].name, result.arms[pair.a].name, result.arms[pair.b].name,
                    String(d.count), f(cell.summaries[position(pair.a)].mean),
                    f(cell.summaries[position(pair.b)].mean), f(d.mean), f(d.lower95), f(d.upper95),
                    f(pair.difference.correlation), f(pair.difference.pValue), f(pair.adjustedPValue),
                    String(pair.isSignificant),
                ])
            }
        }
    }
}
