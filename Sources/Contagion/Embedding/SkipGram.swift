import Foundation

/// How skip-gram embeddings are trained.
public struct SkipGramParameters: Sendable, Equatable {
    /// How training uses threads.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// One thread, one random stream: byte-identical vectors for a seed.
        case deterministic
        /// All threads update shared vectors without locks (Hogwild, Recht et al. 2011): fast,
        /// but the interleaving of updates varies from run to run, so results are not
        /// bit-reproducible (their quality is).
        case parallel
    }

    /// Dimension of the vectors.
    public var dimensions = 64
    /// The largest distance between a node and a context node in a walk (`w`); each position
    /// draws its own window uniformly from `1…w`, as word2vec does.
    public var window = 5
    /// Negative samples per (node, context) pair.
    public var negatives = 5
    /// Passes over the corpus.
    public var epochs = 1
    /// The initial learning rate `α₀`; it decays linearly to `α₀·10⁻⁴` over training.
    public var learningRate = 0.025
    /// Deterministic or parallel training.
    public var mode = Mode.parallel

    /// The documented defaults (those of word2vec and PecanPy): 64 dimensions, window 5,
    /// 5 negatives, 1 epoch, `α₀ = 0.025`, parallel.
    public init() {}
}

/// Skip-gram with negative sampling (Mikolov et al. 2013) on a corpus of random walks, as in
/// DeepWalk (Perozzi et al. 2014) and node2vec (Grover & Leskovec 2016).
///
/// For each position `i` of a walk and each context position `j` within the drawn window,
/// the context's input vector `h_c` is pushed towards the node's output vector `o_v` and
/// away from `K` noise nodes' output vectors, drawn from the unigram distribution raised to
/// 3/4: by gradient ascent on `log σ(h_c·o_v) + Σ_k log σ(−h_c·o_k)`, with step `α` decaying
/// linearly along the corpus. The embedding is the input vectors; they start uniform in
/// `±0.5/d`, the output vectors at zero.
///
/// - Complexity: O(epochs · tokens · w · (K + 1) · d) time; memory 8·n·d bytes for the two
///   vector tables plus the noise table's 12·n bytes.
public enum SkipGram {
    /// Trains embeddings of `nodeCount` nodes on `walks`.
    ///
    /// - Parameters:
    ///   - streams: the initial vectors use the stream at (embedding, 2, 0); deterministic
    ///     training (embedding, 3, 0); parallel worker `t` (embedding, 3, t).
    ///   - threads: workers for the parallel mode (the deterministic mode uses one).
    public static func train(
        walks: RandomWalks, nodeCount: Int, parameters: SkipGramParameters, streams: RandomStreams, threads: Int
    ) -> NodeEmbedding {
        let d = parameters.dimensions
        precondition(d >= 1 && parameters.window >= 1 && parameters.negatives >= 0 && parameters.epochs >= 1)
        var input = [Float](repeating: 0, count: nodeCount * d)
        var initRNG = streams.generator(.embedding, 2, 0)
        for index in input.indices { input[index] = Float(initRNG.nextUnit() - 0.5) / Float(d) }
        var output = [Float](repeating: 0, count: nodeCount * d)
        let noise = AliasTable(weights: walks.occurrences(nodeCount: nodeCount).map { pow(Double($0), 0.75) })
        let workers = parameters.mode == .deterministic ? 1 : max(1, min(threads, walks.walkCount))
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                let trainer = SkipGramTrainer(
                    input: input.baseAddress!, output: output.baseAddress!, dimensions: d,
                    window: parameters.window, negatives: parameters.negatives, noise: noise)
                _ = Parallel.map(count: workers, threads: workers, makeWorkspace: {}) { worker, _ in
                    let first = walks.walkCount * worker / workers
                    let last = walks.walkCount * (worker + 1) / workers
                    var rng = streams.generator(.embedding, 3, worker)
                    trainer.train(
                        walks: walks, range: first..<last, epochs: parameters.epochs,
                        learningRate: Float(parameters.learningRate), using: &rng)
                }
            }
        }
        return NodeEmbedding(count: nodeCount, dimensions: d, vectors: input)
    }
}

/// One worker's share of skip-gram training, on vector tables shared by all workers.
struct SkipGramTrainer {
    let input: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let dimensions: Int
    let window: Int
    let negatives: Int
    let noise: AliasTable

    /// `σ(x)` tabulated on [−6, 6], as in word2vec; outside it the gradient saturates.
    static let sigmoidTable: [Float] = (0..<1024).map { index in
        let x = (Double(index) + 0.5) / 1024 * 12 - 6
        return Float(1 / (1 + exp(-x)))
    }

    /// Trains on walks `range` for `epochs` passes, the learning rate decaying with this
    /// worker's progress.
    func train(
        walks: RandomWalks, range: Range<Int>, epochs: Int, learningRate: Float, using rng: inout Xoshiro256StarStar
    ) {
        let tokens = range.reduce(0) { $0 + Int(walks.lengths[$1]) }
        let total = Float(max(1, tokens * epochs))
        let gradient = UnsafeMutablePointer<Float>.allocate(capacity: dimensions)
        defer { gradient.deallocate() }
        var done = 0
        Self.sigmoidTable.withUnsafeBufferPointer { sigmoid in
            walks.nodes.withUnsafeBufferPointer { nodes in
                for _ in 0..<epochs {
                    for walk in range {
                        let count = Int(walks.lengths[walk])
                        let alpha = learningRate * max(1e-4, 1 - Float(done) / total)
                        train(
                            walk: nodes.baseAddress! + walk * walks.length, count: count, alpha: alpha,
                            gradient: gradient, sigmoid: sigmoid, using: &rng)
                        done += count
                    }
                }
            }
        }
    }

    @inline(__always)
    private func train(
        walk: UnsafePointer<NodeID>, count: Int, alpha: Float, gradient: UnsafeMutablePointer<Float>,
        sigmoid: UnsafeBufferPointer<Float>, using rng: inout Xoshiro256StarStar
    ) {
        let d = dimensions
        for position in 0..<count {
            let node = Int(walk[position])
            let reach = 1 + rng.nextIndex(below: window)
            for other in max(0, position - reach)..<min(count, position + reach + 1) where other != position {
                let context = input + Int(walk[other]) * d
                gradient.update(repeating: 0, count: d)
                for sample in 0...negatives {
                    let target: Int
                    let label: Float
                    if sample == 0 {
                        target = node
                        label = 1
                    } else {
                        target = noise.sample(using: &rng)
                        if target == node { continue }
                        label = 0
                    }
                    let vector = output + target * d
                    let f = VectorMath.dot(context, vector, count: d)
                    let predicted: Float
                    if f >= 6 {
                        predicted = 1
                    } else if f <= -6 {
                        predicted = 0
                    } else {
                        predicted = sigmoid[Int((f + 6) * (1024 / 12))]
                    }
                    let g = (label - predicted) * alpha
                    VectorMath.addScaled(vector, scale: g, to: gradient, count: d)
                    VectorMath.addScaled(context, scale: g, to: vector, count: d)
                }
                VectorMath.addScaled(gradient, scale: 1, to: context, count: d)
            }
        }
    }
}
