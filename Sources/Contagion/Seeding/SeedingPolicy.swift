/// Chooses whom to seed: `k` users (and, for later policies, what to seed them with).
///
/// Each policy lives in its own file and is registered by name in the scenario layer.
/// Policies are deterministic given their generator, which the simulation derives from the
/// master seed by the policy's position.
public protocol SeedingPolicy: Sendable {
    /// The name written in outputs (the scenario's label for this policy).
    var name: String { get }

    /// Picks at most `count` distinct seeds for `item`, best first.
    ///
    /// - Throws: ``SeedingError`` when the policy cannot choose (e.g. unknown user names).
    func selectSeeds(
        count: Int, for item: Int, in world: World, using rng: inout Xoshiro256StarStar
    ) throws -> [NodeID]
}

/// A seeding policy that could not choose its seeds.
public struct SeedingError: InputError, Equatable {
    /// What went wrong, naming the policy.
    public var description: String

    /// An error with the given message.
    public init(_ description: String) { self.description = description }
}

/// Ranking helpers shared by the score-based policies.
enum Ranking {
    /// The `count` nodes with the highest scores, ties broken by the lower node id.
    ///
    /// - Complexity: O(n log n).
    static func top(_ count: Int, by scores: [Double]) -> [NodeID] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        return order.prefix(count).map { NodeID($0) }
    }
}
