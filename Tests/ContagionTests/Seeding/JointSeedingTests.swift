import Foundation
import Testing

@testable import Contagion

/// Joint campaigns: greedy over (user, item) pairs against plain greedy and the brute-force
/// optimum on an enumerable platform, and the content rules of user-only policies.
@Suite struct JointSeedingTests {
    /// Two items on ``SeedingFixture/graph``: item 0 spreads by IC, item 1 by LT.
    static let exact = [
        ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities),
        ExactSpread(threshold: SeedingFixture.graph, weights: SeedingFixture.thresholdWeights),
    ]

    static func context(limits: [Int] = [9, 9]) -> JointSeedingContext {
        JointSeedingContext(
            world: Fixture.world(SeedingFixture.graph), items: [0, 1],
            models: [SeedingFixture.cascade, SeedingFixture.threshold], limits: limits, threads: 2)
    }

    /// `F(S) = Σ_j σ_j(S_j)`, exactly.
    static func value(_ pairs: [SeedPair]) -> Double {
        exact.indices.reduce(0) { total, item in
            total + exact[item].spread(of: pairs.filter { $0.itemIndex == item }.map(\.user))
        }
    }

    /// The exact objective as a ``PairObjective``.
    struct ExactObjective: PairObjective {
        var pairs: [SeedPair] = []

        mutating func gain(of user: Int, itemIndex: Int) -> Double {
            let seeds = pairs.filter { $0.itemIndex == itemIndex }.map(\.user)
            return exact[itemIndex].spread(of: seeds + [NodeID(user)]) - exact[itemIndex].spread(of: seeds)
        }

        mutating func add(_ user: Int, itemIndex: Int) {
            pairs.append(SeedPair(user: NodeID(user), itemIndex: itemIndex))
        }
    }

    /// Plain greedy over pairs, written independently: every step, every allowed pair's gain
    /// from scratch; the largest wins, ties to the lower user, then the earlier item.
    static func plainGreedy(count: Int, limits: [Int]) -> [SeedPair] {
        var pairs: [SeedPair] = []
        for _ in 0..<count {
            var best: (pair: SeedPair, gain: Double)?
            for user in 0..<SeedingFixture.graph.nodeCount where !pairs.contains(where: { $0.user == NodeID(user) }) {
                for item in exact.indices where pairs.count(where: { $0.itemIndex == item }) < limits[item] {
                    let pair = SeedPair(user: NodeID(user), itemIndex: item)
                    let gain = value(pairs + [pair]) - value(pairs)
                    if gain > (best?.gain ?? -.infinity) { best = (pair, gain) }
                }
            }
            guard let best else { break }
            pairs.append(best.pair)
        }
        return pairs
    }

    /// The best `F` over every assignment of `k` distinct users to the items within `limits`.
    static func optimum(count k: Int, limits: [Int]) -> Double {
        let n = SeedingFixture.graph.nodeCount
        var best = 0.0
        func assign(_ user: Int, _ pairs: [SeedPair]) {
            if pairs.count == k || user == n {
                best = max(best, value(pairs))
                return
            }
            assign(user + 1, pairs)
            for item in exact.indices where pairs.count(where: { $0.itemIndex == item }) < limits[item] {
                assign(user + 1, pairs + [SeedPair(user: NodeID(user), itemIndex: item)])
            }
        }
        assign(0, [])
        return best
    }

    static let initialGains: [[Double]] = exact.map { spread in
        (0..<SeedingFixture.graph.nodeCount).map { spread.spread(of: [NodeID($0)]) }
    }
}

// MARK: - Greedy over pairs

extension JointSeedingTests {
    /// Lazy greedy over pairs picks plain greedy's pairs, and reaches 1/2 of the brute-force
    /// optimum without item limits (one matroid) and 1/3 with them (two).
    @Test(arguments: [(2, [9, 9]), (3, [9, 9]), (4, [9, 9]), (3, [1, 9]), (4, [2, 1])])
    func lazyGreedyIsPlainGreedyAndMeetsItsGuarantee(count: Int, limits: [Int]) {
        var objective = ExactObjective()
        let chosen = PairGreedy.select(
            count: count, initialGains: Self.initialGains, limits: limits, objective: &objective)
        #expect(chosen.pairs == Self.plainGreedy(count: count, limits: limits))
        #expect(Self.context(limits: limits).allows(chosen.pairs))
        #expect(chosen.pairs.count == min(count, limits.reduce(0, +)))
        let value = Self.value(chosen.pairs)
        #expect(abs((chosen.marginalGains ?? []).reduce(0, +) - value) < 1e-9)
        let bound = limits.allSatisfy { $0 >= count } ? 0.5 : 1.0 / 3
        #expect(value >= bound * Self.optimum(count: count, limits: limits))
    }

    /// Joint IMM and joint CELF, on estimates, still reach half the exact optimum, respect the
    /// limits, and estimate the campaign's value of their pairs within the sampling error.
    @Test(arguments: [(3, [9, 9]), (4, [1, 9])])
    func jointIMMAndCELFReachHalfTheOptimum(count: Int, limits: [Int]) throws {
        let policies: [any PairSeedingPolicy] = [IMM(epsilon: 0.1), CELF(simulations: 4_000)]
        let optimum = Self.optimum(count: count, limits: limits)
        for policy in policies {
            var rng = Xoshiro256StarStar(seed: 3)
            let chosen = try policy.choosePairs(count: count, in: Self.context(limits: limits), using: &rng)
            #expect(Self.context(limits: limits).allows(chosen.pairs) && chosen.pairs.count == count)
            let value = Self.value(chosen.pairs)
            #expect(value >= 0.5 * optimum, "\(policy.name)")
            // Each estimate averages thousands of worlds or sets of at most 9 users: its error
            // is well under 0.1·n; 1 user is several standard errors.
            #expect(abs((chosen.marginalGains ?? []).reduce(0, +) - value) < 1, "\(policy.name)")
        }
    }

    /// With one item and no limit the constraint is a cardinality one: joint IMM and CELF then
    /// reach `(1 − 1/e)` of the optimum, as their single-item forms do.
    @Test(arguments: [2, 3])
    func oneItemReachesTheCardinalityGuarantee(count: Int) throws {
        let context = JointSeedingContext(
            world: Fixture.world(SeedingFixture.graph), items: [0], models: [SeedingFixture.cascade], limits: [count],
            threads: 2)
        let optimum = Self.exact[0].optimum(seeds: count)
        let policies: [any PairSeedingPolicy] = [IMM(epsilon: 0.1), CELF(simulations: 4_000)]
        for policy in policies {
            var rng = Xoshiro256StarStar(seed: 9)
            let chosen = try policy.choosePairs(count: count, in: context, using: &rng)
            #expect(chosen.pairs.allSatisfy { $0.itemIndex == 0 } && chosen.pairs.count == count)
            #expect(Self.exact[0].spread(of: chosen.pairs.map(\.user)) >= (1 - 1 / M_E) * optimum, "\(policy.name)")
        }
    }
}

// MARK: - Content rules of user-only policies

extension JointSeedingTests {
    /// `best_item` gives the policy's users the item whose users spread most, fills the rest
    /// of the budget from the next item, and never seeds a user twice.
    @Test func bestItemTakesTheItemThatSpreadsMostThenTheNext() throws {
        let graph = Fixture.star(leaves: 8)
        let world = Fixture.world(graph)
        let models: [CompiledModel] = [
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.01))),
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.9))),
        ]
        let context = JointSeedingContext(world: world, items: [4, 7], models: models, limits: [9, 2], threads: 2)
        var rng = Xoshiro256StarStar(seed: 1)
        let chosen = try ContentRule.bestItem.choose(with: DegreeSeeds(), count: 3, in: context, using: &rng)
        // Degree ranks the hub first, then leaves by id; item 1 spreads most and takes two.
        #expect(
            chosen.pairs == [
                SeedPair(user: 0, itemIndex: 1), SeedPair(user: 1, itemIndex: 1), SeedPair(user: 2, itemIndex: 0),
            ])
    }

    /// `affinity` gives each of the policy's users, best first, the open item it likes most.
    @Test func affinityGivesEachUserTheOpenItemItLikesMost() throws {
        let context = JointSeedingContext(
            world: Fixture.world(SeedingFixture.graph), items: [0, 1, 2],
            models: Array(repeating: SeedingFixture.cascade, count: 3), limits: [2, 2, 2], threads: 1)
        var rng = Xoshiro256StarStar(seed: 1)
        let chosen = try ContentRule.affinity.choose(with: DegreeSeeds(), count: 5, in: context, using: &rng)
        var rng2 = Xoshiro256StarStar(seed: 1)
        let users = try DegreeSeeds().selectSeeds(count: 5, in: context.context(forItemAt: 0), using: &rng2)
        #expect(chosen.pairs.map(\.user) == users)
        let affinities = context.items.map { context.world.affinities(to: $0, measure: .cosine) }
        var perItem = [0, 0, 0]
        for pair in chosen.pairs {
            let open = (0..<3).filter { perItem[$0] < 2 }
            let liked = open.map { affinities[$0][Int(pair.user)] }.max()
            #expect(affinities[pair.itemIndex][Int(pair.user)] == liked)
            perItem[pair.itemIndex] += 1
        }
        #expect(context.allows(chosen.pairs))
    }

    /// A user-only policy cannot be asked for pairs.
    @Test func pairsFromAUserOnlyPolicyIsAnError() {
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(throws: SeedingError.self) {
            try ContentRule.pairs.choose(with: DegreeSeeds(), count: 2, in: Self.context(), using: &rng)
        }
    }
}
