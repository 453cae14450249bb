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

    /// This column read from a part of a larger row.
    func reading<Whole>(_ part: @escaping (Whole) -> Row) -> TableColumn<Whole> {
        TableColumn<Whole>(name) { value(part($0)) }
    }
}

extension OutputFolder {
    /// Writes `rows` as the table `name` with `columns` (pending until the folder commits).
    func writeTable<Rows: Sequence>(_ name: String, columns: [TableColumn<Rows.Element>], rows: Rows) throws {
        let table = try self.table(name, columns: columns.map(\.name))
        for row in rows { try table.writeRow(columns.map { $0.value(row) }) }
        try table.close()
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
    let write: @Sendable (ExperimentResult, ExperimentPlan, OutputFolder) throws -> Void

    init(
        _ fileName: String, _ summary: String,
        when isWritten: @escaping @Sendable (ExperimentPlan) -> Bool = { _ in true },
        write: @escaping @Sendable (ExperimentResult, ExperimentPlan, OutputFolder) throws -> Void
    ) {
        self.fileName = fileName
        self.summary = summary
        self.isWritten = isWritten
        self.write = write
    }
}
