/// `statistics.csv`: the aggregates of a generated dataset that its report draws, in one long
/// table (`statistic`, `x`, `series`, `value`), so `contagion report` can draw them again
/// without reading the interactions.
///
/// | `statistic` | `x` | `series` | `value` |
/// |---|---|---|---|
/// | `item_popularity` | rank 1…m by clicks | | clicks of that item |
/// | `user_activity` | clicks c ≥ 1 | | users with exactly c clicks |
/// | `cascade_size` | shares s ≥ 1 | | share trees with s shares |
/// | `affinity_decile` | decile 1…10 | `impressions`, `clicks` | exposures in the decile and their clicks |
/// | `channel_impressions` | step | `seed`, `social`, `recommendation` | impressions through the channel |
/// | `segment_community` | community | segment (`none`: no click) | users |
enum DatasetStatistics {
    /// One row.
    struct Row {
        var statistic: String
        var x: Int
        var series = ""
        var value: Int
    }

    /// Every row, statistic by statistic.
    static func rows(tally: DatasetTally, communities: [Int32], segments: [Int32]) -> [Row] {
        var rows: [Row] = []
        let popularity = tally.itemClicks.sorted(by: >)
        rows += popularity.enumerated().map { Row(statistic: "item_popularity", x: $0 + 1, value: $1) }
        rows += histogram(tally.userClicks.map(Int.init).filter { $0 > 0 }).map {
            Row(statistic: "user_activity", x: $0.key, value: $0.count)
        }
        rows += histogram(tally.treeSizes.map(Int.init)).map {
            Row(statistic: "cascade_size", x: $0.key, value: $0.count)
        }
        for decile in 0..<10 {
            rows.append(
                Row(
                    statistic: "affinity_decile", x: decile + 1, series: "impressions",
                    value: tally.impressionsByDecile[decile]))
            rows.append(
                Row(statistic: "affinity_decile", x: decile + 1, series: "clicks", value: tally.clicksByDecile[decile]))
        }
        for (step, counts) in tally.impressionsByStep.enumerated() {
            for channel in ExposureChannel.allCases {
                rows.append(
                    Row(
                        statistic: "channel_impressions", x: step, series: channel.rawValue,
                        value: counts[channel.caseIndex]))
            }
        }
        var crossTab: [Int32: [Int32: Int]] = [:]
        for (community, segment) in zip(communities, segments) {
            crossTab[segment, default: [:]][community, default: 0] += 1
        }
        for segment in crossTab.keys.sorted() {
            for (community, users) in (crossTab[segment] ?? [:]).sorted(by: { $0.key < $1.key }) {
                rows.append(
                    Row(
                        statistic: "segment_community", x: Int(community),
                        series: segment < 0 ? "none" : String(segment),
                        value: users))
            }
        }
        return rows
    }

    /// The distinct values of `values` in increasing order with their counts.
    private static func histogram(_ values: [Int]) -> [(key: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes `statistics.csv` (pending until the folder commits).
    static func write(tally: DatasetTally, communities: [Int32], segments: [Int32], to folder: OutputFolder) throws {
        let columns: [TableColumn<Row>] = [
            TableColumn("statistic") { $0.statistic }, TableColumn("x") { String($0.x) },
            TableColumn("series") { $0.series }, TableColumn("value") { String($0.value) },
        ]
        try folder.writeTable(
            "statistics.csv", columns: columns, rows: rows(tally: tally, communities: communities, segments: segments))
    }
}
