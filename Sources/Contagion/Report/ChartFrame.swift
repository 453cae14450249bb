import Foundation

/// The parts every chart shares: the SVG root, the title, the plot area, numeric axes with
/// ticks and grid lines, and the legend at the right.
struct ChartFrame {
    /// The drawing's size.
    let width: Double, height: Double
    /// The chart's title.
    let title: String
    /// The legend's entries (series names, in palette order); none: no legend.
    let legend: [String]
    /// Room left of the plot area, for the y ticks and label.
    var left = 64.0
    /// Room above it, for the title.
    let top = 34.0
    /// Room below it, for the x ticks and label.
    var bottom = 46.0

    /// A frame of `width` × `height` titled `title`.
    init(width: Double = 620, height: Double = 360, title: String, legend: [String] = []) {
        self.width = width
        self.height = height
        self.title = title
        self.legend = legend
    }

    /// Room right of the plot area, for the legend.
    var right: Double { legend.isEmpty ? 16 : 156 }
    /// The plot area's left and right edges.
    var plotX: ClosedRange<Double> { left...(width - right) }
    /// The plot area's top and bottom edges.
    var plotY: ClosedRange<Double> { top...(height - bottom) }

    /// The drawing x of a fraction 0…1 along the plot area.
    func x(_ fraction: Double) -> Double { plotX.lowerBound + fraction * (plotX.upperBound - plotX.lowerBound) }
    /// The drawing y of a fraction 0…1 up the plot area.
    func y(_ fraction: Double) -> Double { plotY.upperBound - fraction * (plotY.upperBound - plotY.lowerBound) }

    /// The whole SVG: root (with `data` attributes added to it), background, title, `body`, legend.
    func svg(kind: String, data: [(String, String)] = [], _ body: String) -> String {
        Markup.element(
            "svg",
            attributes: [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                ("width", String(Int(width))), ("height", String(Int(height))), ("role", "img"),
                ("aria-label", title), ("class", "chart"), ("data-chart", kind),
                ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"),
                ("font-size", "11"),
            ] + data,
            Markup.element("title", [:], Markup.escape(title))
                + Markup.element("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"])
                + Markup.element(
                    "text",
                    ["x": "12", "y": "18", "font-size": "13", "font-weight": "600", "fill": "#222"],
                    Markup.escape(shownTitle)) + body + legendMarkup())
    }

    /// The title as drawn: cut with an ellipsis where it would run past the drawing (the
    /// whole title is the SVG's `<title>` and `aria-label`).
    private var shownTitle: String {
        Markup.truncated(title, to: Int((width - 24) / 7.2))
    }

    /// The legend: a swatch and a name per entry, top right.
    private func legendMarkup() -> String {
        guard !legend.isEmpty else { return "" }
        let x0 = width - right + 14
        return legend.enumerated().map { index, name in
            let y = top + 6 + Double(index) * 17
            let label = Markup.truncated(name, to: 22)
            return Markup.element(
                "rect",
                [
                    "x": Markup.coordinate(x0), "y": Markup.coordinate(y - 8), "width": "12", "height": "10",
                    "fill": Palette.colour(index),
                ])
                + Markup.element(
                    "text", ["x": Markup.coordinate(x0 + 17), "y": Markup.coordinate(y + 1), "fill": "#222"],
                    Markup.element("title", [:], Markup.escape(name)) + Markup.escape(label))
        }.joined()
    }

    /// The x axis along the bottom: ticks, labels, grid lines and the axis label.
    func xAxis(_ axis: ChartAxis, domain: ClosedRange<Double>, ticks: [Double]) -> String {
        var markup = line(plotX.lowerBound, plotY.upperBound, plotX.upperBound, plotY.upperBound, colour: "#555")
        for tick in ticks {
            let px = x(axis.fraction(tick, in: domain))
            markup += line(px, plotY.lowerBound, px, plotY.upperBound, colour: "#e6e6e6")
            markup += line(px, plotY.upperBound, px, plotY.upperBound + 4, colour: "#555")
            markup += text(Markup.short(tick), x: px, y: plotY.upperBound + 16, anchor: "middle")
        }
        let middle = (plotX.lowerBound + plotX.upperBound) / 2
        return markup + text(axis.label, x: middle, y: height - 8, anchor: "middle", colour: "#222")
    }

    /// The y axis along the left: ticks, labels, grid lines and the axis label (rotated).
    func yAxis(_ axis: ChartAxis, domain: ClosedRange<Double>, ticks: [Double]) -> String {
        var markup = line(plotX.lowerBound, plotY.lowerBound, plotX.lowerBound, plotY.upperBound, colour: "#555")
        for tick in ticks {
            let py = y(axis.fraction(tick, in: domain))
            markup += line(plotX.lowerBound, py, plotX.upperBound, py, colour: "#e6e6e6")
            markup += line(plotX.lowerBound - 4, py, plotX.lowerBound, py, colour: "#555")
            markup += text(Markup.short(tick), x: plotX.lowerBound - 7, y: py + 4, anchor: "end")
        }
        let middle = (plotY.lowerBound + plotY.upperBound) / 2
        return markup
            + Markup.element(
                "text",
                [
                    "x": "14", "y": Markup.coordinate(middle), "text-anchor": "middle", "fill": "#222",
                    "transform": "rotate(-90 14 \(Markup.coordinate(middle)))",
                ], Markup.escape(axis.label))
    }

    /// A line segment.
    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double = 1) -> String {
        Markup.element(
            "line",
            [
                "x1": Markup.coordinate(x1), "y1": Markup.coordinate(y1), "x2": Markup.coordinate(x2),
                "y2": Markup.coordinate(y2), "stroke": colour, "stroke-width": Markup.coordinate(width),
            ])
    }

    /// A text label.
    func text(_ text: String, x: Double, y: Double, anchor: String = "start", colour: String = "#444") -> String {
        Markup.element(
            "text",
            ["x": Markup.coordinate(x), "y": Markup.coordinate(y), "text-anchor": anchor, "fill": colour],
            Markup.escape(text))
    }
}
