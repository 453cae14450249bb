import Foundation
import Testing

@testable import Contagion

/// The plotting layer: ticks, escaping, log axes, colours, well-formed SVG.
@Suite struct ChartTests {
    @Test(arguments: [
        ([0.0, 7.3], [0.0, 2, 4, 6, 8]), ([13.0, 96.0], [0.0, 20, 40, 60, 80, 100]),
        ([0.21, 0.48], [0.2, 0.3, 0.4, 0.5]),
    ])
    func linearTicksAreNiceSteps(values: [Double], ticks: [Double]) {
        let (domain, drawn) = ChartAxis("x", includesZero: values[0] == 0 || values[1] > 50).ticks(for: values)
        #expect(drawn.count == ticks.count)
        #expect(zip(drawn, ticks).allSatisfy { abs($0 - $1) < 1e-9 }, "\(drawn)")
        #expect(domain.lowerBound <= values[0] && domain.upperBound >= values[1])
    }

    @Test func logTicksArePowersOfTenAndDropWhatCannotBeDrawn() {
        let axis = ChartAxis("x", scale: .logarithmic)
        let (domain, ticks) = axis.ticks(for: [3, 0, -1, 4500])
        #expect(domain == 1...10_000 && ticks == [1, 10, 100, 1000, 10_000])
        #expect(axis.ticks(for: [20, 70]).ticks == [10, 20, 50, 100])
        let chart = XYChart(
            title: "t", x: axis, y: ChartAxis("y"),
            series: [.init("s", [.init(x: 0, y: 1), .init(x: 10, y: 2), .init(x: 100, y: 3)])])
        // The point at x = 0 cannot sit on a log axis: it is left out of the drawing and its data.
        #expect(chart.svg().contains("data-points=\"10,2,,;100,3,,\""))
    }

    @Test func textIsEscapedEverywhere() throws {
        let name = "a<b & \"c\" 'd'>"
        let svg = XYChart(
            title: name, x: ChartAxis(name), y: ChartAxis("y"),
            series: [.init(name, [.init(x: 1, y: 1)]), .init("other", [.init(x: 2, y: 2)])]
        ).svg()
        #expect(!svg.contains(name))
        let document = try ReportDocument(html: svg)
        #expect(document.all("g", where: "data-series", is: name).count == 1)
    }

    @Test func heatmapTonesRunFromOrangeThroughWhiteToBlue() {
        #expect(Heatmap.fill(0) == "#FFFFFF")
        #expect(Heatmap.fill(1) == "#0072B2")
        #expect(Heatmap.fill(-1) == "#E69F00")
        #expect(Heatmap.fill(5) == "#0072B2")
    }

    @Test func everyChartKindIsWellFormed() throws {
        let charts = [
            IntervalChart(title: "i", axis: ChartAxis("d"), rows: [.init("a", mean: 1, low: -1, high: 3)]).svg(),
            BarChart(title: "b", categories: ["x", "y"], axis: ChartAxis("n"), series: [("s", [1, 2])]).svg(),
            Heatmap(
                title: "h", rows: ["a", "b"], columns: ["a", "b"],
                cells: [
                    [nil, .init(value: 0.01, text: "3 *", tone: 0.8)],
                    [.init(value: 0.01, text: "-3 *", tone: -0.8), nil],
                ]
            ).svg(),
            TreeDiagram(
                title: "t", nodes: [.init(user: "0", parent: nil, step: 0), .init(user: "1", parent: 0, step: 1)]
            ).svg(),
        ]
        for chart in charts { _ = try ReportDocument(html: chart) }
        #expect(charts[1].contains("data-categories=\"x;y\"") && charts[1].contains("data-values=\"1;2\""))
    }

    @Test func shortNumbersUseThousandsAndMillions() {
        #expect(Markup.short(12_500) == "12.5k")
        #expect(Markup.short(3_000_000) == "3M")
        #expect(Markup.short(56.1) == "56.1")
        #expect(Markup.short(0.00123) == "0.00123")
        #expect(Markup.short(0.000001) == "1e-6")
        #expect(Markup.short(0.000025) == "2.5e-5")
        #expect(Markup.short(-0.0) == "0")
    }
}
