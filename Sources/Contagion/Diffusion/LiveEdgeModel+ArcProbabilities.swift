extension IndependentInArcs {
    /// The live probability of in-arc `arc` (reverse order).
    func probability(ofInArc arc: Int) -> Double { thresholdProbability(thresholds[arc]) }
}

extension LiveEdgeModel {
    /// The probability that each forward arc `u → v` is live: `p_uv` under independent arcs,
    /// `b_uv` under the linear threshold's single live arc. The expected number of live
    /// out-arcs of `u` is the sum over its row.
    ///
    /// - Complexity: O(n + arcs).
    public func arcProbabilities() -> [Double] {
        var probabilities = [Double](repeating: 0, count: graph.arcCount)
        for head in 0..<graph.nodeCount {
            let uniform = 1 / Double(max(1, reverse.offsets[head + 1] - reverse.offsets[head]))
            for arc in reverse.offsets[head]..<reverse.offsets[head + 1] {
                let value: Double
                switch rule {
                case .independent(let rule): value = rule.probability(ofInArc: arc)
                case .single(let rule):
                    value =
                        rule.cumulativeWeights.isEmpty
                        ? uniform
                        : rule.cumulativeWeights[arc]
                            - (arc == reverse.offsets[head] ? 0 : rule.cumulativeWeights[arc - 1])
                }
                probabilities[Int(reverse.arcs[arc])] = value
            }
        }
        return probabilities
    }
}
