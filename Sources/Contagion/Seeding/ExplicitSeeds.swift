/// Seeds listed by name in the scenario (original node ids from the graph file, or indices).
/// In an adaptive campaign each later round takes the next listed users not yet active.
public struct ExplicitSeeds: SeedingPolicy {
    /// The label in outputs (default `explicit`).
    public let name: String
    /// The users to seed, by name.
    public let userNames: [String]

    /// A policy that always seeds `userNames`.
    public init(name: String = "explicit", userNames: [String]) {
        self.name = name
        self.userNames = userNames
    }

    /// The listed users in order (the first `count`); throws if a name is not in the graph.
    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        try Array(listedUsers(of: context.graph).prefix(count))
    }

    /// A later round of an adaptive campaign: the next `count` listed users who are neither
    /// seeded nor active yet, in the list's order.
    public func selectNextRound(
        count: Int, in context: SeedingContext, after observation: RoundObservation,
        using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID] {
        let seeded = Set(observation.seeds)
        return try Array(
            listedUsers(of: context.graph).filter { !seeded.contains($0) && !observation.active[Int($0)] }.prefix(count)
        )
    }

    /// Every listed user as a node of `graph`, in order.
    ///
    /// - Throws: ``SeedingError`` for a name that is not in the graph.
    private func listedUsers(of graph: Graph) throws -> [NodeID] {
        var index: [String: NodeID] = [:]
        for node in 0..<graph.nodeCount { index[graph.name(of: NodeID(node))] = NodeID(node) }
        return try userNames.map { userName in
            guard let node = index[userName] else {
                throw SeedingError("policy '\(name)': user '\(userName)' is not in the graph")
            }
            return node
        }
    }
}
