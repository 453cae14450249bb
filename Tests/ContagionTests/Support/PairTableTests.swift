import Testing

@testable import Contagion

/// The sparse pair table against a dictionary, through growth.
@Suite struct PairTableTests {
    @Test func storesWhatADictionaryStoresThroughGrowth() {
        var table = PairTable(columns: 1000, capacity: 4)
        var reference: [Int: UInt16] = [:]
        var rng = Xoshiro256StarStar(seed: 3)
        for _ in 0..<20_000 {
            let row = rng.nextIndex(below: 500)
            let column = rng.nextIndex(below: 1000)
            let state = UInt16(rng.nextIndex(below: 65_535) + 1)
            table.setState(row, column, state)
            reference[row * 1000 + column] = state
        }
        #expect(table.count == reference.count)
        for row in 0..<500 {
            for column in stride(from: 0, to: 1000, by: 7) {
                #expect(table.state(row, column) == reference[row * 1000 + column] ?? 0)
            }
        }
    }
}
