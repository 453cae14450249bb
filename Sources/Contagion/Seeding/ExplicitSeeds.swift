/// Seeds listed by name in the scenario (original node ids from the graph file, or indices).
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
        let graph = context.graph
        var index: [String: NodeID] = [:]
        for node in 0..<graph.nodeCount { index[graph.name(of: NodeID(node))] = NodeID(node) }
        return try userNames.prefix(count).map { userName in
            guard let node = index[userName] else {
                throw SeedingError("policy '\(name)': user '\(userName)' is not in the graph")
            }
            return node
        }
    }
}
