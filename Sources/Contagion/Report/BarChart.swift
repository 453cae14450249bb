import Foundation

/// Grouped bars: for every category a bar per series, side by side, on a linear axis from 0.
///
/// Every series is a `<g class="series" data-series="NAME" data-values="v₁;v₂;…">` (one value
/// per category, as the tables print them); the categories are in the root's
/// `data-categories`.
public struct BarChart: Sendable {
    /// The chart's title.
    public var title: String
    /// The categories along the x axis.
    public var categories: [String]
    /// The value axis (vertical).
    public var axis: ChartAxis
    /// The series: a name and one value per category.
    public var series: [(name: String, values: [Double])]

    /// Grouped bars titled `title`.
    public init(title: String, categories: [String], axis: ChartAxis, series: [(name: String, values: [Double])]) {
        self.title = title
        self.categories = categories
        self.axis = ChartAxis(axis.label, scale: .linear, includesZero: true)
        self.series = series
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let frame = ChartFrame(title: title, legend: series.map(\.name))
        let (domain, ticks) = axis.ticks(for: series.flatMap(\.values))
        var body = frame.yAxis(axis, domain: domain, ticks: ticks)
        body += frame.line(
            frame.plotX.lowerBound, frame.plotY.upperBound, frame.plotX.upperBound, frame.plotY.upperBound,
            colour: "#555")
        let slot = (frame.plotX.upperBound - frame.plotX.lowerBound) / Double(max(categories.count, 1))
        let barWidth = slot * 0.8 / Double(max(series.count, 1))
        for (index, category) in categories.enumerated() {
            let middle = frame.plotX.lowerBound + slot * (Double(index) + 0.5)
            body += frame.text(category, x: middle, y: frame.plotY.upperBound + 16, anchor: "middle")
        }
        let base = frame.y(axis.fraction(0, in: domain))
        for (seriesIndex, entry) in series.enumerated() {
            var markup = ""
            for (index, value) in entry.values.prefix(categories.count).enumerated() where value.isFinite {
                let left = frame.plotX.lowerBound + slot * (Double(index) + 0.1) + barWidth * Double(seriesIndex)
                let top = frame.y(axis.fraction(value, in: domain))
                markup += Markup.element(
                    "rect",
                    [
                        "x": Markup.coordinate(left), "y": Markup.coordinate(min(top, base)),
                        "width": Markup.coordinate(barWidth * 0.92), "height": Markup.coordinate(abs(base - top)),
                        "fill": Palette.colour(seriesIndex),
                    ],
                    Markup.element(
                        "title", [:], Markup.escape("\(entry.name), \(categories[index]): \(Markup.short(value))")))
            }
            body += Markup.element(
                "g",
                [
                    "class": "series", "data-series": entry.name,
                    "data-values": entry.values.map(Markup.data).joined(separator: ";"),
                ], markup)
        }
        return frame.svg(kind: "bars", data: [("data-categories", categories.joined(separator: ";"))], body)
    }
}
