import Foundation

/// The charts of a `contagion run` report, each a function of one or two of the run's tables.
///
/// A *panel* is one (graph, recommender, model, item) of the run: the charts compare the
/// policies within a panel, and draw one panel per variant.
enum RunCharts {
    /// The key of a panel, and its title from the parts that vary across the run.
    struct Panel: Hashable {
        var graph: String, recommender: String, model: String, item: String
    }

    /// Values grouped by panel, then by policy, both in the order first met (the tables'
    /// order: graphs, models and items as the scenario lists them).
    struct PanelGroups<Value> {
        /// The panels, in order.
        private(set) var panels: [Panel] = []
        private var entries: [Panel: [(policy: String, values: [Value])]] = [:]

        /// Adds `value` to `policy`'s values in `panel`.
        mutating func append(_ value: Value, panel: Panel, policy: String) {
            if entries[panel] == nil { panels.append(panel) }
            if let position = entries[panel]?.firstIndex(where: { $0.policy == policy }) {
                entries[panel]?[position].values.append(value)
            } else {
                entries[panel, default: []].append((policy, [value]))
            }
        }

        /// Each policy's values in `panel`, policies in order.
        func policies(of panel: Panel) -> [(policy: String, values: [Value])] { entries[panel] ?? [] }
    }

    /// The panel columns of `table`'s rows, read once.
    struct PanelReader {
        let fields: CSVTable.Fields
        let hasRecommender: Bool

        init(_ table: CSVTable) throws {
            hasRecommender = table.columns.contains("recommender")
            fields =
                hasRecommender
                ? try table.fields("graph", "recommender", "model", "item") : try table.fields("graph", "model", "item")
        }

        func panel(_ row: [String]) -> Panel {
            hasRecommender
                ? Panel(
                    graph: fields.text(row, 0), recommender: fields.text(row, 1), model: fields.text(row, 2),
                    item: fields.text(row, 3))
                : Panel(
                    graph: fields.text(row, 0), recommender: "none", model: fields.text(row, 1),
                    item: fields.text(row, 2))
        }
    }

    /// Names panels by what varies between them (`graph barabasi_albert, model linear_threshold`),
    /// or `all runs` when only one.
    struct PanelNames {
        let varies: (graph: Bool, recommender: Bool, model: Bool, item: Bool)
        /// The panels the charts draw: the first ``chartedPanels`` (the ranking lists all).
        let charted: Set<Panel>
        /// How many panels there are.
        let count: Int

        /// At most this many panels get charts: a page of thousands of charts helps no one
        /// (a recommender loop over 40 items has 80 panels).
        static let chartedPanels = 12

        init(_ panels: [Panel]) {
            charted = Set(panels.prefix(Self.chartedPanels))
            count = panels.count
            varies = (
                Set(panels.map(\.graph)).count > 1, Set(panels.map(\.recommender)).count > 1,
                Set(panels.map(\.model)).count > 1, Set(panels.map(\.item)).count > 1
            )
        }

        /// Whether `panel` gets charts.
        func charts(_ panel: Panel) -> Bool { charted.contains(panel) }

        func name(_ panel: Panel) -> String {
            var parts: [String] = []
            if varies.graph { parts.append("graph \(panel.graph)") }
            if varies.recommender { parts.append("recommender \(panel.recommender)") }
            if varies.model { parts.append("model \(panel.model)") }
            if varies.item { parts.append("item \(panel.item)") }
            return parts.isEmpty ? "all runs" : parts.joined(separator: ", ")
        }
    }

    /// One `summary.csv` row of the metric asked for.
    struct SummaryRow {
        var panel: Panel, policy: String, k: Int, runs: Int
        var mean: Double, low: Double, high: Double, rank: Int, tied: Bool
        var baseline: String, difference: Double, differenceLow: Double, differenceHigh: Double
    }

    /// The rows of `summary.csv` for `metric`, in file order.
    static func summaryRows(_ summary: CSVTable, metric: String) throws -> [SummaryRow] {
        let panels = try PanelReader(summary)
        let f = try summary.fields(
            "metric", "policy", "k", "mean", "ci95_low", "ci95_high", "rank", "tied_with_best", "baseline", "diff_mean",
            "diff_ci95_low", "diff_ci95_high", "runs")
        return summary.rows.filter { f.text($0, 0) == metric }.map { row in
            SummaryRow(
                panel: panels.panel(row), policy: f.text(row, 1), k: Int(f.text(row, 2)) ?? 0,
                runs: Int(f.text(row, 12)) ?? 0, mean: f.number(row, 3),
                low: f.number(row, 4), high: f.number(row, 5), rank: Int(f.text(row, 6)) ?? 0,
                tied: f.text(row, 7) == "true", baseline: f.text(row, 8), difference: f.number(row, 9),
                differenceLow: f.number(row, 10), differenceHigh: f.number(row, 11))
        }
    }

    /// The distinct values of `key` in first-seen order.
    static func ordered<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Spread (or another metric) against the budget, a line per policy with its 95% band,
    /// one chart per panel; with one budget, the policies' means side by side.
    static func metricAgainstBudget(_ rows: [SummaryRow], metric: String, unit: String, names: PanelNames)
        -> [String]
    {
        ordered(rows.map(\.panel)).map { panel in
            let inPanel = rows.filter { $0.panel == panel }
            if Set(inPanel.map(\.k)).count == 1 {
                return IntervalChart(
                    title: "\(metric) at k = \(inPanel[0].k) — \(names.name(panel))",
                    axis: ChartAxis("mean \(metric) (\(unit))"),
                    rows: inPanel.map { IntervalChart.Row($0.policy, mean: $0.mean, low: $0.low, high: $0.high) },
                    reference: nil
                ).svg()
            }
            let series = ordered(inPanel.map(\.policy)).map { policy in
                XYChart.Series(
                    policy,
                    inPanel.filter { $0.policy == policy }.map {
                        XYChart.Point(x: Double($0.k), y: $0.mean, low: $0.low, high: $0.high)
                    })
            }
            return XYChart(
                title: "\(metric) against k — \(names.name(panel))", x: ChartAxis("seeds k (users)"),
                y: ChartAxis("mean \(metric) (\(unit))", includesZero: true), series: series
            ).svg()
        }
    }

    /// The ranked table rows: per panel and k, the arms by rank with their intervals and marks.
    static func ranking(_ rows: [SummaryRow], names: PanelNames) -> (rows: [[String]], marks: [String?]) {
        let panelOrder = Dictionary(uniqueKeysWithValues: ordered(rows.map(\.panel)).enumerated().map { ($1, $0) })
        let sorted = rows.enumerated().sorted { a, b in
            (panelOrder[a.element.panel] ?? 0, a.element.k, a.element.rank, a.offset)
                < (panelOrder[b.element.panel] ?? 0, b.element.k, b.element.rank, b.offset)
        }.map(\.element)
        let lines = sorted.map { row in
            [
                names.name(row.panel), String(row.k), String(row.rank), row.policy, Markup.short(row.mean),
                "\(Markup.short(row.low)) … \(Markup.short(row.high))",
                row.rank == 1 ? "best" : row.tied ? "tied with the best" : "",
            ]
        }
        return (lines, sorted.map { $0.rank == 1 ? "best" : $0.tied ? "tied" : nil })
    }

    /// The paired differences against the baseline, a forest plot per panel.
    static func baselineForest(_ rows: [SummaryRow], names: PanelNames) -> [String] {
        ordered(rows.map(\.panel)).compactMap { panel in
            let compared = rows.filter { $0.panel == panel && !$0.baseline.isEmpty && $0.policy != $0.baseline }
            guard let baseline = compared.first?.baseline else { return nil }
            let multipleK = Set(compared.map(\.k)).count > 1
            return IntervalChart(
                title: "adopters minus \(baseline)'s, paired — \(names.name(panel))",
                axis: ChartAxis("difference in mean adopters (users)"),
                rows: compared.map {
                    IntervalChart.Row(
                        multipleK ? "\($0.policy), k = \($0.k)" : $0.policy, mean: $0.difference, low: $0.differenceLow,
                        high: $0.differenceHigh)
                }
            ).svg()
        }
    }

    /// Every pair of arms at one k: the difference (row minus column) and whether Holm's
    /// adjusted test calls it significant, one matrix per panel and k.
    static func significanceMatrices(_ comparisons: CSVTable, metric: String, names: PanelNames) throws -> [String] {
        let panels = try PanelReader(comparisons)
        let f = try comparisons.fields("metric", "k", "policy_a", "policy_b", "diff_mean", "p_holm", "significant")
        let rows = comparisons.rows.filter { f.text($0, 0) == metric }
        let cells = ordered(rows.map { (panels.panel($0), f.text($0, 1)) }.map { CellKey(panel: $0.0, k: $0.1) })
            .filter { names.charts($0.panel) }
        return cells.map { cell in
            let inCell = rows.filter { panels.panel($0) == cell.panel && f.text($0, 1) == cell.k }
            let policies = ordered(inCell.flatMap { [f.text($0, 2), f.text($0, 3)] })
            var matrix = [[Heatmap.Cell?]](
                repeating: [Heatmap.Cell?](repeating: nil, count: policies.count), count: policies.count)
            for row in inCell {
                guard let a = policies.firstIndex(of: f.text(row, 2)), let b = policies.firstIndex(of: f.text(row, 3))
                else { continue }
                let difference = f.number(row, 4)
                let significant = f.text(row, 6) == "true"
                for (i, j, sign) in [(a, b, 1.0), (b, a, -1.0)] {
                    let signed = sign * difference
                    matrix[i][j] = Heatmap.Cell(
                        value: f.number(row, 5), text: Markup.short(signed) + (significant ? " *" : ""),
                        tone: signed == 0 ? 0 : (signed > 0 ? 1 : -1) * (significant ? 0.8 : 0.12))
                }
            }
            return Heatmap(
                title: "\(metric), row minus column — \(names.name(cell.panel)), k = \(cell.k)",
                rows: policies, columns: policies, cells: matrix
            ).svg()
        }
    }

    /// A (panel, k) cell of `comparisons.csv`.
    struct CellKey: Hashable {
        var panel: Panel
        var k: String
    }

    /// The largest k of each panel in `table` (the arms the distribution charts show).
    static func largestBudgets(_ table: CSVTable, panels: PanelReader) throws -> [Panel: String] {
        let k = try table.column("k")
        var largest: [Panel: String] = [:]
        for row in table.rows {
            let panel = panels.panel(row)
            if Int(row[k]) ?? 0 > Int(largest[panel] ?? "") ?? -1 { largest[panel] = row[k] }
        }
        return largest
    }

    /// Whether a row of `runs.csv` or `curves.csv` is a campaign's outcome: of its policy's
    /// last round (every row without rounds, and in tables written before the `round` column).
    static func outcomeRows(_ table: CSVTable) throws -> ([String]) -> Bool {
        guard let round = try? table.column("round") else { return { _ in true } }
        let policy = try table.column("policy")
        let k = try table.column("k")
        var last: [String: Int] = [:]
        for row in table.rows {
            last[row[policy] + "\u{1F}" + row[k]] = max(
                last[row[policy] + "\u{1F}" + row[k]] ?? 1, Int(row[round]) ?? 1)
        }
        return { Int($0[round]) == last[$0[policy] + "\u{1F}" + $0[k]] }
    }

    /// `runs.csv`'s values of the given columns per policy, per panel, at each panel's largest k.
    static func runValues(_ runs: CSVTable, _ columns: [String], names: PanelNames) throws -> PanelGroups<[Double]> {
        let panels = try PanelReader(runs)
        let largest = try largestBudgets(runs, panels: panels)
        let policy = try runs.column("policy")
        let k = try runs.column("k")
        let indices = try columns.map(runs.column)
        let isOutcome = try outcomeRows(runs)
        var groups = PanelGroups<[Double]>()
        for row in runs.rows where isOutcome(row) {
            let panel = panels.panel(row)
            guard row[k] == largest[panel], names.charts(panel) else { continue }
            groups.append(indices.map { Double(row[$0]) ?? .nan }, panel: panel, policy: row[policy])
        }
        return groups
    }

    /// The complementary CDF of cascade sizes, log–log, per policy at each panel's largest k.
    static func cascadeSizeDistribution(_ runs: CSVTable, names: PanelNames) throws -> [String] {
        let groups = try runValues(runs, ["adopters"], names: names)
        return groups.panels.map { panel in
            let series = groups.policies(of: panel).map { entry in
                XYChart.Series(entry.policy, complementaryCDF(entry.values.map { $0[0] }), style: .line)
            }
            return XYChart(
                title: "cascade sizes — \(names.name(panel))", x: ChartAxis("adopters s (users)", scale: .logarithmic),
                y: ChartAxis("P(size ≥ s)", scale: .logarithmic), series: series
            ).svg()
        }
    }

    /// `P(X ≥ x)` at every distinct value of `sample`.
    static func complementaryCDF(_ sample: [Double]) -> [XYChart.Point] {
        let sorted = sample.filter(\.isFinite).sorted()
        var points: [XYChart.Point] = []
        for (index, value) in sorted.enumerated() where index == 0 || sorted[index - 1] != value {
            points.append(XYChart.Point(x: value, y: Double(sorted.count - index) / Double(sorted.count)))
        }
        return points
    }

    /// Structural virality against cascade size, one dot per run (at most 1,500 per policy,
    /// every n-th), per panel at its largest k.
    static func viralityAgainstSize(_ runs: CSVTable, names: PanelNames) throws -> [String] {
        let groups = try runValues(runs, ["adopters", "structural_virality"], names: names)
        return groups.panels.map { panel in
            let series = groups.policies(of: panel).map { entry in
                let stride = max(1, entry.values.count / 1500)
                let shown = Swift.stride(from: 0, to: entry.values.count, by: stride).map { entry.values[$0] }
                return XYChart.Series(entry.policy, shown.map { XYChart.Point(x: $0[0], y: $0[1]) }, style: .points)
            }
            return XYChart(
                title: "structural virality against size — \(names.name(panel))",
                x: ChartAxis("adopters (users)", scale: .logarithmic), y: ChartAxis("structural virality (steps)"),
                series: series
            ).svg()
        }
    }

    /// Mean cumulative adopters over the steps with 95% bands, per policy at each panel's largest k.
    static func adoptionCurves(_ curves: CSVTable, names: PanelNames) throws -> [String] {
        let panels = try PanelReader(curves)
        let largest = try largestBudgets(curves, panels: panels)
        let f = try curves.fields("policy", "k", "step", "adopters_mean", "adopters_ci95_low", "adopters_ci95_high")
        let isOutcome = try outcomeRows(curves)
        var groups = PanelGroups<XYChart.Point>()
        for row in curves.rows where isOutcome(row) {
            let panel = panels.panel(row)
            guard f.text(row, 1) == largest[panel], names.charts(panel) else { continue }
            groups.append(
                XYChart.Point(x: f.number(row, 2), y: f.number(row, 3), low: f.number(row, 4), high: f.number(row, 5)),
                panel: panel, policy: f.text(row, 0))
        }
        return groups.panels.map { panel in
            XYChart(
                title: "adopters over time, k = \(largest[panel] ?? "") — \(names.name(panel))", x: ChartAxis("step"),
                y: ChartAxis("mean cumulative adopters (users)", includesZero: true),
                series: groups.policies(of: panel).map { XYChart.Series($0.policy, $0.values, style: .line) }
            ).svg()
        }
    }

    /// What each policy's quality costs: seconds spent choosing seeds (log) against mean adopters.
    static func costAgainstQuality(_ timings: CSVTable, _ rows: [SummaryRow], names: PanelNames) throws -> [String] {
        let panels = try PanelReader(timings)
        let f = try timings.fields("phase", "policy", "k", "seconds")
        var seconds: [String: Double] = [:]
        for row in timings.rows where f.text(row, 0) == "seed_selection" {
            let panel = panels.panel(row)
            seconds["\(panel.graph)|\(panel.model)|\(panel.item)|\(f.text(row, 1))|\(f.text(row, 2))"] = f.number(
                row, 3)
        }
        return ordered(rows.map(\.panel)).map { panel in
            let inPanel = rows.filter { $0.panel == panel }
            let series = ordered(inPanel.map(\.policy)).map { policy in
                XYChart.Series(
                    policy,
                    inPanel.filter { $0.policy == policy }.compactMap { row in
                        seconds["\(panel.graph)|\(panel.model)|\(panel.item)|\(policy)|\(row.k)"].map {
                            XYChart.Point(x: max($0, 1e-6), y: row.mean, low: row.low, high: row.high)
                        }
                    }, style: .points)
            }
            return XYChart(
                title: "selection time against spread — \(names.name(panel))",
                x: ChartAxis("seconds choosing seeds (at least 1 µs)", scale: .logarithmic),
                y: ChartAxis("mean adopters (users)"), series: series
            ).svg()
        }
    }

    /// The funnel exposed → clicked → purchased → shared per policy, per panel at its largest k,
    /// for panels where anyone clicked (the content-aware model).
    static func funnels(_ summary: CSVTable, names: PanelNames) throws -> [String] {
        let stages = [
            ("exposed", "exposed"), ("clicks", "clicked"), ("purchases", "purchased"), ("adopters", "shared"),
        ]
        let rows = try stages.map { try summaryRows(summary, metric: $0.0) }
        return ordered(rows[0].map(\.panel)).filter(names.charts).compactMap { panel in
            let largest = rows[0].filter { $0.panel == panel }.map(\.k).max() ?? 0
            let pick = { (stage: Int) in rows[stage].filter { $0.panel == panel && $0.k == largest } }
            guard pick(1).contains(where: { $0.mean > 0 }) else { return nil }
            let policies = ordered(pick(0).map(\.policy))
            return BarChart(
                title: "the funnel, k = \(largest) — \(names.name(panel))", categories: stages.map(\.1),
                axis: ChartAxis("mean users per cascade"),
                series: policies.map { policy in
                    (policy, stages.indices.map { stage in pick(stage).first { $0.policy == policy }?.mean ?? .nan })
                }
            ).svg()
        }
    }

    /// The first recorded cascade of `events.csv` as a tree (its first 400 users).
    static func sampleTree(_ events: CSVTable) throws -> (svg: String, caption: String)? {
        let f = try events.fields("policy", "k", "replicate", "user", "action", "source", "step")
        guard let first = events.rows.first else { return nil }
        let runKey = Array(first[0..<(try events.column("replicate") + 1)])
        var nodes: [TreeDiagram.Node] = []
        var index: [String: Int] = [:]
        for row in events.rows {
            guard Array(row[0..<runKey.count]) == runKey else { break }
            let action = f.text(row, 4)
            guard action == "seed" || action == "share", nodes.count < 400, index[f.text(row, 3)] == nil else {
                continue
            }
            let parent = action == "share" ? index[f.text(row, 5)] : nil
            index[f.text(row, 3)] = nodes.count
            nodes.append(TreeDiagram.Node(user: f.text(row, 3), parent: parent, step: Int(f.text(row, 6)) ?? 0))
        }
        let title = "one cascade: \(f.text(first, 0)), k = \(f.text(first, 1)), replicate \(f.text(first, 2))"
        return (
            TreeDiagram(title: title, nodes: nodes).svg(),
            "The first recorded cascade, \(nodes.count) users (seeds in vermillion, at most 400 drawn): "
                + "each user below the one whose share reached it, one row per step."
        )
    }
}
