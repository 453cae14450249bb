import Testing

@testable import Contagion

@Suite struct MaximumCoverageTests {
    /// Sets {0,1,2}, {2,3}, {3,4}, {4}, {4}, {1}: node 4 covers three; then 1 ({0,1,2}, {1})
    /// and 2 ({0,1,2}, {2,3}) tie at two and the lower id wins; then 2 covers {2,3}: gains 3, 2, 1.
    @Test func picksTheLargestUncoveredCountWithLowerIdTies() {
        let sets = Self.sets([[0, 1, 2], [2, 3], [3, 4], [4], [4], [1]], nodeCount: 5)
        #expect(MaximumCoverage.greedy(sets, count: 3) == .init(seeds: [4, 1, 2], gains: [3, 2, 1]))
        #expect(MaximumCoverage.greedy(sets, count: 3).coveredSets == 6)
        // With every set covered the rest still come out, by lower id.
        #expect(MaximumCoverage.greedy(sets, count: 5).seeds == [4, 1, 2, 0, 3])
    }

    /// The incremental counts give the same picks as recounting from scratch every round.
    @Test func incrementalCountsEqualRecounting() {
        let sets = ReverseReachableSetsTests.sample(SeedingFixture.cascade, count: 5_000)
        let all = ReverseReachableSetsTests.allSets(sets)
        var chosen: [NodeID] = []
        for _ in 0..<5 {
            let gains = (0..<9).map { node in
                chosen.contains(NodeID(node))
                    ? -1 : all.filter { $0.contains(NodeID(node)) && !$0.contains(where: chosen.contains) }.count
            }
            chosen.append(NodeID(gains.indices.max { gains[$0] < gains[$1] || (gains[$0] == gains[$1] && $0 > $1) }!))
        }
        let selection = MaximumCoverage.greedy(sets, count: 5)
        #expect(selection.seeds == chosen)
        #expect(selection.coveredSets == all.filter { $0.contains(where: chosen.contains) }.count)
    }

    /// An index updated chunk by chunk as the collection grows gives the same selection as one
    /// built at once, and the optimum bound equals its definition recounted from scratch: the
    /// least, over steps j, of the first j seeds' coverage plus the k largest gains then.
    @Test func chunkedIndexAndBoundMatchRecounting() {
        let model = LiveEdgeModel(SeedingFixture.cascade)
        let streams = RandomStreams(masterSeed: 5)
        var sets = ReverseReachableSets(nodeCount: 9)
        var index = CoverageIndex(nodeCount: 9)
        for target in [300, 1_500, 4_000] {
            sets.extend(to: target, model: model, streams: streams, family: 0, threads: 2)
            index.update(with: sets)
        }
        #expect(index.chunks.count == 3)
        let k = 3
        let chunked = MaximumCoverage.greedy(sets, index: index, count: k, boundsOptimum: true)
        #expect(chunked == MaximumCoverage.greedy(sets, count: k, boundsOptimum: true))
        #expect(index.counts == CoverageIndex(sets).counts)
        // One more set of two members, fewer than there are nodes: one chunk again, same answers.
        var grown = sets
        grown.append(members: [4, 7])
        var rebuilt = index
        rebuilt.update(with: grown)
        #expect(rebuilt.chunks.count == 1 && rebuilt.indexedSets == grown.multiMemberCount)
        #expect(rebuilt.counts == CoverageIndex(grown).counts)
        #expect(
            MaximumCoverage.greedy(grown, index: rebuilt, count: k, boundsOptimum: true)
                == MaximumCoverage.greedy(grown, count: k, boundsOptimum: true))
        let all = ReverseReachableSetsTests.allSets(sets)
        var bound = Int.max
        for j in 0...k {
            let chosen = Array(chunked.seeds.prefix(j))
            let covered = all.filter { $0.contains(where: chosen.contains) }.count
            let gains = (0..<9).filter { !chosen.contains(NodeID($0)) }.map { node in
                all.filter { $0.contains(NodeID(node)) && !$0.contains(where: chosen.contains) }.count
            }
            bound = min(bound, covered + gains.sorted(by: >).prefix(k).reduce(0, +))
        }
        #expect(chunked.optimumBound == bound)
    }

    /// A collection holding exactly `lists`.
    static func sets(_ lists: [[NodeID]], nodeCount: Int) -> ReverseReachableSets {
        var sets = ReverseReachableSets(nodeCount: nodeCount)
        for list in lists { sets.append(members: list) }
        return sets
    }
}
