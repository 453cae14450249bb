import Foundation

/// A chart of numeric x against numeric y: lines (with 95% bands), points (with whiskers),
/// or both, one colour per series, on linear or logarithmic axes.
///
/// Every series is drawn inside `<g class="series" data-series="NAME" data-points="…">`, whose
/// `data-points` lists the plotted values exactly as the tables print them
/// (`x,y,low,high;…`, empty low and high without an interval), so a test or a reader can
/// take the data back from the drawing.
public struct XYChart: Sendable {
    /// One plotted value: x, y and, optionally, y's 95% interval.
    public struct Point: Sendable, Equatable {
        /// The coordinates.
        public var x: Double, y: Double
        /// The interval of `y` (`nil`: none).
        public var low: Double?, high: Double?

        /// The point (x, y), with its interval when given.
        public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil) {
            self.x = x
            self.y = y
            self.low = low
            self.high = high
        }
    }

    /// How a series is drawn.
    public enum Style: Sendable {
        /// A line through the points, its interval as a shaded band.
        case line
        /// A dot per point, its interval as a whisker.
        case points
        /// Both.
        case lineAndPoints
    }

    /// One named series.
    public struct Series: Sendable {
        /// The legend's name (and `data-series`).
        public var name: String
        /// The values, in drawing order.
        public var points: [Point]
        /// How it is drawn.
        public var style: Style

        /// A series `name` of `points`, drawn as `style`.
        public init(_ name: String, _ points: [Point], style: Style = .lineAndPoints) {
            self.name = name
            self.points = points
            self.style = style
        }
    }

    /// The chart's title.
    public var title: String
    /// The axes.
    public var x: ChartAxis, y: ChartAxis
    /// The series, in legend (and colour) order.
    public var series: [Series]

    /// A chart titled `title` of `series` on axes `x` and `y`.
    public init(title: String, x: ChartAxis, y: ChartAxis, series: [Series]) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let frame = ChartFrame(title: title, legend: series.count > 1 ? series.map(\.name) : [])
        // Points that cannot sit on the axes are left out; an interval that is not finite (one
        // replicate) is drawn as none.
        let drawn = series.map { series in
            series.points.filter { x.accepts($0.x) && y.accepts($0.y) }.map { point in
                var point = point
                if !(point.low.map(y.accepts) ?? false) || !(point.high.map(y.accepts) ?? false) {
                    (point.low, point.high) = (nil, nil)
                }
                return point
            }
        }
        let xs = drawn.flatMap { $0.map(\.x) }
        let ys = drawn.flatMap { $0.flatMap { [$0.y, $0.low, $0.high].compactMap { $0 }.filter(y.accepts) } }
        let (xDomain, xTicks) = x.ticks(for: xs)
        let (yDomain, yTicks) = y.ticks(for: ys)
        var body = frame.xAxis(x, domain: xDomain, ticks: xTicks) + frame.yAxis(y, domain: yDomain, ticks: yTicks)
        func px(_ value: Double) -> Double { frame.x(x.fraction(value, in: xDomain)) }
        func py(_ value: Double) -> Double {
            frame.y(min(max(y.fraction(value, in: yDomain), -0.02), 1.02))
        }
        for (index, points) in drawn.enumerated() {
            let colour = Palette.colour(index)
            let style = series[index].style
            var markup = ""
            let banded = points.filter { $0.low != nil && $0.high != nil }
            if style != .points && banded.count > 1 {
                let upper = banded.map { "\(Markup.coordinate(px($0.x))),\(Markup.coordinate(py($0.high ?? $0.y)))" }
                let lower = banded.reversed().map {
                    "\(Markup.coordinate(px($0.x))),\(Markup.coordinate(py($0.low ?? $0.y)))"
                }
                markup += Markup.element(
                    "polygon",
                    ["points": (upper + lower).joined(separator: " "), "fill": colour, "fill-opacity": "0.15"])
            }
            if style != .points && points.count > 1 {
                markup += Markup.element(
                    "polyline",
                    [
                        "points": points.map { "\(Markup.coordinate(px($0.x))),\(Markup.coordinate(py($0.y)))" }
                            .joined(separator: " "),
                        "fill": "none", "stroke": colour, "stroke-width": "1.8",
                    ])
            }
            if style != .line || points.count == 1 {
                for point in points {
                    if let low = point.low, let high = point.high, style == .points || points.count == 1 {
                        markup += frame.line(px(point.x), py(low), px(point.x), py(high), colour: colour, width: 1.4)
                    }
                    markup += Markup.element(
                        "circle",
                        [
                            "cx": Markup.coordinate(px(point.x)), "cy": Markup.coordinate(py(point.y)),
                            "r": points.count > 200 ? "1.6" : "3", "fill": colour,
                            "fill-opacity": points.count > 200 ? "0.5" : "1",
                        ])
                }
            }
            let data = points.map { point in
                [point.x, point.y].map(Markup.data).joined(separator: ",") + ","
                    + [point.low, point.high].map { $0.map(Markup.data) ?? "" }.joined(separator: ",")
            }
            body += Markup.element(
                "g",
                ["class": "series", "data-series": series[index].name, "data-points": data.joined(separator: ";")],
                markup)
        }
        return frame.svg(kind: "xy", body)
    }
}
