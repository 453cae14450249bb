/// One column of an output table: its header and how a row fills it. A table is a list of
/// columns, so a new column is one line.
struct TableColumn<Row> {
    /// The header.
    let name: String
    /// The field of `row`.
    let value: (Row) -> String

    /// A column named `name` filled by `value`.
    init(_ name: String, _ value: @escaping (Row) -> String) {
        self.name = name
        self.value = value
    }

    /// The same column under another header.
    func renamed(_ name: String) -> TableColumn { TableColumn(name, value) }

    /// This column read from a part of a larger row.
    func reading<Whole>(_ part: @escaping (Whole) -> Row) -> TableColumn<Whole> {
        TableColumn<Whole>(name) { value(part($0)) }
    }
}

/// A table to write: its file, columns and field separator.
struct TableLayout<Row> {
    /// The file name.
    let name: String
    /// The columns.
    let columns: [TableColumn<Row>]
    /// The field separator (`,`; tab for RecBole's atomic files).
    var separator: Character = ","
}

extension OutputFolder {
    /// Writes every row of `rows` into each of `tables` in one pass (each row is made once).
    func writeTables<Rows: Sequence>(_ tables: [TableLayout<Rows.Element>], rows: Rows) throws {
        let writers = try tables.map {
            try self.table($0.name, columns: $0.columns.map(\.name), separator: $0.separator)
        }
        for row in rows {
            for (writer, layout) in zip(writers, tables) { try writer.writeRow(layout.columns.map { $0.value(row) }) }
        }
        for writer in writers { try writer.close() }
    }

    /// Writes `rows` as the table `name` with `columns` (pending until the folder commits).
    func writeTable<Rows: Sequence>(
        _ name: String, columns: [TableColumn<Rows.Element>], rows: Rows, separator: Character = ","
    ) throws {
        try writeTables([TableLayout(name: name, columns: columns, separator: separator)], rows: rows)
    }
}

/// One table `contagion run` can write (an entry of ``ExperimentTables``'s list): its file,
/// what it holds, whether a plan writes it, and how.
struct ExperimentTable: Sendable {
    /// The file name.
    let fileName: String
    /// What it holds, in a phrase.
    let summary: String
    /// Whether a run of the plan writes it.
    let isWritten: @Sendable (ExperimentPlan) -> Bool
    /// Writes it (pending until the folder commits).
    let write: @Sendable (ExperimentResult, ExperimentPlan, TableSink) throws -> Void

    init(
        _ fileName: String, _ summary: String,
        when isWritten: @escaping @Sendable (ExperimentPlan) -> Bool = { _ in true },
        write: @escaping @Sendable (ExperimentResult, ExperimentPlan, TableSink) throws -> Void
    ) {
        self.fileName = fileName
        self.summary = summary
        self.isWritten = isWritten
        self.write = write
    }
}
