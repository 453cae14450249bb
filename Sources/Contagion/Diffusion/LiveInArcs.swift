import Foundation

/// How a live-edge model draws the live in-arcs of one node.
///
/// In a live-edge model (Kempe, Kleinberg & Tardos 2003) each node draws which of its in-arcs
/// are *live*, independently of every other node; a node is reached from a seed set iff a
/// path of live arcs leads to it. Reverse-reachable sets (IMM) and sampled worlds (CELF) are
/// both built from this one draw. Arcs are named by their index in the ``ReverseGraph``.
public protocol LiveInArcs: Sendable {
    /// Draws the live in-arcs of `node` and calls `visit` with the reverse-arc index of each.
    func drawLiveInArcs(of node: Int, using rng: inout Xoshiro256StarStar, _ visit: (Int) -> Void)
}

/// Independent cascade: each in-arc is live independently with its probability.
///
/// When every in-arc of a node has the same probability `p` below 0.25 (uniform IC, and the
/// weighted cascade, where `p = 1/indeg(v)`), the draw skips geometrically from one live arc
/// to the next, as ``IndependentCascade`` does forward: about `1 + indeg·p` draws instead of
/// `indeg`, which is what makes reverse sampling cheap at hubs with thousands of followers.
public struct IndependentInArcs: LiveInArcs {
    /// The reverse graph's row starts.
    let offsets: [Int]
    /// The success threshold of each in-arc (see ``bernoulliThreshold(_:)``).
    let thresholds: [UInt32]
    /// Per node, `1 / log(1 − p)` when its in-arcs share one `p` in (0, 0.25), else 0.
    let inverseLogFailure: [Double]
    /// Per node, `(1 − p)^indeg`: the chance that no in-arc is live (skipping nodes only).
    let noSuccess: [Double]

    /// Probabilities at or above this are drawn arc by arc.
    static var largestSkippingProbability: Double { 0.25 }

    /// The rule for `reverse` with `thresholds` aligned with its arcs.
    public init(reverse: ReverseGraph, thresholds: [UInt32]) {
        let n = reverse.offsets.count - 1
        var inverseLogFailure = [Double](repeating: 0, count: n)
        var noSuccess = [Double](repeating: 0, count: n)
        for node in 0..<n {
            let arcs = reverse.offsets[node]..<reverse.offsets[node + 1]
            guard let first = arcs.first, arcs.allSatisfy({ thresholds[$0] == thresholds[first] }) else { continue }
            // The probability the per-arc draw uses, so both draws follow the same law.
            let p = thresholds[first] == .max ? 1 : Double(thresholds[first]) * 0x1p-32
            guard p > 0 && p < Self.largestSkippingProbability else { continue }
            inverseLogFailure[node] = 1 / log1p(-p)
            noSuccess[node] = exp(Double(arcs.count) * log1p(-p))
        }
        self.offsets = reverse.offsets
        self.thresholds = thresholds
        self.inverseLogFailure = inverseLogFailure
        self.noSuccess = noSuccess
    }

    @inline(__always)
    public func drawLiveInArcs(of node: Int, using rng: inout Xoshiro256StarStar, _ visit: (Int) -> Void) {
        let start = offsets[node]
        let end = offsets[node + 1]
        let inverse = inverseLogFailure[node]
        if inverse == 0 {
            for arc in start..<end where rng.bernoulli(threshold: thresholds[arc]) { visit(arc) }
            return
        }
        let first = rng.nextOpenUnit()
        if first <= noSuccess[node] { return }
        var arc = start + Distributions.geometricFailures(first, inverseLogFailure: inverse, limit: end - start)
        while arc < end {
            visit(arc)
            arc += 1 + Distributions.geometricFailures(rng.nextOpenUnit(), inverseLogFailure: inverse, limit: end - arc)
        }
    }
}

/// Linear threshold: each node keeps at most one live in-arc, `u → v` with probability
/// `b_uv` (and none with probability `1 − Σ_u b_uv`), which gives the same distribution of
/// active sets as the threshold process, step by step (Kempe et al. 2003, Claim 2.6).
public struct SingleInArc: LiveInArcs {
    /// The reverse graph's row starts.
    let offsets: [Int]
    /// Running sums of `b_uv` over each node's in-arcs; empty when `b_uv = 1/indeg(v)`.
    let cumulativeWeights: [Double]

    /// The rule for `reverse` with weights `b_uv` aligned with its arcs, or uniform weights (`nil`).
    public init(reverse: ReverseGraph, weights: [Double]?) {
        offsets = reverse.offsets
        guard let weights else {
            cumulativeWeights = []
            return
        }
        var cumulative = weights
        for node in 0..<(offsets.count - 1) where offsets[node] < offsets[node + 1] {
            for arc in (offsets[node] + 1)..<offsets[node + 1] { cumulative[arc] += cumulative[arc - 1] }
        }
        cumulativeWeights = cumulative
    }

    @inline(__always)
    public func drawLiveInArcs(of node: Int, using rng: inout Xoshiro256StarStar, _ visit: (Int) -> Void) {
        let start = offsets[node]
        let end = offsets[node + 1]
        guard start < end else { return }
        if cumulativeWeights.isEmpty {
            visit(start + rng.nextIndex(below: end - start))
            return
        }
        let u = rng.nextUnit()
        if u >= cumulativeWeights[end - 1] { return }
        // The first arc whose running sum exceeds u (binary search).
        var low = start
        var high = end - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > u { high = middle } else { low = middle + 1 }
        }
        visit(low)
    }
}
