import Foundation

/// Random reverse-reachable (RR) sets, stored flat (Borgs et al. 2014; Tang et al. 2015).
///
/// An RR set is drawn by picking a root `v` uniformly and collecting every node from which
/// `v` is reached within `T` live arcs, in one draw of the live-edge world: a reverse
/// breadth-first search that draws the live in-arcs of each node it visits (for linear
/// threshold, at most one, so the search is a reverse random walk). For any seed set `S`,
/// `σ(S) = n · P(S meets a random RR set)`. When the model's nodes carry worths
/// (``LiveEdgeModel/weights``), the root is drawn with probability `w_v / W` instead, and
/// `σ_w(S) = W · P(S meets a random RR set)` (``scale``; ``SpreadObjective``).
///
/// Sets with two or more members are stored as one offsets array and one member array.
/// Sets that are their root alone — most of them when arc probabilities are small — are
/// kept only as a count per node: they add to their root's coverage and to nothing else.
///
/// - Complexity: memory `8·(sets of size ≥ 2) + 4·(their members) + 4·n` bytes.
public struct ReverseReachableSets: Sendable {
    /// Row starts of the sets with two or more members (one more entry than sets).
    public private(set) var offsets: [Int] = [0]
    /// The members of those sets, set by set; each set's root comes first.
    public private(set) var members: [NodeID] = []
    /// Per node, how many sets are that node alone.
    public private(set) var singletons: [UInt32]
    /// All sets drawn, singletons included.
    public private(set) var count = 0
    /// The summed size of all sets.
    public private(set) var totalSize = 0
    /// `n`, or `W` for sets of a weighted model: the objective is `scale` times the fraction of
    /// sets a seed set meets.
    public let scale: Double

    /// No sets yet, over `nodeCount` nodes of worth one each.
    public init(nodeCount: Int) {
        singletons = [UInt32](repeating: 0, count: nodeCount)
        scale = Double(nodeCount)
    }

    /// No sets yet, for `model`'s nodes and their worths.
    public init(for model: LiveEdgeModel) {
        singletons = [UInt32](repeating: 0, count: model.graph.nodeCount)
        scale = model.spreadScale
    }

    /// `scale` times the fraction `covered / count` of the sets: the objective they estimate.
    public func estimate(covering covered: Int) -> Double { scale * Double(covered) / Double(max(count, 1)) }

    /// The number of nodes.
    public var nodeCount: Int { singletons.count }

    /// Sets with two or more members.
    public var multiMemberCount: Int { offsets.count - 1 }

    /// The members of multi-member set `index`.
    public func members(ofSet index: Int) -> ArraySlice<NodeID> { members[offsets[index]..<offsets[index + 1]] }

    /// Bytes held by the collection.
    public var memoryBytes: Int { offsets.capacity * 8 + members.capacity * 4 + singletons.count * 4 }

    /// Draws sets until there are `target`, in blocks of ``blockSize``.
    ///
    /// Block `b` (sets `b·blockSize ..< (b + 1)·blockSize`) draws from the generator at
    /// (seeding, `family`, `b`) of `streams`; a block left part-drawn keeps its generator, and
    /// the next call goes on from it, so the sets do not depend on how the target was reached,
    /// and blocks run on `threads` threads and are appended in order, so they do not depend on
    /// `threads` either. A collection must always be extended from the same `streams` and
    /// `family`. `progress` is told the count after every wave of blocks.
    public mutating func extend(
        to target: Int, model: LiveEdgeModel, streams: RandomStreams, family: Int, threads: Int,
        progress: ((Int) -> Void)? = nil
    ) {
        precondition(
            model.graph.nodeCount == nodeCount && model.spreadScale == scale,
            "RR sets over \(nodeCount) nodes extended on another graph or objective")
        let wave = max(1, threads) * 8
        while count < target {
            let pieces = nextPieces(toward: target, limit: wave, streams: streams, family: family)
            for block in draw(pieces, model: model, threads: threads) { append(block) }
            progress?(count)
        }
    }

    /// Extends `first` from `family` 0 and `second` from `family` 1 of `streams` to `target`
    /// sets each, as two calls of ``extend(to:model:streams:family:threads:progress:)`` would,
    /// but drawing the blocks of both in the same waves, so that two small halves still keep
    /// two threads busy. `progress` is told the sets drawn in both after every wave.
    public static func extendHalves(
        _ first: inout ReverseReachableSets, _ second: inout ReverseReachableSets, to target: Int,
        model: LiveEdgeModel, streams: RandomStreams, threads: Int, progress: ((Int) -> Void)? = nil
    ) {
        precondition(
            model.graph.nodeCount == first.nodeCount && model.graph.nodeCount == second.nodeCount
                && model.spreadScale == first.scale && model.spreadScale == second.scale,
            "RR sets extended on another graph or objective")
        let wave = max(1, threads) * 8
        while first.count < target || second.count < target {
            let firstPieces = first.nextPieces(toward: target, limit: wave, streams: streams, family: 0)
            let secondPieces = second.nextPieces(toward: target, limit: wave, streams: streams, family: 1)
            // One wave for both: its workers borrow scratch from the first half's pool.
            let blocks = first.draw(firstPieces + secondPieces, model: model, threads: threads)
            for block in blocks.prefix(firstPieces.count) { first.append(block) }
            for block in blocks.dropFirst(firstPieces.count) { second.append(block) }
            progress?(first.count + second.count)
        }
    }

    /// Sets per block: the unit of parallel work and of random streams.
    public static let blockSize = 1024

    /// The generator of the part-drawn last block, if there is one.
    private var pendingGenerator: Xoshiro256StarStar?

    /// A run of sets to draw from one generator: the rest of a block, or the start of one.
    private struct Piece {
        var generator: Xoshiro256StarStar
        var sets: Int
    }

    /// Up to `limit` pieces that take the collection from ``count`` towards `target` sets.
    private func nextPieces(toward target: Int, limit: Int, streams: RandomStreams, family: Int) -> [Piece] {
        var pieces: [Piece] = []
        var position = count
        while position < target && pieces.count < limit {
            let offset = position % Self.blockSize
            let generator: Xoshiro256StarStar
            if offset == 0 {
                generator = streams.generator(.seeding, family, position / Self.blockSize)
            } else {
                guard let pendingGenerator else { preconditionFailure("sets appended by hand cannot be extended") }
                generator = pendingGenerator
            }
            let sets = min(Self.blockSize - offset, target - position)
            pieces.append(Piece(generator: generator, sets: sets))
            position += sets
        }
        return pieces
    }

    /// Adds one set, its root first (for building collections by hand; such a collection
    /// cannot be extended by ``extend(to:model:streams:family:threads:progress:)`` past a
    /// part-filled block).
    mutating func append(members set: [NodeID]) {
        if set.count == 1 {
            singletons[Int(set[0])] += 1
        } else {
            members += set
            offsets.append(members.count)
        }
        count += 1
        totalSize += set.count
    }

    private mutating func append(_ block: Block) {
        let base = members.count
        offsets.append(contentsOf: block.offsets.dropFirst().lazy.map { $0 + base })
        members.append(contentsOf: block.members)
        for root in block.singletonRoots { singletons[Int(root)] += 1 }
        count += block.offsets.count - 1 + block.singletonRoots.count
        totalSize += block.members.count + block.singletonRoots.count
        pendingGenerator = count % Self.blockSize == 0 ? nil : block.generator
    }

    /// The sets of one piece, before they are appended, and its generator after them.
    private struct Block {
        var offsets: [Int] = [0]
        var members: [NodeID] = []
        var singletonRoots: [NodeID] = []
        var generator: Xoshiro256StarStar

        /// Adds one set, its root first.
        mutating func add(_ set: UnsafeBufferPointer<NodeID>) {
            if set.count == 1 {
                singletonRoots.append(set[0])
            } else {
                members.append(contentsOf: set)
                offsets.append(members.count)
            }
        }
    }

    /// Draws `pieces` in parallel, with the concrete live-arc rule of `model`.
    private func draw(_ pieces: [Piece], model: LiveEdgeModel, threads: Int) -> [Block] {
        model.visit(PieceSampler(pieces: pieces, threads: threads, scratch: scratch))
    }

    /// The visited marks and queues of finished waves, lent again to the next (at `n` nodes
    /// they are 8·n bytes a thread, which the few hundred sets of an early round would
    /// otherwise pay to allocate and clear every time).
    private let scratch = Scratch()

    /// A pool of per-thread sampling scratch, safe to use from several threads.
    private final class Scratch: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [(RunStamps, ScratchArray<NodeID>)] = []

        /// One thread's scratch for `nodeCount` nodes, handed back when the lease ends.
        func lease(nodeCount: Int) -> Lease {
            lock.lock()
            defer { lock.unlock() }
            guard let (visited, queue) = idle.popLast() else {
                return Lease(
                    visited: RunStamps(count: nodeCount), queue: ScratchArray(repeating: 0, count: nodeCount),
                    pool: self)
            }
            return Lease(visited: visited, queue: queue, pool: self)
        }

        fileprivate func giveBack(_ visited: RunStamps, _ queue: ScratchArray<NodeID>) {
            lock.lock()
            idle.append((visited, queue))
            lock.unlock()
        }
    }

    /// One thread's visited marks and queue, returned to their pool when released.
    private final class Lease {
        var visited: RunStamps
        let queue: ScratchArray<NodeID>
        private let pool: Scratch

        init(visited: RunStamps, queue: ScratchArray<NodeID>, pool: Scratch) {
            self.visited = visited
            self.queue = queue
            self.pool = pool
        }

        deinit { pool.giveBack(visited, queue) }
    }

    /// Draws pieces in parallel, with the concrete live-arc rule.
    private struct PieceSampler: LiveEdgeVisitor {
        /// Walks up to this long check "already on the walk" by scanning it.
        static var shortWalk: Int { 16 }

        /// The RR set of `root` under a rule with at most one live in-arc per node: a reverse
        /// random walk, written to `queue`, that stops at a node with no live in-arc, at the
        /// depth limit, or on coming back to a node already on it; returns its length. Exactly
        /// the breadth-first search's set and draws, but while the walk is short, "already on
        /// it" is a scan of the walk instead of a visited mark — one cache miss fewer a step.
        @inline(__always)
        static func walk<Rule: LiveInArcs>(
            from root: Int, rule: Rule, sources: [NodeID], depthLimit: Int, queue: UnsafeMutablePointer<NodeID>,
            visited: RunStamps, using rng: inout Xoshiro256StarStar
        ) -> Int {
            var size = 1
            var current = root
            while size - 1 < depthLimit {
                var next = -1
                rule.drawLiveInArcs(of: current, using: &rng) { next = Int(sources[$0]) }
                guard next >= 0 else { break }
                if size < shortWalk {
                    if (0..<size).contains(where: { Int(queue[$0]) == next }) { break }
                } else {
                    if size == shortWalk { for position in 0..<size { _ = visited.mark(Int(queue[position])) } }
                    if !visited.mark(next) { break }
                }
                queue[size] = NodeID(next)
                size += 1
                current = next
            }
            return size
        }

        let pieces: [Piece]
        let threads: Int
        let scratch: Scratch

        func visit<Rule: LiveInArcs>(_ rule: Rule, model: LiveEdgeModel) -> [Block] {
            let n = model.graph.nodeCount
            let depthLimit = model.maximumSteps
            let sources = model.reverse.sources
            let roots = model.weights.roots
            return Parallel.map(
                count: pieces.count, threads: threads,
                makeWorkspace: { scratch.lease(nodeCount: n) }
            ) { index, workspace in
                var rng = pieces[index].generator
                var block = Block(generator: rng)
                let queue = workspace.queue.base
                for _ in 0..<pieces[index].sets {
                    workspace.visited.beginRun()
                    let visited = workspace.visited
                    let root = roots?.sample(using: &rng) ?? rng.nextIndex(below: n)
                    queue[0] = NodeID(root)
                    if Rule.keepsAtMostOneArc {
                        let size = Self.walk(
                            from: root, rule: rule, sources: sources, depthLimit: depthLimit,
                            queue: queue, visited: visited, using: &rng)
                        block.add(UnsafeBufferPointer(start: queue, count: size))
                        continue
                    }
                    _ = visited.mark(root)
                    var size = 1
                    var layerStart = 0
                    var depth = 0
                    while layerStart < size && depth < depthLimit {
                        let layerEnd = size
                        for position in layerStart..<layerEnd {
                            rule.drawLiveInArcs(of: Int(queue[position]), using: &rng) { arc in
                                let source = sources[arc]
                                if visited.mark(Int(source)) {
                                    queue[size] = source
                                    size += 1
                                }
                            }
                        }
                        layerStart = layerEnd
                        depth += 1
                    }
                    block.add(UnsafeBufferPointer(start: queue, count: size))
                }
                block.generator = rng
                return block
            }
        }
    }
}
