/// A hash table from (row, column) pairs to a small state word, for sparse per-pair state such
/// as "has user u seen item i" when a dense n × m array would not fit.
///
/// Open addressing with linear probing over a power-of-two table, kept at most half full;
/// keys are `row · columns + column`, mixed by a Fibonacci multiply. Lookups never depend on
/// insertion order or on Swift's per-process hash seed, and the table is never iterated, so
/// it cannot make a run irreproducible.
///
/// - Complexity: expected O(1) per lookup or insertion; memory 10 bytes per slot, at most
///   4 slots per stored pair after growth (20–40 bytes a pair).
struct PairTable {
    private static let empty = UInt64.max
    private let columns: UInt64
    private var keys: [UInt64]
    private var states: [UInt16]
    private var shift: UInt64
    /// Number of stored pairs.
    private(set) var count = 0

    /// An empty table for pairs with `column < columns`, sized for about `capacity` pairs.
    init(columns: Int, capacity: Int = 1024) {
        self.columns = UInt64(max(columns, 1))
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [UInt64](repeating: Self.empty, count: size)
        states = [UInt16](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The state of (`row`, `column`), 0 if the pair was never stored.
    @inline(__always)
    func state(_ row: Int, _ column: Int) -> UInt16 {
        let key = UInt64(row) &* columns &+ UInt64(column)
        var slot = home(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return states[slot] }
            if stored == Self.empty { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Sets the state of (`row`, `column`), storing the pair if new.
    @inline(__always)
    mutating func setState(_ row: Int, _ column: Int, _ state: UInt16) {
        let key = UInt64(row) &* columns &+ UInt64(column)
        var slot = home(of: key)
        while true {
            let stored = keys[slot]
            if stored == key {
                states[slot] = state
                return
            }
            if stored == Self.empty { break }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[slot] = key
        states[slot] = state
        count += 1
        if 2 * count > keys.count { grow() }
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func grow() {
        let oldKeys = keys
        let oldStates = states
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        states = [UInt16](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        for (key, state) in zip(oldKeys, oldStates) where key != Self.empty {
            var slot = home(of: key)
            while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            states[slot] = state
        }
    }
}
