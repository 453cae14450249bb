import Foundation

@testable import Contagion

/// The part of an output table that must not depend on threads or timing.
enum DeterministicTables {
    /// The table's lines; for `summary.csv` without its last column, `selection_seconds`,
    /// which is wall-clock time (the only column that is not reproducible).
    static func content(of table: String, _ data: Data) -> [String] {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard table == "summary.csv" else { return lines }
        precondition(ExperimentTables.summaryColumns.last == "selection_seconds")
        return lines.map { line in line.lastIndex(of: ",").map { String(line[..<$0]) } ?? line }
    }

    /// ``content(of:_:)`` of the file `table` in `folder`.
    static func content(of table: String, in folder: String) throws -> [String] {
        content(of: table, try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(table)))
    }
}
