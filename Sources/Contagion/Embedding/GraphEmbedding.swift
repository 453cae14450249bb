import Foundation

/// DeepWalk / node2vec end to end: random walks, then skip-gram on them.
public struct GraphEmbedding: Sendable {
    /// What to train: the random walks and the skip-gram on them.
    public struct Parameters: Sendable, Equatable {
        /// The random walks.
        public var walks: WalkParameters
        /// The skip-gram training.
        public var skipGram: SkipGramParameters

        /// Walks and skip-gram as given.
        public init(walks: WalkParameters, skipGram: SkipGramParameters) {
            self.walks = walks
            self.skipGram = skipGram
        }
    }

    /// The trained vectors.
    public let embedding: NodeEmbedding
    /// The number of walks and of tokens in them.
    public let walkCount: Int, tokenCount: Int
    /// Wall-clock seconds spent drawing walks and training.
    public let walkSeconds: Double, trainingSeconds: Double

    /// Embeds the nodes of `graph`.
    ///
    /// The walks are the same at any thread count; the vectors are too in the deterministic
    /// training mode (see ``SkipGramParameters/Mode``). `progress` is told the walks drawn
    /// and the walks trained on.
    public init(
        graph: Graph, walks walkParameters: WalkParameters, skipGram: SkipGramParameters, seed: UInt64, threads: Int,
        progress: ProgressMeter = .silent
    ) {
        let streams = RandomStreams(masterSeed: seed)
        let start = DispatchTime.now()
        progress.begin(
            "embedding the graph: random walks", unit: "walks", total: graph.nodeCount * walkParameters.walksPerNode)
        let walks = RandomWalks(
            graph: graph, parameters: walkParameters, streams: streams, threads: threads, progress: progress)
        let walked = DispatchTime.now()
        progress.begin(
            "embedding the graph: skip-gram", unit: "walks × epochs", total: walks.walkCount * skipGram.epochs)
        embedding = SkipGram.train(
            walks: walks, nodeCount: graph.nodeCount, parameters: skipGram, streams: streams, threads: threads,
            progress: progress)
        walkCount = walks.walkCount
        tokenCount = walks.tokenCount
        walkSeconds = Double(walked.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        trainingSeconds = Double(DispatchTime.now().uptimeNanoseconds - walked.uptimeNanoseconds) / 1e9
    }
}
