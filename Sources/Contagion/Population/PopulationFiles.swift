import Foundation

/// Users and items read from tables in the schema `contagion generate` writes: `users.csv`
/// (`user, community, activity, share_propensity, interest_0 … interest_{d−1}`, any order, more
/// columns ignored) and `items.csv` (`item, category, appeal, price, topic_0 … topic_{d−1}`).
///
/// A file may leave out columns, and a row may leave a field empty: those values are the ones
/// the scenario's parameters draw (the world is drawn first, from the same streams as without
/// a file, then every value the file gives replaces the drawn one; a `community` column also
/// steers the drawing of the interests it does not give). A `users.csv` needs one row per user
/// of the graph, matched by name (`user`); an `items.csv` one row per item, `item` numbering
/// them `0…m−1`. So a world written by `generate` reads back identically.
public enum PopulationFiles {
    /// A table of users or items, read.
    struct Table {
        let table: CSVTable
        let path: String

        /// Reads the CSV file at `path`.
        ///
        /// - Throws: ``PopulationFileError`` when it is missing or malformed.
        init(path: String) throws {
            self.path = path
            do {
                table = try CSVTable(path: path)
            } catch ReportError.missing {
                throw PopulationFileError(path: path, line: nil, message: "no such file")
            } catch ReportError.malformed(_, let line, let message) {
                throw PopulationFileError(path: path, line: line, message: message)
            }
        }

        /// The index of `column`, if the table has it.
        func index(of column: String) -> Int? { table.columns.firstIndex(of: column) }

        /// The columns `prefix0`, `prefix1`, … the table has, in order, or `nil` without
        /// `prefix0`.
        ///
        /// - Throws: ``PopulationFileError`` when they are not numbered `0…d−1` without gaps.
        func vectorColumns(_ prefix: String) throws -> [Int]? {
            let numbered = table.columns.enumerated().compactMap { position, name -> (Int, Int)? in
                guard name.hasPrefix(prefix), let k = Int(name.dropFirst(prefix.count)) else { return nil }
                return (k, position)
            }.sorted { $0.0 < $1.0 }
            guard !numbered.isEmpty else { return nil }
            guard numbered.map(\.0) == Array(0..<numbered.count) else {
                throw PopulationFileError(
                    path: path, line: 1,
                    message: "expected columns \(prefix)0 … \(prefix)\(numbered.count - 1) without gaps")
            }
            return numbered.map(\.1)
        }

        /// The number in field `column` of row `row` (`nil` when empty), checked by `isValid`.
        func number(_ row: [String], _ column: Int, line: Int, _ expected: String, _ isValid: (Double) -> Bool)
            throws -> Double?
        {
            let text = row[column]
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite, isValid(value) else {
                throw PopulationFileError(
                    path: path, line: line,
                    message:
                        "\(table.columns[column]): expected \(expected), found '\(TextSafety.escapingControlCharacters(text))'"
                )
            }
            return value
        }
    }

    /// The community labels `users.csv` gives the users of `graph`, or `nil` without a
    /// `community` column; users whose field is empty keep `drawn`'s label. A label is an
    /// integer below the number of users.
    static func communities(in rows: UserRows, graph: Graph, drawn: [Int32]) throws -> [Int32]? {
        let table = rows.table
        guard let column = table.index(of: "community") else { return nil }
        var communities = drawn
        let bound = Double(graph.nodeCount)
        for (user, row, line) in rows.rows {
            if let value = try table.number(
                row, column, line: line, "an integer community in 0…\(graph.nodeCount - 1)",
                { $0 >= 0 && $0 < bound && $0 == $0.rounded() })
            {
                communities[user] = Int32(value)
            }
        }
        return communities
    }

    /// `drawn` with every value `users.csv` gives replaced.
    ///
    /// - Throws: ``PopulationFileError`` naming the file and line.
    /// - Throws: ``PopulationFileError`` naming the file and line, or a user of the graph
    ///   without a row.
    static func users(from rows: UserRows, graph: Graph, drawn: Users) throws -> Users {
        let table = rows.table
        var activity = drawn.activity
        var propensity = drawn.sharePropensity
        var interests = drawn.interests
        let d = drawn.topicCount
        let activityColumn = table.index(of: "activity")
        let propensityColumn = table.index(of: "share_propensity")
        let interestColumns = try table.vectorColumns("interest_") ?? []
        precondition(interestColumns.isEmpty || interestColumns.count == d, "topics checked by the scenario")
        for (user, row, line) in rows.rows {
            let unit = { (value: Double) in value >= 0 && value <= 1 }
            if let column = activityColumn,
                let value = try table.number(row, column, line: line, "a number in [0, 1]", unit)
            {
                activity[user] = Float(value)
            }
            if let column = propensityColumn,
                let value = try table.number(row, column, line: line, "a number in [0, 1]", unit)
            {
                propensity[user] = Float(value)
            }
            for (k, column) in interestColumns.enumerated() {
                if let value = try table.number(row, column, line: line, "a number ≥ 0", Self.isVectorComponent) {
                    interests[user * d + k] = Float(value)
                }
            }
        }
        try requireEveryUser(rows.rows.count, of: graph, in: table)
        return Users(
            count: drawn.count, topicCount: d, interests: interests, activity: activity, sharePropensity: propensity,
            communities: drawn.communities, communityCount: drawn.communityCount)
    }

    /// `drawn` with every value `items.csv` gives replaced.
    ///
    /// - Throws: ``PopulationFileError`` naming the file and line.
    static func catalogue(from table: Table, drawn: Catalogue) throws -> Catalogue {
        guard let itemColumn = table.index(of: "item") else {
            throw PopulationFileError(path: table.path, line: 1, message: "expected an 'item' column")
        }
        var appeal = drawn.appeal
        var prices = drawn.prices
        var categories = drawn.categories
        var topics = drawn.topics
        let d = drawn.topicCount
        let topicColumns = try table.vectorColumns("topic_") ?? []
        precondition(topicColumns.isEmpty || topicColumns.count == d, "topics checked by the scenario")
        var seen = [Bool](repeating: false, count: drawn.count)
        for (index, row) in table.table.rows.enumerated() {
            let line = table.table.line(ofRow: index)
            guard let item = Int(row[itemColumn]), (0..<drawn.count).contains(item), !seen[item] else {
                throw PopulationFileError(
                    path: table.path, line: line,
                    message:
                        "item: expected a new item number in 0…\(drawn.count - 1), found '\(TextSafety.escapingControlCharacters(row[itemColumn]))'"
                )
            }
            seen[item] = true
            if let column = table.index(of: "appeal"),
                let value = try table.number(row, column, line: line, "a number in [0, 1]", { $0 >= 0 && $0 <= 1 })
            {
                appeal[item] = Float(value)
            }
            if let column = table.index(of: "price"),
                let value = try table.number(row, column, line: line, "a price ≥ 0", { $0 >= 0 && $0 < 1e15 })
            {
                prices[item] = value
            }
            if let column = table.index(of: "category"),
                let value = try table.number(
                    row, column, line: line, "an integer category ≥ 0", { $0 >= 0 && $0 < 1e9 && $0 == $0.rounded() })
            {
                categories[item] = Int32(value)
            }
            for (k, column) in topicColumns.enumerated() {
                if let value = try table.number(row, column, line: line, "a number ≥ 0", Self.isVectorComponent) {
                    topics[item * d + k] = Float(value)
                }
            }
        }
        return Catalogue(
            count: drawn.count, topicCount: d, topics: topics, appeal: appeal, prices: prices, categories: categories)
    }

    /// Whether `value` can be a component of an interest or topic vector: ≥ 0 and within
    /// single precision.
    private static func isVectorComponent(_ value: Double) -> Bool {
        value >= 0 && value <= Double(Float.greatestFiniteMagnitude)
    }

    /// A `users.csv` matched to a graph: every row with the user it names and its line.
    struct UserRows {
        let table: Table
        let rows: [(user: Int, row: [String], line: Int)]

        /// Matches `table`'s rows to the users of `graph`.
        ///
        /// - Throws: ``PopulationFileError`` for a missing `user` column, a name the graph does
        ///   not have, or a user listed twice.
        init(_ table: Table, graph: Graph) throws {
            self.table = table
            rows = try PopulationFiles.rows(of: table, graph: graph)
        }
    }

    /// Every row of `users.csv` with the user it names and its line (``UserRows``).
    private static func rows(of table: Table, graph: Graph) throws -> [(user: Int, row: [String], line: Int)] {
        guard let column = table.index(of: "user") else {
            throw PopulationFileError(path: table.path, line: 1, message: "expected a 'user' column")
        }
        var index: [String: Int] = [:]
        for user in 0..<graph.nodeCount { index[graph.name(of: NodeID(user))] = user }
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var result: [(user: Int, row: [String], line: Int)] = []
        for (position, row) in table.table.rows.enumerated() {
            let line = table.table.line(ofRow: position)
            let name = row[column]
            guard let user = index[name] else {
                throw PopulationFileError(
                    path: table.path, line: line,
                    message: "user: expected a user of the graph, found '\(TextSafety.escapingControlCharacters(name))'"
                )
            }
            guard !seen[user] else {
                throw PopulationFileError(path: table.path, line: line, message: "user '\(name)' is listed twice")
            }
            seen[user] = true
            result.append((user, row, line))
        }
        return result
    }

    /// Refuses a `users.csv` whose `rows` distinct users are fewer than the graph's.
    private static func requireEveryUser(_ rows: Int, of graph: Graph, in table: Table) throws {
        guard rows < graph.nodeCount else { return }
        let listed = Set(table.table.rows.map { $0[table.index(of: "user") ?? 0] })
        let missing = (0..<graph.nodeCount).first { !listed.contains(graph.name(of: NodeID($0))) } ?? 0
        throw PopulationFileError(
            path: table.path, line: nil,
            message:
                "expected a row for every one of the graph's \(graph.nodeCount) users, found \(rows) (no row for '\(graph.name(of: NodeID(missing)))')"
        )
    }
}

/// A users or items file that cannot be read: `file:line: what was expected, what was found`.
public struct PopulationFileError: InputError, Equatable {
    /// The file's path.
    public var path: String
    /// The 1-based line, or `nil` for errors about the whole file.
    public var line: Int?
    /// What was expected and what was found.
    public var message: String

    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}
