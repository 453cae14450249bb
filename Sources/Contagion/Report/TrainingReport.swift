import Foundation

/// `report.html` of a `contagion train` folder: the learning curve (return and loss per
/// episode) from `training.csv`, and the held-out comparison from `evaluation.csv` when the
/// training had one.
public enum TrainingReport {
    /// Episodes averaged by the learning curve's running mean.
    static let window = 25

    /// The page for the training whose files `path(name)` locates.
    ///
    /// - Throws: ``ReportError`` for a missing or malformed file.
    public static func render(path: (String) -> String) throws -> String {
        let training = try CSVTable(path: path("training.csv"))
        let f = try training.fields("episode", "return", "loss")
        let episodes = training.rows.map { f.number($0, 0) }
        var page = HTMLReport(
            title: "Training the rl seeding policy",
            lead: "\(training.rows.count) episodes of deep Q-learning; the held-out comparison plays the trained "
                + "policy and its rivals on episodes it never saw.")
        page.section("Learning curve")
        let returns = training.rows.map { f.number($0, 1) }
        page.figure(
            XYChart(
                title: "return per episode", x: ChartAxis("episode"), y: ChartAxis("return (adopters)"),
                series: [
                    .init("episode", zip(episodes, returns).map { XYChart.Point(x: $0, y: $1) }, style: .points),
                    .init("mean of \(window)", runningMean(episodes, returns), style: .line),
                ]
            ).svg(),
            caption: "Each episode's return (dots) and its running mean over the last \(window) episodes (line).")
        let losses = zip(episodes, training.rows.map { f.number($0, 2) }).filter { $0.1 > 0 }
        page.figure(
            XYChart(
                title: "temporal-difference loss per episode", x: ChartAxis("episode"),
                y: ChartAxis("mean squared TD error", scale: .logarithmic),
                series: [.init("loss", losses.map { XYChart.Point(x: $0.0, y: $0.1) }, style: .line)]
            ).svg(),
            caption: "The mean squared temporal-difference error of the episode's updates (log scale; episodes "
                + "before learning starts have none).")
        if FileManager.default.fileExists(atPath: path("evaluation.csv")) {
            try heldOut(CSVTable(path: path("evaluation.csv")), into: &page)
        }
        return page.html
    }

    /// The held-out comparison: each strategy's mean adopters (and revenue), and its paired
    /// difference from the first strategy, episode by episode.
    private static func heldOut(_ evaluation: CSVTable, into page: inout HTMLReport) throws {
        let f = try evaluation.fields("strategy", "adopters", "revenue")
        let strategies = RunCharts.ordered(evaluation.rows.map { f.text($0, 0) })
        guard !strategies.isEmpty else { return }
        page.section("Held-out comparison")
        for (metric, position) in [("adopters", 1), ("revenue", 2)] {
            let values = strategies.map { strategy in
                evaluation.rows.filter { f.text($0, 0) == strategy }.map { f.number($0, position) }
            }
            guard values.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isFinite) }) else { continue }
            let means = zip(strategies, values).map { strategy, sample in
                let summary = SampleSummary(sample)
                return IntervalChart.Row(strategy, mean: summary.mean, low: summary.lower95, high: summary.upper95)
            }
            let differences = zip(strategies, values).dropFirst().map { strategy, sample in
                let summary = SampleSummary(zip(sample, values[0]).map { $0 - $1 })
                return IntervalChart.Row(strategy, mean: summary.mean, low: summary.lower95, high: summary.upper95)
            }
            page.figures(
                [
                    IntervalChart(
                        title: "mean \(metric) per held-out episode", axis: ChartAxis("mean \(metric)"), rows: means,
                        reference: nil
                    ).svg(),
                    IntervalChart(
                        title: "\(metric) minus \(strategies[0])'s, paired", axis: ChartAxis("difference in \(metric)"),
                        rows: differences
                    ).svg(),
                ],
                caption: "Each strategy's mean \(metric) over the held-out episodes with its 95% interval, and its "
                    + "difference from \(strategies[0]) on the same episodes (paired).")
        }
    }

    /// The mean of the last ``window`` values at every episode.
    static func runningMean(_ x: [Double], _ y: [Double]) -> [XYChart.Point] {
        var sum = 0.0
        return y.indices.map { index in
            sum += y[index]
            if index >= window { sum -= y[index - window] }
            return XYChart.Point(x: x[index], y: sum / Double(min(index + 1, window)))
        }
    }
}
