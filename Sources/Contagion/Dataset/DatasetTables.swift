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
        let catalogue = world.catalogue
        let graph = world.graph
        let d = users.topicCount
        func format(_ value: Float) -> String { CSVWriter.format(float: value) }
        func vector(_ values: ArraySlice<Float>) -> [String] { values.map(format) }
        func label(_ value: Int32?) -> String { value.map { $0 >= 0 ? String($0) : "" } ?? "" }

        let topicColumns = (0..<d).map { "topic_\($0)" }
        let userTable = try folder.table(
            "users.csv",
            columns: ["user", "community", "activity", "share_propensity", "segment", "embedding_segment"]
                + (0..<d).map { "interest_\($0)" })
        let userAtoms = try folder.table(
            "\(name).user",
            columns: [
                "user_id:token", "community:token", "segment:token", "activity:float", "share_propensity:float",
                "interests:float_seq",
            ], separator: "\t")
        for user in 0..<users.count {
            let id = graph.name(of: NodeID(user))
            let community = String(users.communities[user])
            let interests = vector(users.interests(of: user))
            try userTable.writeRow(
                [
                    id, community, format(users.activity[user]), format(users.sharePropensity[user]),
                    label(segments[user]), label(embeddingSegments?[user]),
                ] + interests)
            try userAtoms.writeRow([
                id, community, label(segments[user]), format(users.activity[user]),
                format(users.sharePropensity[user]), interests.joined(separator: " "),
            ])
        }
        try userTable.close()
        try userAtoms.close()

        let itemTable = try folder.table("items.csv", columns: ["item", "category", "appeal", "price"] + topicColumns)
        let itemAtoms = try folder.table(
            "\(name).item",
            columns: ["item_id:token", "category:token", "appeal:float", "price:float", "topics:float_seq"],
            separator: "\t")
        for item in 0..<catalogue.count {
            let topics = vector(catalogue.topics(of: item))
            let fields = [
                String(item), String(catalogue.categories[item]), format(catalogue.appeal[item]),
                CSVWriter.format(catalogue.prices[item]),
            ]
            try itemTable.writeRow(fields + topics)
            try itemAtoms.writeRow(fields + [topics.joined(separator: " ")])
        }
        try itemTable.close()
        try itemAtoms.close()

        let graphTable = try folder.table("graph.csv", columns: ["source", "target", "tie_strength"])
        for source in 0..<graph.nodeCount {
            let name = graph.name(of: NodeID(source))
            for arc in graph.offsets[source]..<graph.offsets[source + 1] {
                try graphTable.writeRow([name, graph.name(of: graph.targets[arc]), format(graph.tieStrengths[arc])])
            }
        }
        try graphTable.close()
    }
}
