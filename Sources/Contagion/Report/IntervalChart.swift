import Foundation

/// A forest plot: one row per estimate, a dot with its 95% interval as a bar. With a
/// reference (0, for differences) a line marks it and rows whose interval excludes it are
/// drawn in colour, the others in grey; without one (means side by side) each row has its
/// palette colour.
///
/// Every row is a `<g class="interval" data-label data-mean data-low data-high>`, its values
/// as the tables print them.
public struct IntervalChart: Sendable {
    /// One row: a label, the estimate and its interval.
    public struct Row: Sendable, Equatable {
        /// The label at the left.
        public var label: String
        /// The estimate and its interval.
        public var mean: Double, low: Double, high: Double

        /// The row `label`: `mean` in [`low`, `high`].
        public init(_ label: String, mean: Double, low: Double, high: Double) {
            self.label = label
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    /// The chart's title.
    public var title: String
    /// The numeric axis (horizontal).
    public var axis: ChartAxis
    /// The rows, top to bottom.
    public var rows: [Row]
    /// The value marked by a line (`nil`: none).
    public var reference: Double?

    /// A forest plot titled `title`, with a line at `reference`.
    public init(title: String, axis: ChartAxis, rows: [Row], reference: Double? = 0) {
        self.title = title
        self.axis = ChartAxis(axis.label, scale: .linear, includesZero: true)
        self.rows = rows
        self.reference = reference
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        var frame = ChartFrame(height: 34 + 46 + 24 * Double(max(rows.count, 1)) + 8, title: title)
        frame.left = 170
        let values = rows.flatMap { [$0.low, $0.high, $0.mean] }
        let (domain, ticks) = axis.ticks(for: values)
        var body = frame.xAxis(axis, domain: domain, ticks: ticks)
        if let reference {
            let line = frame.x(axis.fraction(reference, in: domain))
            body += frame.line(line, frame.plotY.lowerBound, line, frame.plotY.upperBound, colour: "#888", width: 1.2)
        }
        let rowHeight = (frame.plotY.upperBound - frame.plotY.lowerBound) / Double(max(rows.count, 1))
        for (index, row) in rows.enumerated() {
            let y = frame.plotY.lowerBound + rowHeight * (Double(index) + 0.5)
            let colour =
                reference.map { row.low > $0 || row.high < $0 ? Palette.colour(0) : "#999999" } ?? Palette.colour(index)
            let x = { (value: Double) in frame.x(axis.fraction(value, in: domain)) }
            let label = Markup.truncated(row.label, to: 28)
            let markup =
                frame.text(label, x: frame.left - 8, y: y + 4, anchor: "end", colour: "#222")
                + (row.low.isFinite && row.high.isFinite
                    ? frame.line(x(row.low), y, x(row.high), y, colour: colour, width: 2.2) : "")
                + (row.mean.isFinite
                    ? Markup.element(
                        "circle",
                        ["cx": Markup.coordinate(x(row.mean)), "cy": Markup.coordinate(y), "r": "4", "fill": colour])
                    : "")
            body += Markup.element(
                "g",
                [
                    "class": "interval", "data-label": row.label, "data-mean": Markup.data(row.mean),
                    "data-low": Markup.data(row.low), "data-high": Markup.data(row.high),
                ], markup)
        }
        return frame.svg(kind: "interval", body)
    }
}
