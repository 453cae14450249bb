import Foundation

@testable import Contagion

/// The lines of an output table, for comparing two runs: every table but `timings.csv` must
/// be byte-identical at any thread count (wall-clock figures live only there and in the
/// manifest).
enum DeterministicTables {
    /// The table's lines.
    static func content(of table: String, _ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// ``content(of:_:)`` of the file `table` in `folder`.
    static func content(of table: String, in folder: String) throws -> [String] {
        content(of: table, try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(table)))
    }
}
