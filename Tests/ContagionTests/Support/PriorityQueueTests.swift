import Testing

@testable import Contagion

@Suite struct PriorityQueueTests {
    /// Built from a list and fed more, it hands everything back in order, ties by the second key.
    @Test func popsInRankOrder() {
        var rng = Xoshiro256StarStar(seed: 4)
        let values = (0..<300).map { (rng.nextIndex(below: 20), $0) }
        var queue = PriorityQueue(Array(values.prefix(150))) { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        for value in values.dropFirst(150) { queue.push(value) }
        var popped: [(Int, Int)] = []
        while let next = queue.pop() { popped.append(next) }
        let expected = values.sorted { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        #expect(popped.map(\.0) == expected.map(\.0) && popped.map(\.1) == expected.map(\.1))
    }
}
