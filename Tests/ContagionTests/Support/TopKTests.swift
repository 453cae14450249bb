import Testing

@testable import Contagion

@Suite struct TopKTests {
    @Test func theLargestComeFirstWithTiesToTheLowerIndex() {
        #expect(TopK.indices(of: [3, 1, 3, 2], count: 3) == [0, 2, 3])
        #expect(TopK.indices(of: [3, 1, 3, 2], count: 2, excluding: { $0 == 0 }) == [2, 3])
        #expect(TopK.indices(of: [1, 2], count: 0).isEmpty)
        #expect(TopK.indices(of: [1, 2], count: 5) == [1, 0])
    }

    /// Against a full sort on random scores with many ties.
    @Test func agreesWithSorting() {
        var rng = Xoshiro256StarStar(seed: 9)
        for _ in 0..<50 {
            let scores = (0..<200).map { _ in Float(rng.nextIndex(below: 20)) }
            let k = 1 + rng.nextIndex(below: 30)
            let sorted = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            #expect(TopK.indices(of: scores, count: k) == Array(sorted.prefix(k)))
        }
    }
}
