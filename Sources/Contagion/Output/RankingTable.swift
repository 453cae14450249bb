import Foundation

/// The compact ranking `contagion run` prints at the end: per budget (and recommender and
/// graph, model and item, when there are several), the arms by mean adopters with their 95%
/// intervals, the best marked `best` and the arms not significantly worse marked `tied`. A
/// joint campaign is ranked on its items taken together (item `all`) only.
public enum RankingTable {
    /// The metric ranked.
    static let metric = "adopters"

    /// The table's lines for one graph (`graph`: its label in the titles, or `nil`).
    public static func lines(_ result: ExperimentResult, plan: ExperimentPlan, graph: String? = nil) -> [String] {
        guard let metric = CascadeStatistics.metrics.firstIndex(where: { $0.name == metric }) else { return [] }
        let cells = result.comparisons.cells.filter {
            $0.metric == metric && (plan.joint == nil || plan.targets[$0.itemIndex].isCampaign)
        }
        let nameWidth = result.arms.map(\.name.count).max() ?? 0
        var lines: [String] = []
        for cell in cells {
            var title = (graph.map { "graph \($0), " } ?? "") + "k = \(cell.budget)"
            if plan.recommenderNames.count > 1 { title += ", recommender \(plan.recommenderNames[cell.recommender])" }
            if plan.variants.count > 1 { title += ", model \(plan.modelLabel(cell.itemIndex))" }
            if Set(plan.items).count > 1 && plan.joint == nil { title += ", item \(plan.itemLabel(cell.itemIndex))" }
            if plan.joint != nil {
                title += ", items \(plan.items.filter { $0 >= 0 }.map(String.init).joined(separator: "+")) jointly"
            }
            lines.append("\(title): mean adopters over \(result.replicates) replicates, 95% interval")
            let order = cell.arms.indices.sorted { cell.ranks[$0] < cell.ranks[$1] }
            for position in order {
                let s = cell.summaries[position]
                let name = result.arms[cell.arms[position]].name
                let mark = cell.ranks[position] == 1 ? "best" : cell.tiedWithBest[position] ? "tied" : ""
                let interval = s.count > 1 ? String(format: "[%.2f, %.2f]", s.lower95, s.upper95) : ""
                let padded = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let fields = [
                    String(format: "%4d", cell.ranks[position]), padded, String(format: "%10.2f", s.mean), interval,
                    mark,
                ]
                var line = "  " + fields.joined(separator: "  ")
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
            }
        }
        return lines
    }
}
