import Foundation

/// `report.html` of a `contagion run` folder, drawn from its tables and manifest: the scenario
/// in a sentence, spread against budget, the ranking, paired differences, the pairwise
/// significance, cascade-size distributions, adoption over time, virality, what selection
/// costs, the funnel and a sample cascade tree.
public enum RunReport {
    /// The page for the run whose files `path(name)` locates (the folder's files, or the
    /// pending ones of a run still writing them).
    ///
    /// - Throws: ``ReportError`` for a missing or malformed file.
    public static func render(path: (String) -> String) throws -> String {
        let summary = try CSVTable(path: path("summary.csv"))
        let adopters = try RunCharts.summaryRows(summary, metric: "adopters")
        let manifest = try ManifestFacts(path: path("manifest.json"), arms: adopters)
        let names = RunCharts.PanelNames(RunCharts.ordered(adopters.map(\.panel)))
        let charted = adopters.filter { names.charts($0.panel) }
        var page = HTMLReport(title: "\(manifest.name): which seeding policy spreads furthest", lead: manifest.sentence)
        page.facts(manifest.facts)
        if names.count > RunCharts.PanelNames.chartedPanels {
            page.paragraph(
                "The charts show the first \(RunCharts.PanelNames.chartedPanels) of the run's \(names.count) panels "
                    + "(graph, recommender, model, item); the ranking and the tables hold all of them.")
        }

        page.section("Spread against budget")
        page.figures(
            RunCharts.metricAgainstBudget(charted, metric: "adopters", unit: "users", names: names),
            caption: "Mean adopters per cascade (seeds included) at each budget k, with 95% intervals; one panel per "
                + "graph, model and item.")
        if try RunCharts.summaryRows(summary, metric: "purchases").contains(where: { $0.mean > 0 }) {
            for (metric, unit) in [("purchases", "users"), ("revenue", "currency")] {
                page.figures(
                    RunCharts.metricAgainstBudget(
                        try RunCharts.summaryRows(summary, metric: metric).filter { names.charts($0.panel) },
                        metric: metric, unit: unit, names: names),
                    caption: "Mean \(metric) per cascade at each budget, with 95% intervals.")
            }
        }

        page.section("Ranking")
        let ranking = RunCharts.ranking(adopters, names: names)
        page.table(
            ["panel", "k", "rank", "policy", "mean adopters", "95% interval", ""], ranking.rows, marks: ranking.marks)
        page.paragraph(
            "An arm is tied with the best when its paired comparison with the best is not significant at 5% "
                + "after Holm's adjustment over the pairs of its cell (comparisons.csv).")

        page.section("Paired differences")
        page.figures(
            RunCharts.baselineForest(charted, names: names),
            caption: "Each policy's mean adopters minus the baseline's, paired replicate by replicate in the same "
                + "possible worlds, with 95% intervals; coloured where the interval excludes 0.")
        let comparisons = try CSVTable(path: path("comparisons.csv"))
        page.figures(
            try RunCharts.significanceMatrices(comparisons, metric: "adopters", names: names),
            caption: "Every pair at one k: mean adopters of the row's policy minus the column's; blue where the row "
                + "is ahead, orange where behind, strong colour and * where Holm's adjusted p < 0.05.")

        let runs = try CSVTable(path: path("runs.csv"))
        page.section("Cascades")
        page.figures(
            try RunCharts.cascadeSizeDistribution(runs, names: names),
            caption: "The complementary CDF of cascade sizes on log–log axes, at each panel's largest k: the "
                + "fraction of replicates that reached at least s adopters.")
        page.figures(
            try RunCharts.adoptionCurves(CSVTable(path: path("curves.csv")), names: names),
            caption: "Mean cumulative adopters after each step with 95% bands; cascades that ended earlier count "
                + "with their final size.")
        page.figures(
            try RunCharts.viralityAgainstSize(runs, names: names),
            caption: "Structural virality (the mean distance between two users of one cascade tree) against the "
                + "cascade's size: broadcasts stay low, person-to-person chains climb.")
        page.figures(
            try RunCharts.funnels(summary, names: names),
            caption: "Mean users per cascade at each stage of the content-aware funnel.")

        page.section("What selection costs")
        page.figures(
            try RunCharts.costAgainstQuality(CSVTable(path: path("timings.csv")), charted, names: names),
            caption: "Wall-clock seconds each policy spent choosing its seeds (log scale, from timings.csv; not "
                + "deterministic) against the mean adopters it reached, one dot per budget.")

        // The first cascade is all the tree needs: the first 16 MiB of a table that can be huge.
        if manifest.files.contains("events.csv"),
            let tree = try RunCharts.sampleTree(CSVTable(path: path("events.csv"), maximumBytes: 16 << 20))
        {
            page.section("A cascade")
            page.figure(tree.svg, caption: tree.caption)
        }
        return page.html
    }
}

/// What a report takes from `manifest.json`.
struct ManifestFacts {
    var name: String
    var sentence: String
    var facts: [(String, String)]
    var files: [String]

    /// The facts of the manifest at `path`; the policies, budgets, models and replicates are
    /// those of the tables' `arms` (summary.csv's rows of one metric).
    init(path: String, arms: [RunCharts.SummaryRow]) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReportError.missing(path) }
        guard let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let scenario = manifest["scenario"] as? [String: Any]
        else { throw ReportError.malformed(path, line: 1, "is not a manifest (no scenario object)") }
        name = scenario["name"] as? String ?? "run"
        files = manifest["files"] as? [String] ?? []
        let graphs = (manifest["graphs"] as? [[String: Any]] ?? []).map { graph in
            "\(graph["graph"] as? String ?? "graph") (\(graph["nodes"] as? Int ?? 0) users, "
                + "\(graph["arcs"] as? Int ?? 0) arcs)"
        }
        let policies = RunCharts.ordered(arms.map(\.policy))
        let budgets = Set(arms.map(\.k)).sorted().map(String.init)
        let models = RunCharts.ordered(arms.map(\.panel.model))
        let counts = Set(arms.map(\.runs)).sorted()
        let replicates = counts.count > 1 ? "\(counts[0])–\(counts[counts.count - 1])" : String(counts.first ?? 0)
        let seed = manifest["master_seed"] as? UInt64 ?? 0
        sentence =
            (policies.count == 1
                ? "1 policy (\(policies[0])) chooses"
                : "\(policies.count) policies (\(policies.joined(separator: ", "))) each choose")
            + " k ∈ {\(budgets.joined(separator: ", "))} seed users on \(graphs.joined(separator: "; ")) under "
            + "\(models.joined(separator: ", ")); every arm runs \(replicates) replicates in the same possible "
            + "worlds (master seed \(seed))."
        facts = [
            ("graph", graphs.joined(separator: "; ")), ("model", models.joined(separator: ", ")),
            ("policies", policies.joined(separator: ", ")), ("budgets k", budgets.joined(separator: ", ")),
            ("baseline", scenario["baseline"] as? String ?? ""), ("replicates per arm", replicates),
            ("master seed", String(seed)), ("version", manifest["version"] as? String ?? ""),
        ]
    }
}
