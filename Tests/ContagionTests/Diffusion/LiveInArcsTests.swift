import Foundation
import Testing

@testable import Contagion

/// The live in-arc draws follow their law: each in-arc live with its own probability,
/// independently, whichever way the node draws (arc by arc, geometric skipping, subset sampling).
@Suite struct LiveInArcsTests {
    /// Node 0's 24 in-arcs by rank: a certain one, large ones drawn arc by arc, small ones
    /// skipped over, and zeros.
    static let probabilities: [Double] =
        [1, 0.6, 0.3, 0.3, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.005]
        + [0.003, 0.002, 0.001, 0, 0]
    /// The rank of follower `f + 1` of node 0: shuffled, so that the sort has work to do.
    static let rankOfFollower = [5, 17, 0, 22, 9, 3, 14, 20, 1, 11, 7, 23, 15, 2, 19, 8, 12, 4, 21, 6, 16, 10, 18, 13]

    /// The rule over node 0, node 25 (12 followers of one probability) and node 26 (three
    /// mixed ones, too few to subset-sample), with each reverse arc's (follower, node).
    static func rule() -> (rule: IndependentInArcs, ends: [(follower: Int, node: Int)]) {
        func probability(_ follower: Int, _ node: Int) -> Double {
            switch node {
            case 0: probabilities[rankOfFollower[follower - 1]]
            case 25: 0.04
            default: [0.5, 0.1, 0.01][follower - 1]
            }
        }
        let edges = (1...24).map { ($0, 0) } + (1...12).map { ($0, 25) } + (1...3).map { ($0, 26) }
        let reverse = ReverseGraph(Fixture.graph(27, edges))
        var ends: [(follower: Int, node: Int)] = []
        for node in 0..<27 {
            for arc in reverse.offsets[node]..<reverse.offsets[node + 1] {
                ends.append((Int(reverse.sources[arc]), node))
            }
        }
        let thresholds = ends.map { bernoulliThreshold(probability($0.follower, $0.node)) }
        return (IndependentInArcs(reverse: reverse, thresholds: thresholds), ends)
    }

    @Test func eachNodeDrawsTheWayItsArcsCallFor() {
        let rule = Self.rule().rule
        #expect(rule.subsetSampled[0] && rule.inverseLogFailure[0] == 0)
        #expect(!rule.subsetSampled[25] && rule.inverseLogFailure[25] != 0)
        #expect(!rule.subsetSampled[26] && rule.inverseLogFailure[26] == 0)
        let sorted = rule.arcsByProbability[rule.offsets[0]..<rule.offsets[1]].map { rule.thresholds[Int($0)] }
        #expect(sorted == sorted.sorted(by: >))
    }

    /// Over 200,000 draws each arc's live frequency is within 5 standard errors of its
    /// probability (zero-probability arcs are never live), and pairs of node 0's arcs are
    /// live together at the product of their probabilities (independence).
    @Test func everyArcIsLiveWithItsProbabilityIndependently() {
        let (rule, ends) = Self.rule()
        let arcOfRank = { (rank: Int) in
            ends.firstIndex { $0.node == 0 && $0.follower == Self.rankOfFollower.firstIndex(of: rank)! + 1 }!
        }
        // (0.3, 0.3), (0.1, 0.02), (0.6, 0.01), and two pairs both skipped over: (0.05, 0.05), (0.02, 0.01).
        let pairs = [(2, 3), (6, 11), (1, 14), (9, 10), (13, 14)].map { (arcOfRank($0.0), arcOfRank($0.1)) }
        let draws = 200_000
        var rng = Xoshiro256StarStar(seed: 42)
        var live = [Int](repeating: 0, count: ends.count)
        var together = [Int](repeating: 0, count: pairs.count)
        var drawn = [Bool](repeating: false, count: ends.count)
        for _ in 0..<draws {
            for node in [0, 25, 26] {
                rule.drawLiveInArcs(of: node, using: &rng) { arc in
                    live[arc] += 1
                    drawn[arc] = true
                }
            }
            for (index, pair) in pairs.enumerated() where drawn[pair.0] && drawn[pair.1] { together[index] += 1 }
            for arc in drawn.indices { drawn[arc] = false }
        }
        func expectFrequency(_ count: Int, _ p: Double, _ label: String) {
            let standardError = (p * (1 - p) / Double(draws)).squareRoot()
            let frequency = Double(count) / Double(draws)
            #expect(abs(frequency - p) <= 5 * standardError, "\(label): p = \(p), seen \(frequency)")
        }
        let probability = { (arc: Int) in thresholdProbability(rule.thresholds[arc]) }
        for arc in ends.indices { expectFrequency(live[arc], probability(arc), "arc \(arc) \(ends[arc])") }
        for (index, pair) in pairs.enumerated() {
            expectFrequency(together[index], probability(pair.0) * probability(pair.1), "pair \(pair)")
        }
    }
}
