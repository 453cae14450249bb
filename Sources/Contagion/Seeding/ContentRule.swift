/// How a policy's seeds get their items in a joint campaign (`content: joint`): the policy's
/// own (user, item) choice, or one of two rules over a policy that only ranks users.
public enum ContentRule: String, Sendable, Codable, CaseIterable {
    /// The policy chooses the pairs itself (``PairSeedingPolicy``: `imm`, `celf`, `rl`, `embedding`).
    case pairs
    /// The policy's users with the single best item: the policy chooses `k` users for each
    /// offered item, and the items are ranked by the estimated spread of their users
    /// (``BestItem/estimateRuns`` Monte-Carlo runs of the item's model, ties to the earlier
    /// item). The best item takes its users up to its limit; any budget left goes to the next
    /// best item's users not yet seeded, and so on.
    case bestItem = "best_item"
    /// Each seed gets the item it likes most: the policy chooses `k` users for the first
    /// offered item that may take seeds, and each user, best first, gets the offered item of
    /// highest affinity `c(u, i)` (cosine) that is below its limit (ties to the earlier item).
    case affinity

    /// The rule a policy follows when the scenario names none: its own pairs when it chooses
    /// them, else ``bestItem``.
    public static func defaultRule(for policy: any SeedingPolicy) -> ContentRule {
        policy is any PairSeedingPolicy ? .pairs : .bestItem
    }

    /// The pairs `policy` gets under this rule.
    ///
    /// - Throws: ``SeedingError`` from the policy, or when the rule is ``pairs`` and the
    ///   policy chooses users only.
    public func choose(
        with policy: any SeedingPolicy, count: Int, in context: JointSeedingContext,
        using rng: inout Xoshiro256StarStar
    ) throws -> ChosenPairs {
        switch self {
        case .pairs:
            guard let pairPolicy = policy as? any PairSeedingPolicy else {
                throw SeedingError("policy '\(policy.name)' chooses users only: give it content best_item or affinity")
            }
            return try pairPolicy.choosePairs(count: count, in: context, using: &rng)
        case .bestItem:
            return try BestItem.choose(with: policy, count: count, in: context, using: &rng)
        case .affinity:
            return try Self.byAffinity(with: policy, count: count, in: context, using: &rng)
        }
    }

    private static func byAffinity(
        with policy: any SeedingPolicy, count: Int, in context: JointSeedingContext,
        using rng: inout Xoshiro256StarStar
    ) throws -> ChosenPairs {
        guard let first = context.limits.firstIndex(where: { $0 > 0 }) else { return ChosenPairs(pairs: []) }
        let users = try policy.selectSeeds(
            count: context.placeable(count), in: context.context(forItemAt: first), using: &rng)
        let affinities = context.items.map { context.world.affinities(to: $0, measure: .cosine) }
        var perItem = [Int](repeating: 0, count: context.items.count)
        var chosen = ChosenPairs(pairs: [])
        for user in users {
            let open = context.items.indices.filter { perItem[$0] < context.limits[$0] }
            guard
                let item = open.max(by: {
                    affinities[$0][Int(user)] < affinities[$1][Int(user)]
                        || (affinities[$0][Int(user)] == affinities[$1][Int(user)] && $0 > $1)
                })
            else { break }
            perItem[item] += 1
            chosen.pairs.append(SeedPair(user: user, itemIndex: item))
        }
        return chosen
    }
}

/// The ``ContentRule/bestItem`` rule.
enum BestItem {
    /// Monte-Carlo runs behind each item's spread estimate.
    static let estimateRuns = 500

    static func choose(
        with policy: any SeedingPolicy, count: Int, in context: JointSeedingContext,
        using rng: inout Xoshiro256StarStar
    ) throws -> ChosenPairs {
        let streams = context.streams(using: &rng)
        var lists: [(itemIndex: Int, users: [NodeID], estimate: Double)] = []
        for itemIndex in context.items.indices where context.limits[itemIndex] > 0 {
            var itemRNG = streams.generator(.seeding, itemIndex)
            let users = try policy.selectSeeds(
                count: context.placeable(count), in: context.context(forItemAt: itemIndex), using: &itemRNG)
            let estimate = MonteCarlo.run(
                context.models[itemIndex], seeds: Array(users.prefix(context.limits[itemIndex])), runs: estimateRuns,
                threads: context.threads, streams: streams, phase: .seeding, batch: 1000 + itemIndex
            ).meanSpread
            lists.append((itemIndex, users, estimate))
        }
        lists.sort { ($0.estimate, -$0.itemIndex) > ($1.estimate, -$1.itemIndex) }
        var seeded = Set<NodeID>()
        var chosen = ChosenPairs(pairs: [])
        for list in lists {
            var taken = 0
            for user in list.users where !seeded.contains(user) {
                guard chosen.pairs.count < context.placeable(count) && taken < context.limits[list.itemIndex] else {
                    break
                }
                seeded.insert(user)
                taken += 1
                chosen.pairs.append(SeedPair(user: user, itemIndex: list.itemIndex))
            }
        }
        return chosen
    }
}
