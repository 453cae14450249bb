/// Where `contagion run`'s tables go: one file per table for every graph of a sweep, each
/// row led by the `graph` column naming the graph it belongs to.
///
/// The writers of ``ExperimentTables`` write one graph's rows at a time (set ``graph`` before
/// each); the first graph to write a table opens its file and its header, and ``close()``
/// closes them all.
final class TableSink {
    /// The folder the tables go into (pending until it commits).
    let folder: OutputFolder
    /// The `graph` column's value for the rows written next.
    var graph = ""
    private var writers: [String: (columns: [String], writer: CSVWriter)] = [:]

    /// A sink writing into `folder`.
    init(folder: OutputFolder) { self.folder = folder }

    /// The table `name` with `columns` after `graph`, opened by its first use.
    func table(_ name: String, columns: [String]) throws -> TableRows {
        if let open = writers[name] {
            precondition(open.columns == columns, "every graph writes \(name) with the same columns")
            return TableRows(writer: open.writer, graph: graph)
        }
        let writer = try folder.table(name, columns: ["graph"] + columns)
        writers[name] = (columns, writer)
        return TableRows(writer: writer, graph: graph)
    }

    /// Writes `rows` into the table `name` with `columns`.
    func writeTable<Rows: Sequence>(_ name: String, columns: [TableColumn<Rows.Element>], rows: Rows) throws {
        let table = try self.table(name, columns: columns.map(\.name))
        for row in rows { try table.writeRow(columns.map { $0.value(row) }) }
    }

    /// Closes every table.
    func close() throws {
        for name in writers.keys.sorted() { try writers[name]?.writer.close() }
        writers = [:]
    }
}

/// The rows of one graph in one table of a ``TableSink``.
struct TableRows {
    fileprivate let writer: CSVWriter
    fileprivate let graph: String

    /// Writes one row after its `graph` field.
    func writeRow(_ fields: [String]) throws { try writer.writeRow([graph] + fields) }
}
