/// The static tables of a generated dataset: users, items and the follower graph, as CSV and
/// as RecBole atomic files (tab-separated, typed headers, vectors as `float_seq`).
enum DatasetTables {
    /// Writes `users.csv`, `items.csv`, `graph.csv`, `NAME.user` and `NAME.item`.
    ///
    /// - Parameters:
    ///   - segments: each user's behaviour segment, −1 for users with no click.
    ///   - embeddingSegments: each user's embedding segment, if computed.
    static func write(
        world: World, name: String, segments: [Int32], embeddingSegments: [Int32]?, to folder: OutputFolder
    ) throws {
        let users = world.users
        let userRows = (0..<users.count).lazy.map { UserRow(user: $0, interests: users.interests(of: $0).map(format)) }
        try folder.writeTables(
            userTables(world, name: name, segments: segments, embeddingSegments: embeddingSegments), rows: userRows)
        let catalogue = world.catalogue
        let itemRows = (0..<catalogue.count).lazy.map {
            ItemRow(item: $0, topics: catalogue.topics(of: $0).map(format))
        }
        try folder.writeTables(itemTables(catalogue, name: name), rows: itemRows)
        try writeGraph(world.graph, to: folder)
    }

    /// `graph.csv`: every arc with its tie strength. Written row by row rather than from a
    /// column list: a dataset's graph has millions of arcs, and the list's per-field closures
    /// cost 5% of `contagion generate` at 100k users.
    private static func writeGraph(_ graph: Graph, to folder: OutputFolder) throws {
        let table = try folder.table("graph.csv", columns: ["source", "target", "tie_strength"])
        for source in 0..<graph.nodeCount {
            let name = graph.name(of: NodeID(source))
            for arc in graph.offsets[source]..<graph.offsets[source + 1] {
                try table.writeRow([name, graph.name(of: graph.targets[arc]), format(graph.tieStrengths[arc])])
            }
        }
        try table.close()
    }

    /// A float as the files write it: the shortest text that reads back to the same `Float`.
    private static func format(_ value: Float) -> String { CSVWriter.format(float: value) }

    /// A user with its interests formatted once for both of its tables.
    private struct UserRow {
        let user: Int
        let interests: [String]
    }

    /// An item with its topics formatted once for both of its tables.
    private struct ItemRow {
        let item: Int
        let topics: [String]
    }

    /// `users.csv` and RecBole's `NAME.user`.
    private static func userTables(
        _ world: World, name: String, segments: [Int32], embeddingSegments: [Int32]?
    ) -> [TableLayout<UserRow>] {
        let users = world.users
        let graph = world.graph
        func label(_ value: Int32?) -> String { value.map { $0 >= 0 ? String($0) : "" } ?? "" }
        let id = TableColumn<UserRow>("user") { graph.name(of: NodeID($0.user)) }
        let community = TableColumn<UserRow>("community") { String(users.communities[$0.user]) }
        let activity = TableColumn<UserRow>("activity") { format(users.activity[$0.user]) }
        let propensity = TableColumn<UserRow>("share_propensity") { format(users.sharePropensity[$0.user]) }
        let segment = TableColumn<UserRow>("segment") { label(segments[$0.user]) }
        let embedding = TableColumn<UserRow>("embedding_segment") { label(embeddingSegments?[$0.user]) }
        let interests = (0..<users.topicCount).map { topic in
            TableColumn<UserRow>("interest_\(topic)") { $0.interests[topic] }
        }
        let atoms = [
            id.renamed("user_id:token"), community.renamed("community:token"), segment.renamed("segment:token"),
            activity.renamed("activity:float"), propensity.renamed("share_propensity:float"),
            TableColumn("interests:float_seq") { $0.interests.joined(separator: " ") },
        ]
        return [
            TableLayout(
                name: "users.csv", columns: [id, community, activity, propensity, segment, embedding] + interests),
            TableLayout(name: "\(name).user", columns: atoms, separator: "\t"),
        ]
    }

    /// `items.csv` and RecBole's `NAME.item`.
    private static func itemTables(_ catalogue: Catalogue, name: String) -> [TableLayout<ItemRow>] {
        let item = TableColumn<ItemRow>("item") { String($0.item) }
        let category = TableColumn<ItemRow>("category") { String(catalogue.categories[$0.item]) }
        let appeal = TableColumn<ItemRow>("appeal") { format(catalogue.appeal[$0.item]) }
        let price = TableColumn<ItemRow>("price") { CSVWriter.format(catalogue.prices[$0.item]) }
        let topics = (0..<catalogue.topicCount).map { topic in
            TableColumn<ItemRow>("topic_\(topic)") { $0.topics[topic] }
        }
        let atoms = [
            item.renamed("item_id:token"), category.renamed("category:token"), appeal.renamed("appeal:float"),
            price.renamed("price:float"), TableColumn("topics:float_seq") { $0.topics.joined(separator: " ") },
        ]
        return [
            TableLayout(name: "items.csv", columns: [item, category, appeal, price] + topics),
            TableLayout(name: "\(name).item", columns: atoms, separator: "\t"),
        ]
    }
}
