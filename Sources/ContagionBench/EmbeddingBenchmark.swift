import Contagion
import Foundation

/// The graph-embedding workloads: walks per second, skip-gram words per second, peak memory.
enum EmbeddingBenchmark {
    /// DeepWalk end to end on `graph` with PecanPy's benchmark settings (dimension 64, walk
    /// length 40, 10 walks per node, window 5, 5 negatives, 1 epoch), then node2vec walks with
    /// p = 0.5, q = 2 (rejection sampling). Each training mode in `modes` is measured.
    static func run(_ graph: Graph, threads: Int, walksPerNode: Int = 10, modes: [SkipGramParameters.Mode]) {
        print(
            "\nembedding (\(threads) threads): DeepWalk, d = 64, l = 40, r = \(walksPerNode), w = 5, 5 negatives, 1 epoch"
        )
        print(
            column("walks", 12) + column("mode", 15) + column("walks/s", 10) + column("words/s", 10)
                + column("walk s", 8) + column("train s", 9) + column("total s", 9) + "peak RSS")
        var walks = WalkParameters()
        walks.walksPerNode = walksPerNode
        for mode in modes {
            MemoryUsage.resetPeak()
            var skipGram = SkipGramParameters()
            skipGram.mode = mode
            let result = GraphEmbedding(graph: graph, walks: walks, skipGram: skipGram, seed: 1, threads: threads)
            print(
                column("deepwalk", 12) + column(mode.rawValue, 15)
                    + column(format(Double(result.walkCount) / result.walkSeconds), 10)
                    + column(format(Double(result.tokenCount) / result.trainingSeconds), 10)
                    + column(String(format: "%.2f", result.walkSeconds), 8)
                    + column(String(format: "%.2f", result.trainingSeconds), 9)
                    + column(String(format: "%.2f", result.walkSeconds + result.trainingSeconds), 9) + peakMemory())
        }
        var biased = walks
        biased.returnParameter = 0.5
        biased.inOutParameter = 2
        let start = Date()
        let corpus = RandomWalks(
            graph: graph, parameters: biased, streams: RandomStreams(masterSeed: 1), threads: threads)
        let elapsed = Date().timeIntervalSince(start)
        print(
            column("node2vec", 12) + column("p=0.5 q=2", 15) + column(format(Double(corpus.walkCount) / elapsed), 10)
                + column("", 10) + column(String(format: "%.2f", elapsed), 8))
    }
}
