/// Every pair of arms compared, per cell: the arms at one budget `k`, for one recommender, one
/// item and one metric, all observed in the same replicates.
///
/// Within a cell every pair gets a ``PairedDifference``; the cell's p-values are adjusted
/// together by ``HolmAdjustment`` (family-wise error 5%), and an arm is *tied with the best*
/// when it is the arm with the highest mean or its adjusted comparison with that arm is not
/// significant.
public struct ArmComparisons: Sendable {
    /// A pair of arms of one cell.
    public struct Pair: Sendable {
        /// Indices into the result's arms (`a` listed before `b`).
        public var a: Int, b: Int
        /// `a − b`, replicate by replicate.
        public var difference: PairedDifference
        /// The Holm-adjusted p-value within the cell.
        public var adjustedPValue: Double
        /// Whether the adjusted p-value is below the comparisons' level (5% for the tables).
        public var isSignificant: Bool
    }

    /// One cell: its arms, their summaries, their ranks and their pairs.
    public struct Cell: Sendable {
        /// The budget shared by the cell's arms.
        public var budget: Int
        /// Index into the plan's recommender names.
        public var recommender: Int
        /// Index into the plan's items.
        public var itemIndex: Int
        /// Index into the metrics compared (``CascadeStatistics/metrics`` for the tables).
        public var metric: Int
        /// The cell's arms (indices into the result's arms), in plan order.
        public var arms: [Int]
        /// Each arm's summary over replicates, in ``arms`` order.
        public var summaries: [SampleSummary]
        /// Each arm's rank by mean, 1 for the highest (equal means keep the order of listing).
        public var ranks: [Int]
        /// Whether each arm is tied with the best.
        public var tiedWithBest: [Bool]
        /// Every pair of the cell's arms.
        public var pairs: [Pair]

        /// The summary of `arm − other`, replicate by replicate (all zeros when they are the
        /// same arm), or `nil` when either is not in the cell.
        public func difference(of arm: Int, against other: Int) -> SampleSummary? {
            if arm == other {
                return arms.contains(arm) ? SampleSummary(repeatElement(0, count: summaries[0].count)) : nil
            }
            guard let pair = pairs.first(where: { Set([$0.a, $0.b]) == Set([arm, other]) }) else { return nil }
            var d = pair.difference.difference
            if pair.a != arm {
                // b − a: the same sample negated, exactly.
                (d.mean, d.lower95, d.upper95) = (-d.mean, -d.upper95, -d.lower95)
            }
            return d
        }
    }

    /// The family-wise significance level of the tables.
    public static let level = 0.05

    /// The cells, ordered by budget (first appearance), recommender, item, metric.
    public let cells: [Cell]

    /// No cells (before the runs are compared).
    public init() { cells = [] }

    /// Compares the arms of `result` on `metrics` (default: every metric of the tables) at
    /// family-wise level `level` per cell.
    public init(
        _ result: ExperimentResult, plan: ExperimentPlan, level: Double = ArmComparisons.level,
        metrics: [CascadeStatistics.Metric] = CascadeStatistics.metrics
    ) {
        var budgets: [Int] = []
        for outcome in result.arms where !budgets.contains(outcome.arm.budget) { budgets.append(outcome.arm.budget) }
        var cells: [Cell] = []
        for budget in budgets {
            let arms = result.arms.indices.filter { result.arms[$0].arm.budget == budget }
            for recommender in plan.recommenderNames.indices {
                for itemIndex in plan.items.indices {
                    let groups = arms.map { result.runs(arm: $0, recommender: recommender, itemIndex: itemIndex) }
                    for (metricIndex, metric) in metrics.enumerated() {
                        let values = groups.map { $0.map { metric.value($0.statistics) } }
                        cells.append(
                            Self.cell(
                                values, arms: arms, budget: budget, recommender: recommender, itemIndex: itemIndex,
                                metric: metricIndex, level: level))
                    }
                }
            }
        }
        self.cells = cells
    }

    private static func cell(
        _ values: [[Double]], arms: [Int], budget: Int, recommender: Int, itemIndex: Int, metric: Int, level: Double
    ) -> Cell {
        let summaries = values.map { SampleSummary($0) }
        let order = summaries.indices.sorted { (-summaries[$0].mean, $0) < (-summaries[$1].mean, $1) }
        var ranks = [Int](repeating: 0, count: arms.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank + 1 }
        var pairs: [Pair] = []
        var positions: [(Int, Int)] = []
        for i in arms.indices {
            for j in arms.indices where j > i {
                pairs.append(
                    Pair(
                        a: arms[i], b: arms[j], difference: PairedDifference(values[i], values[j]), adjustedPValue: 1,
                        isSignificant: false))
                positions.append((i, j))
            }
        }
        let adjusted = HolmAdjustment.adjust(pairs.map(\.difference.pValue))
        for index in pairs.indices {
            pairs[index].adjustedPValue = adjusted[index]
            pairs[index].isSignificant = adjusted[index] < level
        }
        let best = order.first ?? 0
        var tied = [Bool](repeating: false, count: arms.count)
        for i in arms.indices {
            guard i != best else {
                tied[i] = true
                continue
            }
            let pair = positions.firstIndex { $0 == (min(i, best), max(i, best)) }.map { pairs[$0] }
            tied[i] = !(pair?.isSignificant ?? false)
        }
        return Cell(
            budget: budget, recommender: recommender, itemIndex: itemIndex, metric: metric, arms: arms,
            summaries: summaries, ranks: ranks, tiedWithBest: tied, pairs: pairs)
    }
}

extension ExperimentResult {
    /// The runs of one (arm, recommender, item), in replicate order.
    public func runs(arm: Int, recommender: Int, itemIndex: Int) -> ArraySlice<RunResult> {
        let start = ((arm * recommenderCount + recommender) * itemCount + itemIndex) * replicates
        return runs[start..<start + replicates]
    }
}
