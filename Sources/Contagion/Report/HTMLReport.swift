import Foundation

/// A self-contained HTML page: inline CSS, inline SVG charts, no script, nothing fetched (no
/// fonts, no images from the network), readable in any browser and on paper. The page is
/// well-formed XML too (void elements closed), so any XML parser can read its charts' data.
public struct HTMLReport: Sendable {
    /// The page title (the first heading too).
    public var title: String
    /// The sentence under the title.
    public var lead: String
    private var body = ""

    /// A page titled `title`, led by `lead`.
    public init(title: String, lead: String) {
        self.title = title
        self.lead = lead
    }

    /// Starts a section headed `heading`.
    public mutating func section(_ heading: String) {
        body += Markup.element("h2", [:], Markup.escape(heading))
    }

    /// A paragraph of plain text.
    public mutating func paragraph(_ text: String) {
        body += Markup.element("p", [:], Markup.escape(text))
    }

    /// A chart (an `<svg>` element) with a caption.
    public mutating func figure(_ svg: String, caption: String) {
        body += Markup.element("figure", [:], svg + Markup.element("figcaption", [:], Markup.escape(caption)))
    }

    /// Several charts side by side (wrapping on narrow screens), under one caption.
    public mutating func figures(_ svgs: [String], caption: String) {
        guard !svgs.isEmpty else { return }
        body += Markup.element(
            "figure", ["class": "panels"],
            Markup.element("div", ["class": "row"], svgs.joined())
                + Markup.element("figcaption", [:], Markup.escape(caption)))
    }

    /// A table: a header row and rows of text; `marks` (per row) adds a class to rows worth a
    /// glance (`best`, `tied`).
    public mutating func table(_ header: [String], _ rows: [[String]], marks: [String?] = []) {
        let head = Markup.element(
            "tr", [:], header.map { Markup.element("th", [:], Markup.escape($0)) }.joined())
        let lines = rows.enumerated().map { index, row in
            let cells = row.map { Markup.element("td", [:], Markup.escape($0)) }.joined()
            guard index < marks.count, let mark = marks[index] else { return Markup.element("tr", [:], cells) }
            return Markup.element("tr", ["class": mark], cells)
        }
        body += Markup.element(
            "table", [:], Markup.element("thead", [:], head) + Markup.element("tbody", [:], lines.joined()))
    }

    /// A list of `key: value` facts.
    public mutating func facts(_ facts: [(String, String)]) {
        body += Markup.element(
            "dl", [:],
            facts.map {
                Markup.element("dt", [:], Markup.escape($0.0)) + Markup.element("dd", [:], Markup.escape($0.1))
            }
            .joined())
    }

    /// The page.
    public var html: String {
        "<!DOCTYPE html>\n"
            + Markup.element(
                "html", ["lang": "en"],
                Markup.element(
                    "head", [:],
                    Markup.element("meta", ["charset": "utf-8"])
                        + Markup.element(
                            "meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                        + Markup.element("title", [:], Markup.escape(title)) + Markup.element("style", [:], Self.css))
                    + Markup.element(
                        "body", [:],
                        Markup.element("h1", [:], Markup.escape(title))
                            + Markup.element("p", ["class": "lead"], Markup.escape(lead))
                            + body
                            + Markup.element(
                                "footer", [:], Markup.escape("Written by Contagion \(ContagionVersion.string)."))))
            + "\n"
    }

    /// The page's style: system fonts, readable widths, charts that scale down, print rules.
    static let css = """
        body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;\
        max-width:1320px;margin:24px auto;padding:0 20px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #ddd;\
        padding-bottom:4px}.lead{color:#444;margin:0 0 16px;max-width:900px}
        figure{margin:12px 0 20px}figure svg{max-width:100%;height:auto}.row{display:flex;flex-wrap:wrap;gap:12px}
        figcaption{color:#555;font-size:13px;max-width:900px}
        table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
        th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:left}th{background:#f6f6f6}
        tr.best td{font-weight:600}tr.tied td{color:#0b4f80}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{color:#555}dd{margin:0}
        footer{margin-top:40px;color:#888;font-size:12px}
        @media print{body{max-width:none;margin:0}h2{break-after:avoid}figure,table{break-inside:avoid}}
        """
}
