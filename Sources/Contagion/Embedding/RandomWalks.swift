/// How random walks are drawn: DeepWalk when `p = q = 1`, node2vec otherwise.
public struct WalkParameters: Sendable, Equatable {
    /// Nodes per walk, the start included (`l`).
    public var length = 40
    /// Walks started from every node (`r`).
    public var walksPerNode = 10
    /// node2vec's return parameter `p`: a step back to the previous node has weight `1/p`.
    public var returnParameter = 1.0
    /// node2vec's in-out parameter `q`: a step away from the previous node's neighbourhood has
    /// weight `1/q` (a step to a common neighbour has weight 1).
    public var inOutParameter = 1.0

    /// The documented defaults: 10 walks of 40 nodes per node, `p = q = 1` (DeepWalk).
    public init() {}

    /// Whether the walk is first-order (uniform steps, no rejection).
    public var isUniform: Bool { returnParameter == 1 && inOutParameter == 1 }

    /// node2vec's unnormalised step weights: back to the previous node (`1/p`), to a common
    /// neighbour (1), away (`1/q`).
    public var stepWeights: [Double] { [1 / returnParameter, 1, 1 / inOutParameter] }

    /// `max / min` of ``stepWeights``: a bound on the expected proposals per rejection step.
    /// Scenarios and `contagion embed` refuse values above ``largestProposalRatio``.
    public var proposalRatio: Double { stepWeights.reduce(0, max) / stepWeights.reduce(.infinity, min) }

    /// The largest ``proposalRatio`` accepted (beyond it rejection sampling would stall).
    public static let largestProposalRatio = 1e4
}

/// A corpus of random walks on a graph, stored flat: walk `w` is
/// `nodes[w·length ..< w·length + lengths[w]]`.
///
/// Walks follow out-arcs and ignore tie strengths, as DeepWalk and node2vec do on unweighted
/// graphs. A walk stops early at a node without out-arcs. Round `r` (`0..<walksPerNode`)
/// starts one walk from every node, in an order shuffled per round, so that the skip-gram
/// learning rate, which decays along the corpus, does not favour low node ids.
///
/// node2vec's second-order step (Grover & Leskovec 2016) is drawn by rejection (the
/// KnightKing sampler, Yang et al. 2019) instead of per-arc alias tables: from `v`, having
/// come from `t`, propose a uniform out-neighbour `x` and accept it with probability
/// `α(t, x) / max(1/p, 1, 1/q)`, where `α = 1/p` if `x = t`, `1` if `t → x` is an arc, `1/q`
/// otherwise. The test `t → x` is a binary search in `t`'s sorted row, so memory stays the
/// graph's O(n + arcs) plus the corpus, where alias tables would need O(Σ deg²).
///
/// Walks are drawn in blocks of ``blockSize`` with a random stream per block, so the corpus
/// does not depend on the thread count.
///
/// - Complexity: O(n·r·l) steps, each O(1) for DeepWalk and O(log deg) expected for node2vec
///   (times the expected number of proposals, at most `max(1/p, 1, 1/q) / min(1/p, 1, 1/q)`);
///   memory 4·n·r·l bytes for the corpus.
public struct RandomWalks: Sendable {
    /// The nodes of every walk, `walkCount × length`, padded with −1 after a walk that stopped early.
    public let nodes: [NodeID]
    /// How many nodes each walk holds.
    public let lengths: [Int32]
    /// The stride between walks, the parameters' length.
    public let length: Int

    /// Walks drawn in one block share a random stream.
    public static let blockSize = 256

    /// The number of walks.
    public var walkCount: Int { lengths.count }

    /// The total number of nodes in all walks (the corpus' token count).
    public var tokenCount: Int { lengths.reduce(0) { $0 + Int($1) } }

    /// Walk `index`.
    public func walk(_ index: Int) -> ArraySlice<NodeID> {
        nodes[(index * length)..<(index * length + Int(lengths[index]))]
    }

    /// Draws `walksPerNode` walks from every node of `graph`.
    ///
    /// - Parameters:
    ///   - streams: the walks use the streams at (embedding, 0, round) for start orders and
    ///     (embedding, 1, block) for the steps.
    ///   - threads: how many threads draw blocks; the result is the same for any count.
    ///   - progress: advanced by each block's walks as it finishes.
    public init(
        graph: Graph, parameters: WalkParameters, streams: RandomStreams, threads: Int,
        progress: ProgressMeter = .silent
    ) {
        precondition(parameters.length >= 1 && parameters.walksPerNode >= 1)
        let n = graph.nodeCount
        let length = parameters.length
        let walkCount = n * parameters.walksPerNode
        var starts = [NodeID](repeating: 0, count: walkCount)
        for round in 0..<parameters.walksPerNode {
            var rng = streams.generator(.embedding, 0, round)
            var order = (0..<NodeID(n)).map { $0 }
            order.fisherYatesShuffle(using: &rng)
            starts.replaceSubrange((round * n)..<((round + 1) * n), with: order)
        }
        var nodes = [NodeID](repeating: -1, count: walkCount * length)
        var lengths = [Int32](repeating: 0, count: walkCount)
        let blocks = (walkCount + Self.blockSize - 1) / Self.blockSize
        let walker = Walker(graph: graph, parameters: parameters)
        let startNodes = starts
        nodes.withUnsafeMutableBufferPointer { nodes in
            lengths.withUnsafeMutableBufferPointer { lengths in
                // Block b writes only the rows and lengths of its own walks.
                let nodes = DisjointWrites(nodes)
                let lengths = DisjointWrites(lengths)
                _ = Parallel.map(count: blocks, threads: threads, makeWorkspace: {}) { block, _ in
                    var rng = streams.generator(.embedding, 1, block)
                    let walksOfBlock = (block * Self.blockSize)..<min(walkCount, (block + 1) * Self.blockSize)
                    for walk in walksOfBlock {
                        let out = nodes.base + walk * length
                        lengths.base[walk] = Int32(walker.walk(from: startNodes[walk], into: out, using: &rng))
                    }
                    progress.advance(by: walksOfBlock.count)
                }
            }
        }
        self.nodes = nodes
        self.lengths = lengths
        self.length = length
    }

    /// How often each node occurs in the corpus.
    public func occurrences(nodeCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: nodeCount)
        for walk in 0..<walkCount {
            for node in self.walk(walk) { counts[Int(node)] += 1 }
        }
        return counts
    }
}

/// One walk's steps: uniform, or node2vec's biased step by rejection.
struct Walker {
    let graph: Graph
    let length: Int
    let isUniform: Bool
    /// Acceptance thresholds of a proposal that returns, stays at distance 1, or moves away.
    let acceptReturn: UInt32, acceptCommon: UInt32, acceptAway: UInt32

    init(graph: Graph, parameters: WalkParameters) {
        self.graph = graph
        length = parameters.length
        isUniform = parameters.isUniform
        let weights = parameters.stepWeights
        let largest = weights.reduce(-.infinity, max)
        // At least 1 in 2³²: a proposal is never impossible, so the rejection loop ends.
        acceptReturn = max(1, bernoulliThreshold(weights[0] / largest))
        acceptCommon = max(1, bernoulliThreshold(weights[1] / largest))
        acceptAway = max(1, bernoulliThreshold(weights[2] / largest))
    }

    /// Writes a walk from `start` to `out` and returns its length.
    @inline(__always)
    func walk(from start: NodeID, into out: UnsafeMutablePointer<NodeID>, using rng: inout Xoshiro256StarStar)
        -> Int
    {
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                out[0] = start
                var previous: NodeID = -1
                var current = start
                for position in 1..<max(length, 1) {
                    let begin = offsets[Int(current)]
                    let degree = offsets[Int(current) + 1] - begin
                    if degree == 0 { return position }
                    var next = targets[begin + rng.nextIndex(below: degree)]
                    if !isUniform && previous >= 0 {
                        while !rng.bernoulli(threshold: acceptance(from: previous, to: next, offsets, targets)) {
                            next = targets[begin + rng.nextIndex(below: degree)]
                        }
                    }
                    out[position] = next
                    previous = current
                    current = next
                }
                return length
            }
        }
    }

    /// The acceptance threshold of stepping to `next` having come from `previous`.
    @inline(__always)
    func acceptance(
        from previous: NodeID, to next: NodeID, _ offsets: UnsafeBufferPointer<Int>,
        _ targets: UnsafeBufferPointer<NodeID>
    ) -> UInt32 {
        if next == previous { return acceptReturn }
        var low = offsets[Int(previous)]
        var high = offsets[Int(previous) + 1]
        while low < high {
            let middle = (low + high) >> 1
            if targets[middle] < next { low = middle + 1 } else { high = middle }
        }
        return low < offsets[Int(previous) + 1] && targets[low] == next ? acceptCommon : acceptAway
    }
}
