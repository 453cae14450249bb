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
/// linearly along the corpus. The `K` noise nodes are drawn once per position and shared by
/// all its context nodes, whose updates to the output vectors are summed and applied at the
/// end of the position (Ji et al. 2016): 2.6× faster on BA 100k, where per-pair draws made
/// the loop wait on main memory (`contagion-bench --embedding`: 164 s → 64 s), same quality.
/// The embedding is the input vectors; they start uniform in `±0.5/d`, the output vectors at zero.
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
    ///   - progress: advanced every 1,024 walks trained on.
    public static func train(
        walks: RandomWalks, nodeCount: Int, parameters: SkipGramParameters, streams: RandomStreams, threads: Int,
        progress: ProgressMeter = .silent
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
                    input: input.start, output: output.start, dimensions: d,
                    window: parameters.window, negatives: parameters.negatives, noise: noise)
                _ = Parallel.map(count: workers, threads: workers, makeWorkspace: {}) { worker, _ in
                    let first = walks.walkCount * worker / workers
                    let last = walks.walkCount * (worker + 1) / workers
                    var rng = streams.generator(.embedding, 3, worker)
                    trainer.train(
                        walks: walks, range: first..<last, epochs: parameters.epochs,
                        learningRate: Float(parameters.learningRate), progress: progress, using: &rng)
                }
            }
        }
        return NodeEmbedding(count: nodeCount, dimensions: d, vectors: input)
    }
}

/// One worker's share of skip-gram training, on vector tables shared by all workers.
///
/// `@unchecked Sendable`: in the parallel mode workers update the shared vectors without locks
/// (Hogwild!, Recht et al. 2011, as word2vec does): a lost update costs a little accuracy, not
/// memory safety, since every write stays inside the two matrices. The deterministic mode runs
/// one worker.
struct SkipGramTrainer: @unchecked Sendable {
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
        walks: RandomWalks, range: Range<Int>, epochs: Int, learningRate: Float, progress: ProgressMeter,
        using rng: inout Xoshiro256StarStar
    ) {
        let tokens = range.reduce(0) { $0 + Int(walks.lengths[$1]) }
        let total = Float(max(1, tokens * epochs))
        let d = dimensions
        // Scratch: the targets of a position (the node, then its negatives), their gradients
        // (one row each), and one context's gradient.
        var targets = [Int](repeating: 0, count: negatives + 1)
        let targetGradients = UnsafeMutablePointer<Float>.allocate(capacity: (negatives + 1) * d)
        let contextGradient = UnsafeMutablePointer<Float>.allocate(capacity: d)
        defer {
            targetGradients.deallocate()
            contextGradient.deallocate()
        }
        var done = 0
        var trained = 0
        defer { progress.advance(by: trained % 1024) }
        Self.sigmoidTable.withUnsafeBufferPointer { sigmoid in
            walks.nodes.withUnsafeBufferPointer { nodes in
                targets.withUnsafeMutableBufferPointer { targets in
                    for _ in 0..<epochs {
                        for walk in range {
                            let count = Int(walks.lengths[walk])
                            let alpha = learningRate * max(1e-4, 1 - Float(done) / total)
                            let scratch = Scratch(
                                targets: targets.start, targetGradients: targetGradients,
                                contextGradient: contextGradient)
                            train(
                                walk: nodes.start + walk * walks.length, count: count, alpha: alpha,
                                scratch: scratch, sigmoid: sigmoid, using: &rng)
                            done += count
                            trained += 1
                            if trained % 1024 == 0 { progress.advance(by: 1024) }
                        }
                    }
                }
            }
        }
    }

    /// Per-worker scratch rows.
    private struct Scratch {
        let targets: UnsafeMutablePointer<Int>
        let targetGradients: UnsafeMutablePointer<Float>
        let contextGradient: UnsafeMutablePointer<Float>
    }

    /// One walk. For each position, the node and its `K` negatives are the targets; every
    /// context node in the window is pushed towards the node and away from the negatives,
    /// and the targets' output vectors take the summed updates of all the window's contexts
    /// at the end (negative samples shared across the window, Ji et al. 2016: the noise
    /// vectors are read once per position instead of once per pair, which is what keeps the
    /// loop out of main memory on large graphs).
    @inline(__always)
    private func train(
        walk: UnsafePointer<NodeID>, count: Int, alpha: Float, scratch: Scratch,
        sigmoid: UnsafeBufferPointer<Float>, using rng: inout Xoshiro256StarStar
    ) {
        let d = dimensions
        let targets = scratch.targets
        for position in 0..<count {
            let node = Int(walk[position])
            targets[0] = node
            var targetCount = 1
            for _ in 0..<negatives {
                let sample = noise.sample(using: &rng)
                if sample != node {
                    targets[targetCount] = sample
                    targetCount += 1
                }
            }
            scratch.targetGradients.update(repeating: 0, count: targetCount * d)
            let reach = 1 + rng.nextIndex(below: window)
            for other in max(0, position - reach)..<min(count, position + reach + 1) where other != position {
                let context = input + Int(walk[other]) * d
                scratch.contextGradient.update(repeating: 0, count: d)
                for index in 0..<targetCount {
                    let vector = output + targets[index] * d
                    let f = VectorMath.dot(context, vector, count: d)
                    let predicted: Float
                    if f >= 6 {
                        predicted = 1
                    } else if f <= -6 {
                        predicted = 0
                    } else {
                        predicted = sigmoid[Int((f + 6) * (1024 / 12))]
                    }
                    let g = ((index == 0 ? 1 : 0) - predicted) * alpha
                    VectorMath.addScaled(vector, scale: g, to: scratch.contextGradient, count: d)
                    VectorMath.addScaled(context, scale: g, to: scratch.targetGradients + index * d, count: d)
                }
                VectorMath.addScaled(scratch.contextGradient, scale: 1, to: context, count: d)
            }
            for index in 0..<targetCount {
                VectorMath.addScaled(
                    scratch.targetGradients + index * d, scale: 1, to: output + targets[index] * d, count: d)
            }
        }
    }
}
