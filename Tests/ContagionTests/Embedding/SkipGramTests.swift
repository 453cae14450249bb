import Foundation
import Testing

@testable import Contagion

@Suite struct SkipGramTests {
    let graph = EmbeddingFixture.communities()

    func embed(_ graph: Graph, mode: SkipGramParameters.Mode, seed: UInt64 = 5, threads: Int = 2) -> NodeEmbedding {
        GraphEmbedding(
            graph: graph, walks: EmbeddingFixture.walks(), skipGram: EmbeddingFixture.skipGram(mode: mode), seed: seed,
            threads: threads
        ).embedding
    }

    /// The share of each node's 10 nearest neighbours in embedding space that are in its own
    /// block.
    func neighbourPurity(_ embedding: NodeEmbedding, communities: [Int32]) -> Double {
        var same = 0
        var total = 0
        for node in 0..<embedding.count {
            for neighbour in embedding.nearestNeighbours(of: node, count: 10) {
                same += communities[neighbour] == communities[node] ? 1 : 0
                total += 1
            }
        }
        return Double(same) / Double(total)
    }

    @Test(arguments: SkipGramParameters.Mode.allCases)
    func nearestNeighboursShareTheirCommunity(mode: SkipGramParameters.Mode) {
        let purity = neighbourPurity(embed(graph, mode: mode), communities: graph.communities!)
        #expect(purity >= 0.9)
    }

    @Test func node2vecWalksAlsoFindTheCommunities() {
        let embedding = GraphEmbedding(
            graph: graph, walks: EmbeddingFixture.walks(p: 4, q: 0.5), skipGram: EmbeddingFixture.skipGram(), seed: 5,
            threads: 2
        ).embedding
        #expect(neighbourPurity(embedding, communities: graph.communities!) >= 0.9)
    }

    /// Link prediction: hide 10% of the edges, embed the rest, and rank hidden edges against
    /// as many random non-edges by the cosine of their ends.
    @Test func heldOutEdgesScoreAboveNonEdges() {
        let full = EmbeddingFixture.communities(blocks: 5, size: 60, inside: 0.15, between: 0.004, seed: 21)
        var rng = Xoshiro256StarStar(seed: 6)
        var kept = GraphBuilder(nodeCount: full.nodeCount, directed: false)
        var hidden: [(NodeID, NodeID)] = []
        for u in 0..<NodeID(full.nodeCount) {
            for v in full.successors(of: u) where u < v {
                if rng.nextUnit() < 0.1 { hidden.append((u, v)) } else { kept.addEdge(from: u, to: v) }
            }
        }
        let training = kept.build()
        var nonEdges: [(NodeID, NodeID)] = []
        while nonEdges.count < hidden.count {
            let u = NodeID(rng.nextIndex(below: full.nodeCount))
            let v = NodeID(rng.nextIndex(below: full.nodeCount))
            if u != v && full.arc(from: u, to: v) == nil { nonEdges.append((u, v)) }
        }
        let embedding = embed(training, mode: .deterministic)
        let positive = hidden.map { embedding.similarity(Int($0.0), Int($0.1)) }
        let negative = nonEdges.map { embedding.similarity(Int($0.0), Int($0.1)) }
        #expect(ROC.areaUnderCurve(positive: positive, negative: negative) >= 0.85)
    }

    @Test func deterministicTrainingIsReproducibleAtAnyThreadCount() {
        let one = embed(graph, mode: .deterministic, threads: 1)
        let two = embed(graph, mode: .deterministic, threads: 2)
        #expect(one == two)
        #expect(one != embed(graph, mode: .deterministic, seed: 6))
    }

    @Test func theEmbeddingHasTheAskedShapeAndFiniteValues() {
        let embedding = embed(graph, mode: .parallel)
        #expect(embedding.count == graph.nodeCount && embedding.dimensions == 16)
        #expect(embedding.vectors.allSatisfy { $0.isFinite })
    }
}

/// The area under the ROC curve: the probability that a random positive scores above a random
/// negative (ties count half), by sorting (Mann–Whitney U).
enum ROC {
    static func areaUnderCurve(positive: [Float], negative: [Float]) -> Double {
        let scored = (positive.map { ($0, true) } + negative.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSum = 0.0
        var index = 0
        while index < scored.count {
            var end = index
            while end + 1 < scored.count && scored[end + 1].0 == scored[index].0 { end += 1 }
            let averageRank = Double(index + end) / 2 + 1
            for tie in index...end where scored[tie].1 { rankSum += averageRank }
            index = end + 1
        }
        let p = Double(positive.count)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negative.count))
    }
}
