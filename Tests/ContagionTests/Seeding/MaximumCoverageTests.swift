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

    /// A collection holding exactly `lists`.
    static func sets(_ lists: [[NodeID]], nodeCount: Int) -> ReverseReachableSets {
        var sets = ReverseReachableSets(nodeCount: nodeCount)
        for list in lists { sets.append(members: list) }
        return sets
    }
}
