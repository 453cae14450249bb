import Foundation

/// `report.html` of a `contagion generate` folder, drawn from its `statistics.csv`: item
/// popularity, user activity, cascade sizes, click rate by affinity, channels over time,
/// segments against communities.
public enum DatasetReport {
    /// The page for the dataset whose files `path(name)` locates; its name is the one its card
    /// (`dataset.md`) gives.
    ///
    /// - Throws: ``ReportError`` for a missing or malformed file.
    public static func render(path: (String) -> String) throws -> String {
        let name = try datasetName(card: path("dataset.md"))
        let table = try CSVTable(path: path("statistics.csv"))
        let f = try table.fields("statistic", "x", "series", "value")
        func rows(_ statistic: String) -> [(x: Double, series: String, value: Double)] {
            table.rows.filter { f.text($0, 0) == statistic }.map { (f.number($0, 1), f.text($0, 2), f.number($0, 3)) }
        }
        func points(_ statistic: String) -> [XYChart.Point] {
            rows(statistic).map { XYChart.Point(x: $0.x, y: $0.value) }
        }
        var page = HTMLReport(
            title: "Dataset \(name): what the simulated platform logged",
            lead: "The aggregates of the dataset's interactions (statistics.csv); dataset.md holds the card, the "
                + "split and the baselines.")
        page.section("Items and users")
        page.figures(
            [
                XYChart(
                    title: "item popularity", x: ChartAxis("rank of the item by clicks", scale: .logarithmic),
                    y: ChartAxis("clicks", scale: .logarithmic),
                    series: [.init("items", points("item_popularity"), style: .lineAndPoints)]
                ).svg(),
                XYChart(
                    title: "user activity", x: ChartAxis("clicks by the user", scale: .logarithmic),
                    y: ChartAxis("users", scale: .logarithmic),
                    series: [.init("users", points("user_activity"), style: .points)]
                ).svg(),
            ],
            caption: "Rank–frequency of item clicks (items with no click are not drawn on the log axes), and how "
                + "many users clicked exactly c times.")
        page.figure(
            XYChart(
                title: "cascade sizes", x: ChartAxis("shares in the tree", scale: .logarithmic),
                y: ChartAxis("share trees", scale: .logarithmic),
                series: [.init("trees", points("cascade_size"), style: .points)]
            ).svg(),
            caption: "Share trees by size: a tree starts at a share with no friend behind it (a launch or a "
                + "recommendation) and holds every share it caused.")

        page.section("Clicks and channels")
        let deciles = rows("affinity_decile")
        let impressions = deciles.filter { $0.series == "impressions" }
        let clicks = deciles.filter { $0.series == "clicks" }
        page.figure(
            XYChart(
                title: "click rate by affinity decile", x: ChartAxis("decile of the user's true affinity to the item"),
                y: ChartAxis("clicks per impression", includesZero: true),
                series: [
                    .init(
                        "click rate",
                        zip(impressions, clicks).filter { $0.0.value > 0 }.map {
                            XYChart.Point(x: $0.0.x, y: $0.1.value / $0.0.value)
                        })
                ]
            ).svg(),
            caption: "The share of exposures that were clicked, by decile of the user's true interest in the item: "
                + "the signal a recommender can learn.")
        let channels = rows("channel_impressions")
        let steps = RunCharts.ordered(channels.map(\.x))
        let totals = Dictionary(grouping: channels, by: \.x).mapValues { $0.map(\.value).reduce(0, +) }
        page.figure(
            XYChart(
                title: "channels over time", x: ChartAxis("step"),
                y: ChartAxis("share of the step's impressions", includesZero: true),
                series: ExposureChannel.allCases.map { channel in
                    .init(
                        channel.rawValue,
                        steps.compactMap { step in
                            guard let total = totals[step], total > 0,
                                let count = channels.first(where: { $0.x == step && $0.series == channel.rawValue })
                            else { return nil }
                            return XYChart.Point(x: step, y: count.value / total)
                        }, style: .line)
                }
            ).svg(),
            caption: "Of each step's impressions, the fraction seen through a launch (seed), a friend's share "
                + "(social) or the recommender's feed.")

        page.section("Segments")
        let crossTab = rows("segment_community")
        let communities = RunCharts.ordered(crossTab.map(\.x)).sorted()
        let segments = RunCharts.ordered(crossTab.map(\.series))
        let segmentTotals = Dictionary(grouping: crossTab, by: \.series).mapValues { $0.map(\.value).reduce(0, +) }
        page.figure(
            Heatmap(
                title: "behaviour segments against true communities",
                rows: segments.map { $0 == "none" ? "no click" : "segment \($0)" },
                columns: communities.map { $0.isFinite ? "community \(Int($0))" : "community ?" },
                cells: segments.map { segment in
                    communities.map { community in
                        crossTab.first { $0.series == segment && $0.x == community }.map { cell in
                            let share = cell.value / (segmentTotals[segment] ?? 1)
                            return Heatmap.Cell(value: cell.value, text: Markup.short(cell.value), tone: share)
                        }
                    }
                }
            ).svg(),
            caption:
                "Users per (k-means segment of what they clicked, true community), shaded by the fraction of the segment's "
                + "users in each community: a segment that recovers a community is one dark cell in its row.")
        return page.html
    }

    /// The name in the card's first line, `# Dataset `NAME``.
    static func datasetName(card path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReportError.missing(path) }
        let firstLine = String(decoding: data.prefix(while: { $0 != UInt8(ascii: "\n") }), as: UTF8.self)
        let parts = firstLine.split(separator: "`", omittingEmptySubsequences: false)
        guard firstLine.hasPrefix("# Dataset "), parts.count >= 3 else {
            throw ReportError.malformed(path, line: 1, "is not a dataset card (no '# Dataset `NAME`' line)")
        }
        return String(parts[1])
    }
}
