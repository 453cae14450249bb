import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// Weighted objectives (`objective: purchases | revenue`): weighted RR sets and weighted CELF
/// against the exact weighted optimum of an enumerable graph, the fixed-point worths, and the
/// scenario keys.
@Suite struct SpreadObjectiveTests {
    /// Worths on ``SeedingFixture/graph`` under which the best single seed is not the
    /// unweighted one: node 6 (reached by most) is worth little, the chain 7 → 8 much. Their
    /// total `W` = 935 is far from `n` = 9, so an estimate or bound scaled by `n` would fail.
    static let worth: [Double] = [20, 50, 100, 10, 30, 20, 5, 400, 300]

    static func weighted(_ model: CompiledModel, _ worth: [Double] = worth) -> LiveEdgeModel {
        LiveEdgeModel(model).weighted(by: NodeWeights(worth: worth))
    }

    /// The summed worth of the nodes `seeds` reach in each of `worlds` (in units), searched
    /// from scratch.
    static func reachedWorth(_ seeds: [Int], on worlds: LiveEdgeWorlds) -> Int {
        var reached = [Bool](repeating: false, count: worlds.nodeCount)
        var total = 0
        for world in 0..<worlds.count {
            for node in reached.indices { reached[node] = false }
            var stack = seeds
            for seed in seeds { reached[seed] = true }
            while let node = stack.popLast() {
                for next in worlds.successors(of: node, inWorld: world) where !reached[Int(next)] {
                    reached[Int(next)] = true
                    stack.append(Int(next))
                }
            }
            for node in reached.indices where reached[node] { total += worlds.weights.units(of: node) }
        }
        return total
    }
}

// MARK: - Guarantees on the exact weighted optimum

extension SpreadObjectiveTests {
    /// IMM on weighted RR sets reaches (1 − 1/e − ε) of the best k-subset's exact summed worth,
    /// for IC and LT, and its estimate `W·F` is within 5 standard errors of the truth; for one
    /// seed the weighted choice is not the spread's.
    @Test(arguments: [1, 2, 3])
    func weightedIMMMeetsItsGuarantee(k: Int) throws {
        for (model, exact) in SeedingFixture.enumerable {
            var rng = Xoshiro256StarStar(seed: 4)
            let live = Self.weighted(model)
            let run = try IMM(epsilon: 0.1).run(count: k, model: live, threads: 2, using: &rng)
            let optimum = exact.optimum(seeds: k, worth: Self.worth)
            let value = exact.spread(of: run.seeds, worth: Self.worth)
            #expect(value >= (1 - 1 / M_E - 0.1) * optimum)
            #expect(value >= 0.95 * optimum)
            let total = live.spreadScale
            let p = value / total
            let standardError = total * (p * (1 - p) / Double(run.selectionSets)).squareRoot()
            #expect(abs(run.estimatedSpread - value) <= 5 * standardError + 1e-9)
            #expect(abs(run.marginalGains.reduce(0, +) - run.estimatedSpread) < 1e-9)
            if k == 1 {
                let unweighted = try IMM(epsilon: 0.1).run(
                    count: 1, model: LiveEdgeModel(model), threads: 2, using: &rng)
                #expect(run.seeds != unweighted.seeds)
            }
        }
    }

    /// CELF on weighted worlds is plain weighted greedy on the same worlds (every gain from
    /// scratch), its gains add up to the seeds' weighted coverage, and with many worlds it
    /// reaches (1 − 1/e) of the exact weighted optimum.
    @Test(arguments: [2, 3])
    func weightedCELFIsPlainWeightedGreedy(k: Int) throws {
        for (model, exact) in SeedingFixture.enumerable {
            let worlds = LiveEdgeWorlds(
                model: Self.weighted(model), count: 2_000, streams: RandomStreams(masterSeed: 5), threads: 2)
            let selection = CELF.greedySelection(count: k, on: worlds, threads: 2)
            var plain: [Int] = []
            for _ in 0..<k {
                let base = Self.reachedWorth(plain, on: worlds)
                let best = (0..<9).filter { !plain.contains($0) }.max { a, b in
                    let (gainA, gainB) = (
                        Self.reachedWorth(plain + [a], on: worlds) - base,
                        Self.reachedWorth(plain + [b], on: worlds) - base
                    )
                    return gainA < gainB || (gainA == gainB && a > b)
                }
                plain.append(try #require(best))
            }
            #expect(selection.seeds.map(Int.init) == plain)
            #expect(selection.gains.reduce(0, +) == Self.reachedWorth(plain, on: worlds))
            let value = exact.spread(of: selection.seeds, worth: Self.worth)
            #expect(value >= (1 - 1 / M_E) * exact.optimum(seeds: k, worth: Self.worth))
        }
    }

    /// IMM's and OPIM-C's sample sizes with `W` and `w_max` against their formulas, and the
    /// spread's own constants when `W = n` and `w_max = 1`.
    @Test func weightedSampleSizesMatchTheirFormulas() {
        let (n, k, epsilon, ell, scale, smallest) = (1_000, 10, 0.2, 1.0, 250.0, 2.0)
        let bounds = IMM.Bounds(
            nodeCount: n, seeds: k, epsilon: epsilon, ell: ell, scale: scale, smallestOptimum: smallest)
        let logN = log(Double(n))
        let raisedEll = ell * (1 + log(2) / logN)
        let logBinomial = lgamma(1001) - lgamma(11) - lgamma(991)
        let epsilonPrime = 2.0.squareRoot() * epsilon
        let lambdaPrime =
            (2 + 2 * epsilonPrime / 3) * (logBinomial + raisedEll * logN + log(log2(scale / smallest))) * scale
            / (epsilonPrime * epsilonPrime)
        let e = 1 - 1 / M_E
        let alpha = (raisedEll * logN + log(2)).squareRoot()
        let beta = (e * (logBinomial + raisedEll * logN + log(2))).squareRoot()
        let lambdaStar = 2 * scale * pow(e * alpha + beta, 2) / (epsilon * epsilon)
        #expect(abs(bounds.lambdaPrime / lambdaPrime - 1) < 1e-12 && abs(bounds.lambdaStar / lambdaStar - 1) < 1e-12)
        #expect(bounds.range == 125)
        #expect(
            IMM.Bounds(nodeCount: n, seeds: k, epsilon: epsilon, ell: ell, scale: Double(n))
                == IMM.Bounds(nodeCount: n, seeds: k, epsilon: epsilon, ell: ell))
        let plain = OPIM.schedule(nodeCount: n, seeds: k, epsilon: epsilon, delta: 0.001)
        let weighted = OPIM.schedule(
            nodeCount: n, seeds: k, epsilon: epsilon, delta: 0.001, scale: 4 * Double(n), smallestOptimum: Double(k))
        // θ_max = θ₀·W/(OPT_lower·ε²): four times the scale, two more doublings.
        #expect(weighted.initial == plain.initial && weighted.rounds == plain.rounds + 2)
    }

    /// OPIM-C's certificate on weighted sets brackets the truth: its lower bound is below the
    /// seeds' exact summed worth and its upper bound above the exact optimum.
    @Test func weightedOPIMCertifiesTheExactWorth() throws {
        for (model, exact) in SeedingFixture.enumerable {
            var rng = Xoshiro256StarStar(seed: 8)
            let run = try OPIM(epsilon: 0.1).run(count: 2, model: Self.weighted(model), threads: 2, using: &rng)
            let value = exact.spread(of: run.seeds, worth: Self.worth)
            #expect(try #require(run.certificate.spreadLowerBound) <= value)
            #expect(run.certificate.optimumUpperBound >= exact.optimum(seeds: 2, worth: Self.worth))
            #expect(value >= (1 - 1 / M_E - 0.1) * exact.optimum(seeds: 2, worth: Self.worth))
        }
    }
}

// MARK: - Fixed point and determinism

extension SpreadObjectiveTests {
    /// Each worth is kept within 2⁻³¹ of the largest, and `W` is their sum to the same
    /// precision; the k largest summed bound the optimum from below.
    @Test func worthsRoundWithinTheirResolution() {
        let weights = NodeWeights(worth: Self.worth)
        for (node, worth) in Self.worth.enumerated() {
            #expect(abs(weights.value(of: node) - worth) <= 400 * 0x1p-31)
        }
        #expect(abs(weights.total - Self.worth.reduce(0, +)) <= 9 * 400 * 0x1p-31)
        #expect(abs(weights.largestSum(2) - 700) <= 1e-6)
        #expect(weights.maximum == 400)
        let unit = NodeWeights(unitsFor: 9)
        #expect(unit.total == 9 && unit.largestSum(3) == 3 && unit.value(of: 4) == 1)
    }

    /// Multiplying every worth by 3 keeps the units, so IMM and CELF choose the same seeds
    /// from the same draws, and every estimate is exactly 3 times as large.
    @Test func scalingEveryWorthScalesTheEstimatesOnly() throws {
        let tripled = Self.worth.map { 3 * $0 }
        var first = Xoshiro256StarStar(seed: 2)
        var second = Xoshiro256StarStar(seed: 2)
        let one = try IMM().run(count: 3, model: Self.weighted(SeedingFixture.cascade), threads: 2, using: &first)
        let three = try IMM().run(
            count: 3, model: Self.weighted(SeedingFixture.cascade, tripled), threads: 2, using: &second)
        #expect(one.seeds == three.seeds && one.selectionSets == three.selectionSets)
        #expect(abs(three.estimatedSpread - 3 * one.estimatedSpread) < 1e-9 * three.estimatedSpread)
        let worlds = [Self.worth, tripled].map {
            LiveEdgeWorlds(
                model: Self.weighted(SeedingFixture.threshold, $0), count: 200, streams: RandomStreams(masterSeed: 3),
                threads: 2)
        }
        let selections = worlds.map { CELF.greedySelection(count: 3, on: $0, threads: 2) }
        #expect(selections[0].seeds == selections[1].seeds && selections[0].gains == selections[1].gains)
        #expect(abs(worlds[1].average(selections[1].gains[0]) - 3 * worlds[0].average(selections[0].gains[0])) < 1e-9)
    }

    /// Weighted IMM and CELF choose the same seeds with the same gains on 1 and 2 threads.
    @Test func weightedChoicesDoNotDependOnThreads() throws {
        let model = Self.weighted(SeedingFixture.cascade)
        let imm = try [1, 2].map { threads in
            var rng = Xoshiro256StarStar(seed: 12)
            return try IMM().run(count: 3, model: model, threads: threads, using: &rng)
        }
        #expect(imm[0].seeds == imm[1].seeds && imm[0].marginalGains == imm[1].marginalGains)
        let celf = [1, 2].map { threads in
            CELF.greedySelection(
                count: 3,
                on: LiveEdgeWorlds(model: model, count: 300, streams: RandomStreams(masterSeed: 4), threads: threads),
                threads: threads)
        }
        #expect(celf[0].seeds == celf[1].seeds && celf[0].gains == celf[1].gains)
    }
}

// MARK: - Through the content-aware model

extension SpreadObjectiveTests {
    /// Six users and eight arcs: few enough live-edge worlds for a brute force over pairs.
    static let smallGraph = Fixture.graph(6, [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 3), (1, 2)])

    /// Item `item` of a content-aware platform on `graph`: its model, the exact spreads of its
    /// live-edge form, and each user's revenue worth.
    static func contentAware(item: Int, on graph: Graph = SeedingFixture.graph) throws -> (
        model: CompiledModel, exact: ExactSpread, worth: [Double]
    ) {
        let world = Fixture.world(graph, seed: 21)
        let kernel = ContentAware(world: world, item: item, parameters: ContentAwareParameters(), maximumSteps: 100)
        let probabilities = (0..<graph.arcCount).map(kernel.independentProbability(ofArc:))
        let stage = try #require(kernel.purchaseStage)
        return (
            .contentAware(kernel), ExactSpread(cascade: graph, probabilities: probabilities),
            stage.probabilities.map { $0 * stage.price }
        )
    }

    /// The revenue worth of a user is p_buy(v)·price from the model's own formula; IMM and
    /// CELF with `objective: revenue` meet their guarantees on it, and `purchases` (the same
    /// worths over the price) chooses the same seeds for one item.
    @Test func revenueSeedsMeetTheGuaranteeOnTheContentAwareForm() throws {
        let world = Fixture.world(SeedingFixture.graph, seed: 21)
        let parameters = ContentAwareParameters()
        let (model, exact, worth) = try Self.contentAware(item: 1)
        let affinity = world.affinities(to: 1, measure: parameters.affinity)
        let price = world.catalogue.prices[1]
        for user in 0..<9 {
            let expected =
                parameters.purchaseProbability(
                    affinity: Double(affinity[user]), appeal: Double(world.catalogue.appeal[1]), price: price) * price
            #expect(abs(worth[user] - expected) <= 1e-8 * price)
        }
        let context = SeedingContext(world: world, item: 1, model: model, threads: 2)
        let optimum = exact.optimum(seeds: 2, worth: worth)
        for policy in [IMM(objective: .revenue), CELF(simulations: 4_000, objective: .revenue)] as [any SeedingPolicy] {
            var rng = Xoshiro256StarStar(seed: 6)
            let chosen = try policy.chooseSeeds(count: 2, in: context, using: &rng)
            #expect(exact.spread(of: chosen.seeds, worth: worth) >= (1 - 1 / M_E - 0.1) * optimum, "\(policy.name)")
            var again = Xoshiro256StarStar(seed: 6)
            let purchases = try
                (policy.name == "imm"
                ? IMM(objective: .purchases) : CELF(simulations: 4_000, objective: .purchases) as any SeedingPolicy)
                .chooseSeeds(count: 2, in: context, using: &again)
            #expect(purchases.seeds == chosen.seeds, "\(policy.name)")
        }
    }

    /// In a joint campaign over two items, revenue weighs each item by its price: joint IMM
    /// and CELF reach half the brute-force optimum of the campaign's revenue over all
    /// assignments of distinct users to items.
    @Test func jointRevenueReachesHalfTheOptimumOverPairs() throws {
        let items = try [0, 1].map { try Self.contentAware(item: $0, on: Self.smallGraph) }
        func revenue(_ pairs: [SeedPair]) -> Double {
            items.indices.reduce(0) { total, item in
                total
                    + items[item].exact.spread(
                        of: pairs.filter { $0.itemIndex == item }.map(\.user), worth: items[item].worth)
            }
        }
        var best = 0.0
        func assign(_ user: Int, _ pairs: [SeedPair]) {
            if pairs.count == 3 || user == 6 {
                best = max(best, revenue(pairs))
                return
            }
            assign(user + 1, pairs)
            for item in items.indices { assign(user + 1, pairs + [SeedPair(user: NodeID(user), itemIndex: item)]) }
        }
        assign(0, [])
        let context = JointSeedingContext(
            world: Fixture.world(Self.smallGraph, seed: 21), items: [0, 1], models: items.map(\.model),
            limits: [3, 3], threads: 2)
        for policy in [IMM(objective: .revenue), CELF(simulations: 4_000, objective: .revenue)]
            as [any PairSeedingPolicy]
        {
            var rng = Xoshiro256StarStar(seed: 7)
            let chosen = try policy.choosePairs(count: 3, in: context, using: &rng)
            #expect(chosen.pairs.count == 3 && context.allows(chosen.pairs))
            #expect(revenue(chosen.pairs) >= 0.5 * best, "\(policy.name)")
        }
    }

    /// A realised episode of the RL environment rewards each reached user with its own worth:
    /// the weighted return is the summed worth of a set of users that holds the seeds and has
    /// as many users as the unweighted return (the same realisation: worths do not change the
    /// draws), and the learner's scale is `W`.
    @Test(arguments: [0, 1, 2, 3])
    func realisedRewardsCountEachUsersWorth(episode: Int) {
        let world = Fixture.world(SeedingFixture.graph)
        var configuration = SeedingEnvironment.Configuration()
        configuration.budget = 2
        configuration.rounds = 2
        let seeds = [0, 5]
        let models = [LiveEdgeModel(SeedingFixture.cascade), Self.weighted(SeedingFixture.cascade)]
        let returns = models.map { model -> Double in
            var environment = SeedingEnvironment(
                world: world, items: [0], models: [model], embedding: nil, configuration: configuration, seed: 9,
                threads: 1)
            environment.reset(episode: episode)
            for user in seeds { _ = environment.act(SeedPair(user: NodeID(user), itemIndex: 0)) }
            #expect(abs(environment.rewardScale - model.spreadScale) < 1e-9)
            return environment.episodeReturn
        }
        let weights = NodeWeights(worth: Self.worth)
        let matching = (0..<(1 << 9)).filter { mask in
            seeds.allSatisfy { (mask >> $0) & 1 == 1 } && mask.nonzeroBitCount == Int(returns[0])
                && abs((0..<9).reduce(0.0) { $0 + ((mask >> $1) & 1 == 1 ? weights.value(of: $1) : 0) } - returns[1])
                    < 1e-6
        }
        #expect(returns[0] >= 2 && !matching.isEmpty)
    }
}

// MARK: - Scenario keys

extension SpreadObjectiveTests {
    /// `objective` is checked by name, refused under a model without purchases for `imm` and
    /// for `rl` training, and a `revenue` scenario under content_aware runs.
    @Test func objectivesAreCheckedAtTheirKeys() throws {
        let folder = try TemporaryFolder()
        func scenario(_ model: String, _ policy: String, rl: String = "") throws -> (path: String, scenario: Scenario) {
            let path = try folder.write(
                "objective.json",
                #"{ graph: { type: "erdos_renyi", nodes: 40, mean_degree: 4 }, model: { type: "\#(model)" }, budget: 2, policies: [\#(policy)], simulation: { replicates: 4 }\#(rl) }"#
            )
            return (path, try ScenarioLoader.load(path: path))
        }
        let misnamed = #expect(throws: ScenarioError.self) {
            try scenario("content_aware", #"{ type: "imm", objective: "profit" }"#)
        }
        #expect(
            misnamed?.description.hasSuffix(
                "policies[0].objective: expected one of: adopters, purchases, revenue, got 'profit'") == true)
        let cascade = try scenario("independent_cascade", #"{ type: "celf", objective: "revenue" }"#)
        let refused = #expect(throws: ScenarioError.self) {
            try cascade.scenario.makePlan(world: cascade.scenario.makeWorld(baseDirectory: folder.path))
        }
        #expect(
            refused?.description
                == "policies[0].objective: must be adopters under independent_cascade: only content_aware has purchases, got 'revenue'"
        )
        #expect(CommandLineTool.run(["validate", cascade.path]) == 2)
        let training = try scenario(
            "independent_cascade", #"{ type: "imm" }"#, rl: #", rl: { objective: "purchases" }"#)
        let trainingError = #expect(throws: ScenarioError.self) {
            try training.scenario.check(.train, baseDirectory: folder.path) {
                try training.scenario.makeWorld(baseDirectory: folder.path)
            }
        }
        #expect(
            trainingError?.description
                == "rl.objective: must be adopters under independent_cascade: only content_aware has purchases, got 'purchases'"
        )
        let revenue = try scenario(
            "content_aware", #"{ type: "imm", objective: "revenue" }, { type: "opim", objective: "purchases" }"#)
        let plan = try revenue.scenario.makePlan(world: revenue.scenario.makeWorld(baseDirectory: folder.path))
        #expect(plan.policies.map(\.name) == ["imm", "opim"])
    }
}
