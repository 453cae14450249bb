/// How affinity `c(u, i)` between a user's interests and an item's topics is measured.
public enum AffinityMeasure: String, Sendable, Codable, CaseIterable {
    /// `θ_u · φ_i` (small when interests are spread over many topics).
    case dot
    /// `θ_u · φ_i / (‖θ_u‖ ‖φ_i‖)`, in [0, 1] for vectors on the simplex.
    case cosine
}

/// The simulated platform: the social graph, its users and the item catalogue.
public struct World: Sendable {
    /// Who sees whom.
    public let graph: Graph
    /// One user per graph node.
    public let users: Users
    /// The items that can be shared.
    public let catalogue: Catalogue

    /// Bundles a graph with its users and catalogue, which must match it.
    public init(graph: Graph, users: Users, catalogue: Catalogue) {
        precondition(users.count == graph.nodeCount && users.topicCount == catalogue.topicCount)
        self.graph = graph
        self.users = users
        self.catalogue = catalogue
    }

    /// `c(u, i)` for every user `u` and one item.
    ///
    /// - Complexity: O(n·d).
    public func affinities(to item: Int, measure: AffinityMeasure) -> [Float] {
        let d = users.topicCount
        let phi = Array(catalogue.topics(of: item))
        let phiNorm = phi.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return (0..<users.count).map { user in
            var dot: Float = 0
            var norm: Float = 0
            for k in 0..<d {
                let theta = users.interests[user * d + k]
                dot += theta * phi[k]
                norm += theta * theta
            }
            switch measure {
            case .dot: return dot
            case .cosine: return norm > 0 && phiNorm > 0 ? dot / (norm.squareRoot() * phiNorm) : 0
            }
        }
    }
}
