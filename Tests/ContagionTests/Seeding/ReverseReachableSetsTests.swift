import Testing

@testable import Contagion

@Suite struct ReverseReachableSetsTests {
    static func sample(
        _ model: CompiledModel, count: Int, threads: Int = 2, seed: UInt64 = 3
    ) -> ReverseReachableSets {
        var sets = ReverseReachableSets(nodeCount: LiveEdgeModel(model).graph.nodeCount)
        sets.extend(
            to: count, model: LiveEdgeModel(model), streams: RandomStreams(masterSeed: seed), family: 0,
            threads: threads)
        return sets
    }

    /// Every set, singletons included, as an array of members.
    static func allSets(_ sets: ReverseReachableSets) -> [[NodeID]] {
        (0..<sets.multiMemberCount).map { Array(sets.members(ofSet: $0)) }
            + sets.singletons.enumerated().flatMap { node, count in
                [[NodeID]](repeating: [NodeID(node)], count: Int(count))
            }
    }
}

// MARK: - The RR-set identities

extension ReverseReachableSetsTests {
    /// Σ_v σ({v}) = n·E|RR| (each node of an RR set is one (source, root) reachability), with the
    /// exact single-node spreads from enumerating every live-edge world; tolerance 5 SE.
    @Test func summedSingleSpreadsEqualNTimesTheMeanSize() {
        for (model, exact) in SeedingFixture.enumerable {
            let sets = Self.sample(model, count: 200_000)
            let sizes = Self.allSets(sets).map { Double($0.count) }
            let summary = SampleSummary(sizes)
            #expect(sets.totalSize == Int(sizes.reduce(0, +)))
            let n = Double(exact.nodeCount)
            let expected = (0..<exact.nodeCount).reduce(0.0) { $0 + exact.spread(of: [NodeID($1)]) }
            #expect(abs(n * summary.mean - expected) < 5 * n * summary.standardError)
        }
    }

    /// σ(S) = n·P(S meets an RR set), for a seed pair, against the exact spread.
    @Test func coverageEstimatesTheSpreadOfASeedSet() {
        let exact = ExactSpread(cascade: SeedingFixture.graph, probabilities: SeedingFixture.probabilities)
        let sets = Self.allSets(Self.sample(SeedingFixture.cascade, count: 200_000))
        let seeds: [NodeID] = [0, 6]
        let hits = sets.map { set in set.contains { seeds.contains($0) } ? 1.0 : 0.0 }
        let summary = SampleSummary(hits)
        #expect(abs(9 * summary.mean - exact.spread(of: seeds)) < 5 * 9 * summary.standardError)
    }

    /// Under LT each node keeps one live in-arc, so an RR set is a reverse walk: on a path
    /// 0 → 1 → 2 → 3 with weight 1 the set of root v is {v, v−1, …, 0}, cut at T arcs.
    @Test func thresholdSetsAreReverseWalksCutAtTheStepLimit() {
        let graph = Fixture.graph(4, [(0, 1), (1, 2), (2, 3)])
        for limit in [1, 2, 10] {
            let model = CompiledModel.linearThreshold(
                LinearThreshold(graph: graph, useTieStrength: false, maximumSteps: limit))
            for set in Self.allSets(Self.sample(model, count: 2_048)) {
                let root = Int(set[0])
                #expect(set == (max(0, root - limit)...root).reversed().map { NodeID($0) })
            }
        }
    }

    /// On a directed cycle of 40 (each node's one in-arc certain under LT) a walk goes round
    /// until it comes back to its root: every set is the whole cycle, each node once — past
    /// the 16 nodes after which the walk switches from scanning itself to visited marks — and
    /// a step limit of 25 cuts it at 26 nodes.
    @Test func longThresholdWalksStopWhereTheyComeBack() {
        let n = 40
        let graph = Fixture.graph(n, (0..<n).map { ($0, ($0 + 1) % n) })
        for (limit, size) in [(Int.max, n), (25, 26)] {
            let model = CompiledModel.linearThreshold(
                LinearThreshold(graph: graph, useTieStrength: false, maximumSteps: limit))
            for set in Self.allSets(Self.sample(model, count: 1_024)) {
                let root = Int(set[0])
                #expect(set == (0..<size).map { NodeID((root - $0 + n) % n) }, "root \(root)")
            }
        }
    }

    /// p = 1: the set of v is everyone who reaches v; p = 0: v alone (all kept as counts).
    @Test func certainAndImpossibleArcs() {
        let graph = Fixture.graph(5, [(0, 1), (1, 2), (3, 2), (2, 4)])
        let certain = Self.allSets(
            Self.sample(
                .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(1))), count: 1_024
            ))
        let ancestors: [Set<NodeID>] = [[0], [0, 1], [0, 1, 2, 3], [3], [0, 1, 2, 3, 4]]
        for set in certain { #expect(Set(set) == ancestors[Int(set[0])] && set.count == Set(set).count) }
        let none = Self.sample(
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0))), count: 1_024)
        #expect(none.multiMemberCount == 0 && none.singletons.reduce(0, +) == 1_024 && none.totalSize == 1_024)
    }

    /// Geometric skipping (uniform p below 0.25, weighted cascade) and arc-by-arc draws give
    /// the same law: a star of 200 leaves into one hub, mean RR size of the hub 1 + 200·p.
    @Test(arguments: [0.01, 0.2, 0.3])
    func skippingAndPerArcDrawsAgree(p: Double) {
        let graph = Fixture.graph(201, (1...200).map { ($0, 0) })
        let model = LiveEdgeModel(
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(p))))
        guard case .independent(let rule) = model.rule else {
            Issue.record("IC must draw arcs independently")
            return
        }
        #expect((rule.inverseLogFailure[0] != 0) == (p < 0.25))
        var rng = Xoshiro256StarStar(seed: 8)
        let draws = 20_000
        var live = [Double]()
        for _ in 0..<draws {
            var count = 0
            rule.drawLiveInArcs(of: 0, using: &rng) { _ in count += 1 }
            live.append(Double(count))
        }
        let summary = SampleSummary(live)
        #expect(abs(summary.mean - 200 * p) < 5 * summary.standardError)
        #expect(
            abs(summary.standardDeviation - (200 * p * (1 - p)).squareRoot()) < 0.05 * (200 * p * (1 - p)).squareRoot())
    }

    @Test func setsDoNotDependOnTheThreadCount() {
        let one = Self.sample(SeedingFixture.cascade, count: 10_000, threads: 1)
        let three = Self.sample(SeedingFixture.cascade, count: 10_000, threads: 3)
        #expect(one.offsets == three.offsets && one.members == three.members && one.singletons == three.singletons)
        #expect(one.count == 10_000)
    }

    /// Reaching a count in steps that end inside blocks (700, then 3,000, then 10,000) draws
    /// the same sets as reaching it at once, and drawing two halves together equals drawing
    /// each from its own family.
    @Test func setsDoNotDependOnTheSteps() {
        let model = LiveEdgeModel(SeedingFixture.cascade)
        let streams = RandomStreams(masterSeed: 3)
        let once = Self.sample(SeedingFixture.cascade, count: 10_000)
        var stepped = ReverseReachableSets(nodeCount: model.graph.nodeCount)
        for target in [700, 3_000, 10_000] {
            stepped.extend(to: target, model: model, streams: streams, family: 0, threads: 2)
            #expect(stepped.count == target)
        }
        #expect(stepped.offsets == once.offsets && stepped.members == once.members)
        #expect(stepped.singletons == once.singletons && stepped.totalSize == once.totalSize)
        var first = ReverseReachableSets(nodeCount: model.graph.nodeCount)
        var second = first
        for target in [700, 10_000] {
            ReverseReachableSets.extendHalves(
                &first, &second, to: target, model: model, streams: streams, threads: 3)
        }
        var alone = ReverseReachableSets(nodeCount: model.graph.nodeCount)
        alone.extend(to: 10_000, model: model, streams: streams, family: 1, threads: 1)
        #expect(first.members == once.members && first.singletons == once.singletons)
        #expect(second.offsets == alone.offsets && second.members == alone.members)
        #expect(second.singletons == alone.singletons && second.count == 10_000)
    }
}
