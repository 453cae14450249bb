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

    /// Whether a node ever has more than one live in-arc; `true` makes every RR set a
    /// reverse random walk.
    static var keepsAtMostOneArc: Bool { get }
}

extension LiveInArcs {
    /// Independent arcs: any number may be live.
    public static var keepsAtMostOneArc: Bool { false }
}

/// Independent cascade: each in-arc is live independently with its probability.
///
/// Drawing every in-arc of a hub with thousands of followers is what makes reverse sampling
/// slow, so nodes with many in-arcs skip from one live arc to the next:
///
/// - When every in-arc of a node has the same probability `p` below 0.25 (uniform IC, and the
///   weighted cascade, where `p = 1/indeg(v)`), the draw skips geometrically, as
///   ``IndependentCascade`` does forward: about `1 + indeg·p` draws instead of `indeg`.
/// - When they differ, the arcs are visited in decreasing order of probability and the draw
///   skips by subset sampling (Guo, Wang, Xiao & Xu, SIGMOD 2020): from position `i`, with
///   `q = p_i` (no later arc is more likely), it jumps over a Geometric(`q`) number of arcs to a
///   candidate `j` and keeps it with probability `p_j / q`; then `q` falls to `p_{j+1}`. Each
///   arc is tried at the rate of a bound on its own probability that earlier arcs fixed, and
///   kept with its ratio, so it is live with probability exactly `p` and independently of the
///   others; the cost is about the live arcs plus the candidates rejected, instead of `indeg`.
///   Arcs at or above 0.25 are drawn one by one on the way.
public struct IndependentInArcs: LiveInArcs {
    /// The reverse graph's row starts.
    let offsets: [Int]
    /// The success threshold of each in-arc (see ``bernoulliThreshold(_:)``).
    let thresholds: [UInt32]
    /// Per node, `1 / log(1 − p)` when its in-arcs share one `p` in (0, 0.25), else 0.
    let inverseLogFailure: [Double]
    /// Per node, `(1 − p)^indeg`: the chance that no in-arc is live (skipping nodes only).
    let noSuccess: [Double]
    /// Per node, whether it draws by subset sampling (in-arcs of different probabilities).
    let subsetSampled: [Bool]
    /// The in-arcs of each subset-sampled node's row, in decreasing order of probability
    /// (ties by index); empty when no node is subset-sampled.
    let arcsByProbability: [Int32]

    /// Probabilities at or above this are drawn arc by arc.
    static var largestSkippingProbability: Double { 0.25 }

    /// Nodes with fewer in-arcs than this draw arc by arc: sorting and jumping do not pay.
    static var smallestSubsetSampledDegree: Int { 8 }

    /// The rule for `reverse` with `thresholds` aligned with its arcs.
    public init(reverse: ReverseGraph, thresholds: [UInt32]) {
        let n = reverse.offsets.count - 1
        var inverseLogFailure = [Double](repeating: 0, count: n)
        var noSuccess = [Double](repeating: 0, count: n)
        var subsetSampled = [Bool](repeating: false, count: n)
        var arcsByProbability: [Int32] = []
        for node in 0..<n {
            let arcs = reverse.offsets[node]..<reverse.offsets[node + 1]
            guard let first = arcs.first else { continue }
            if arcs.allSatisfy({ thresholds[$0] == thresholds[first] }) {
                // The probability the per-arc draw uses, so both draws follow the same law.
                let p = thresholdProbability(thresholds[first])
                guard p > 0 && p < Self.largestSkippingProbability else { continue }
                inverseLogFailure[node] = 1 / log1p(-p)
                noSuccess[node] = exp(Double(arcs.count) * log1p(-p))
            } else if arcs.count >= Self.smallestSubsetSampledDegree {
                if arcsByProbability.isEmpty { arcsByProbability = (0..<thresholds.count).map { Int32($0) } }
                subsetSampled[node] = true
                arcsByProbability[arcs].sort {
                    thresholds[Int($0)] > thresholds[Int($1)] || (thresholds[Int($0)] == thresholds[Int($1)] && $0 < $1)
                }
            }
        }
        self.offsets = reverse.offsets
        self.thresholds = thresholds
        self.inverseLogFailure = inverseLogFailure
        self.noSuccess = noSuccess
        self.subsetSampled = subsetSampled
        self.arcsByProbability = arcsByProbability
    }

    @inline(__always)
    public func drawLiveInArcs(of node: Int, using rng: inout Xoshiro256StarStar, _ visit: (Int) -> Void) {
        let start = offsets[node]
        let end = offsets[node + 1]
        let inverse = inverseLogFailure[node]
        if inverse != 0 {
            let first = rng.nextOpenUnit()
            if first <= noSuccess[node] { return }
            var arc = start + Distributions.geometricFailures(first, inverseLogFailure: inverse, limit: end - start)
            while arc < end {
                visit(arc)
                arc +=
                    1
                    + Distributions.geometricFailures(rng.nextOpenUnit(), inverseLogFailure: inverse, limit: end - arc)
            }
        } else if subsetSampled[node] {
            drawBySubsetSampling(start..<end, using: &rng, visit)
        } else {
            for arc in start..<end where rng.bernoulli(threshold: thresholds[arc]) { visit(arc) }
        }
    }

    /// Subset sampling over the row `positions` of ``arcsByProbability``.
    @inline(__always)
    private func drawBySubsetSampling(
        _ positions: Range<Int>, using rng: inout Xoshiro256StarStar, _ visit: (Int) -> Void
    ) {
        var position = positions.lowerBound
        while position < positions.upperBound {
            let bound = thresholds[Int(arcsByProbability[position])]
            if bound == 0 { return }
            let q = thresholdProbability(bound)
            if q >= Self.largestSkippingProbability {
                let arc = Int(arcsByProbability[position])
                if rng.bernoulli(threshold: bound) { visit(arc) }
                position += 1
                continue
            }
            position += Distributions.geometricFailures(
                rng.nextOpenUnit(), inverseLogFailure: 1 / log1p(-q), limit: positions.upperBound - position)
            guard position < positions.upperBound else { return }
            let arc = Int(arcsByProbability[position])
            if rng.nextUnit() * q < thresholdProbability(thresholds[arc]) { visit(arc) }
            position += 1
        }
    }
}

/// Linear threshold: each node keeps at most one live in-arc, `u → v` with probability
/// `b_uv` (and none with probability `1 − Σ_u b_uv`), which gives the same distribution of
/// active sets as the threshold process, step by step (Kempe et al. 2003, Claim 2.6).
public struct SingleInArc: LiveInArcs {
    /// At most one live in-arc per node.
    public static var keepsAtMostOneArc: Bool { true }

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
