import Foundation

/// A matrix of cells, each shaded by a tone in −1…1 (orange for negative, white at 0, blue for
/// positive; a diverging scale safe for colour-blind readers) and labelled with its text.
///
/// Every cell is a `<g class="cell" data-row data-column data-value>`, its value as the tables
/// print it.
public struct Heatmap: Sendable {
    /// One cell: the value its `data-value` carries, its label and its shade.
    public struct Cell: Sendable, Equatable {
        /// The value its `data-value` carries (for the pairwise matrix, Holm's p).
        public var value: Double
        /// The label drawn in it.
        public var text: String
        /// Its shade, −1 (orange) … 0 (white) … 1 (blue).
        public var tone: Double

        /// A cell for `value`, labelled `text`, shaded `tone` (−1…1).
        public init(value: Double, text: String, tone: Double) {
            self.value = value
            self.text = text
            self.tone = tone
        }
    }

    /// The chart's title.
    public var title: String
    /// The row and column labels.
    public var rows: [String], columns: [String]
    /// The cells, row by row (`nil`: an empty cell).
    public var cells: [[Cell?]]

    /// A heatmap titled `title`.
    public init(title: String, rows: [String], columns: [String], cells: [[Cell?]]) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    /// The fill of a tone: white blended towards blue (positive) or orange (negative).
    static func fill(_ tone: Double) -> String {
        let t = min(max(abs(tone), 0), 1)
        let target: (Double, Double, Double) = tone >= 0 ? (0, 114, 178) : (230, 159, 0)
        let channel = { (end: Double) in Int((255 + (end - 255) * t).rounded()) }
        return String(format: "#%02X%02X%02X", channel(target.0), channel(target.1), channel(target.2))
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let cellWidth = max(44.0, min(80, 430 / Double(max(columns.count, 1))))
        let cellHeight = 24.0
        var frame = ChartFrame(
            width: max(620, 170 + cellWidth * Double(columns.count) + 16),
            height: 34 + 22 + cellHeight * Double(rows.count) + 12,
            title: title)
        frame.left = 170
        var body = ""
        for (index, column) in columns.enumerated() {
            let label = Markup.truncated(column, to: 12)
            body += frame.text(label, x: frame.left + cellWidth * (Double(index) + 0.5), y: 50, anchor: "middle")
        }
        for (rowIndex, row) in rows.enumerated() {
            let top = 56 + cellHeight * Double(rowIndex)
            let label = Markup.truncated(row, to: 28)
            body += frame.text(label, x: frame.left - 8, y: top + cellHeight / 2 + 4, anchor: "end", colour: "#222")
            for (columnIndex, cell) in (rowIndex < cells.count ? cells[rowIndex] : []).prefix(columns.count)
                .enumerated()
            {
                guard let cell else { continue }
                let left = frame.left + cellWidth * Double(columnIndex)
                let ink = abs(cell.tone) > 0.55 ? "#ffffff" : "#222222"
                body += Markup.element(
                    "g",
                    [
                        "class": "cell", "data-row": row, "data-column": columns[columnIndex],
                        "data-value": Markup.data(cell.value),
                    ],
                    Markup.element(
                        "rect",
                        [
                            "x": Markup.coordinate(left), "y": Markup.coordinate(top),
                            "width": Markup.coordinate(cellWidth - 2), "height": Markup.coordinate(cellHeight - 2),
                            "fill": Self.fill(cell.tone),
                        ])
                        + frame.text(
                            cell.text, x: left + cellWidth / 2 - 1, y: top + cellHeight / 2 + 3, anchor: "middle",
                            colour: ink))
            }
        }
        return frame.svg(kind: "heatmap", body)
    }
}
