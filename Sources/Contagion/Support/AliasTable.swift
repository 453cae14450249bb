/// Walker's alias method: draws index `i` with probability `weights[i] / Σ weights` in O(1).
///
/// Vose's construction (Vose 1991): every slot holds a probability of keeping its own index
/// and an alias to jump to otherwise, so a draw is one uniform slot and one comparison.
///
/// - Complexity: O(n) to build, O(1) per draw, 8·n bytes.
public struct AliasTable: Sendable {
    /// Probability of keeping slot `i` (threshold form, see ``bernoulliThreshold(_:)``).
    let keep: [UInt32]
    /// Where slot `i` sends a draw that does not keep it.
    let alias: [Int32]

    /// Builds the table for non-negative `weights` with a positive sum.
    public init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        precondition(n > 0 && total > 0 && weights.allSatisfy { $0 >= 0 })
        var scaled = weights.map { $0 * Double(n) / total }
        var keep = [UInt32](repeating: .max, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small: [Int] = []
        var large: [Int] = []
        for i in 0..<n {
            alias[i] = Int32(i)
            if scaled[i] < 1 { small.append(i) } else { large.append(i) }
        }
        while let s = small.last, let l = large.last {
            small.removeLast()
            keep[s] = bernoulliThreshold(scaled[s])
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        // Whatever is left keeps its own slot (rounding leaves slots within ε of 1).
        self.keep = keep
        self.alias = alias
    }

    /// The number of indices.
    public var count: Int { keep.count }

    /// Draws an index.
    @inline(__always)
    public func sample(using rng: inout Xoshiro256StarStar) -> Int {
        let slot = rng.nextIndex(below: keep.count)
        return rng.bernoulli(threshold: keep[slot]) ? slot : Int(alias[slot])
    }
}
