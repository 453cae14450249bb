import Testing

@testable import Contagion

@Suite struct RandomStreamsTests {
    static let phases: [RandomPhase] = [.graph, .population, .seeding, .cascade, .benchmark]

    /// The first `count` words of a generator.
    static func prefix(_ rng: Xoshiro256StarStar, _ count: Int = 4) -> [UInt64] {
        var copy = rng
        return (0..<count).map { _ in copy.next() }
    }

    @Test(arguments: phases)
    func equalPositionsGiveEqualGenerators(phase: RandomPhase) {
        let streams = RandomStreams(masterSeed: 31)
        let again = RandomStreams(masterSeed: 31)
        #expect(Self.prefix(streams.generator(phase, 3, 7)) == Self.prefix(again.generator(phase, 3, 7)))
        #expect(Self.prefix(streams.generator(phase)) == Self.prefix(streams.generator(phase, 0, 0)))
    }

    @Test func everyPositionOfAGridGetsItsOwnStream() {
        let streams = RandomStreams(masterSeed: 31)
        var firstWords = Set<UInt64>()
        var positions = 0
        for phase in Self.phases {
            for first in 0..<8 {
                for second in 0..<8 {
                    firstWords.insert(Self.prefix(streams.generator(phase, first, second), 1)[0])
                    positions += 1
                }
            }
        }
        #expect(firstWords.count == positions)
    }

    @Test func swappedIndicesGiveDifferentStreams() {
        let streams = RandomStreams(masterSeed: 8)
        #expect(Self.prefix(streams.generator(.cascade, 1, 2)) != Self.prefix(streams.generator(.cascade, 2, 1)))
        #expect(Self.prefix(streams.generator(.cascade, 5, 0)) != Self.prefix(streams.generator(.cascade, 0, 5)))
    }

    @Test func differentMasterSeedsGiveDifferentStreams() {
        let a = RandomStreams(masterSeed: 1)
        let b = RandomStreams(masterSeed: 2)
        for phase in Self.phases {
            #expect(Self.prefix(a.generator(phase, 4, 1)) != Self.prefix(b.generator(phase, 4, 1)))
        }
        #expect(a.masterSeed == 1)
    }

    @Test func negativeIndicesAreDistinctPositions() {
        let streams = RandomStreams(masterSeed: 1)
        #expect(Self.prefix(streams.generator(.seeding, -1)) != Self.prefix(streams.generator(.seeding, 1)))
    }
}
