/// Monte-Carlo greedy with lazy evaluation: CELF (Kempe, Kleinberg & Tardos 2003; Leskovec et
/// al. 2007).
///
/// Greedy adds, `k` times, the node with the largest marginal gain in estimated spread; the
/// estimate averages `R` (``simulations``) sampled live-edge worlds, the same worlds for every
/// candidate (``LiveEdgeWorlds``). Because that estimate is submodular, a gain computed in an
/// earlier round is an upper bound on the current one: CELF keeps candidates in a queue by
/// their last gain and recomputes only the one on top until a fresh gain stays on top. Ties go
/// to the lower node id, so CELF returns exactly plain greedy's seeds on the same worlds.
///
/// Marginal gains are computed incrementally. Each world keeps, per node, its distance from
/// the chosen seeds (within the step limit `T`). The gain of `v` in a world is a breadth-first
/// search from `v` over live arcs that counts nodes no seed reaches and stops at any node the
/// seeds already reach at a distance no larger than the search's (everything beyond it is
/// reached by the seeds no later). Without a step limit every reached node stops the search.
///
/// Under a weighted ``SpreadObjective`` a newly reached node adds its worth instead of 1, in
/// the integer units of ``NodeWeights``, so the sums and the seeds do not depend on threads.
///
/// - Complexity: the first round is `n·R` searches, run on all cores; later rounds are a
///   few searches each in practice. Memory `4·R·n` bytes of distances plus the worlds.
public struct CELF: LiveEdgeSeedingPolicy {
    /// The label in outputs (default `celf`).
    public let name: String
    /// `R`: live-edge worlds (Monte-Carlo simulations) per spread estimate.
    public let simulations: Int
    /// What the seeds should maximise (default the adopters).
    public let objective: SpreadObjective

    /// CELF averaging `simulations` worlds per estimate, maximising `objective`.
    public init(name: String = "celf", simulations: Int = 100, objective: SpreadObjective = .adopters) {
        precondition(simulations >= 1)
        self.name = name
        self.simulations = simulations
        self.objective = objective
    }

    /// The seeds with their gains in the objective averaged over the worlds.
    public func chooseSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenSeeds
    {
        let worlds = LiveEdgeWorlds(
            model: try LiveEdgeModel(context.model, objective: objective, policy: name), count: simulations,
            streams: context.streams(using: &rng), threads: context.threads)
        let selection = Self.greedySelection(
            count: count, on: worlds, threads: context.threads, progress: context.progress)
        return ChosenSeeds(seeds: selection.seeds, marginalGains: selection.gains.map { worlds.average($0) })
    }

    /// The CELF seeds on `worlds`, best first.
    public static func greedy(count: Int, on worlds: LiveEdgeWorlds, threads: Int) -> [NodeID] {
        greedySelection(count: count, on: worlds, threads: threads).seeds
    }

    /// The CELF seeds on `worlds`, best first, with each seed's gain summed over the worlds
    /// (users newly reached, or their worth in units); `progress` counts the seeds chosen.
    static func greedySelection(
        count: Int, on worlds: LiveEdgeWorlds, threads: Int, progress: ProgressMeter = .silent
    ) -> (seeds: [NodeID], gains: [Int]) {
        let n = worlds.nodeCount
        let coverage = SeedCoverage(worlds: worlds)
        let initial = Parallel.map(count: n, threads: threads, makeWorkspace: { coverage.makeWorkspace() }) {
            node, workspace in
            (0..<worlds.count).reduce(0) { $0 + coverage.gain(of: node, inWorld: $1, workspace: &workspace) }
        }
        // (gain, node, round in which the gain was computed); larger gain first, then lower id.
        typealias Candidate = (gain: Int, node: Int, round: Int)
        var queue = PriorityQueue<Candidate>(
            initial.enumerated().map { (gain: $0.element, node: $0.offset, round: 0) },
            ranksBefore: { $0.gain > $1.gain || ($0.gain == $1.gain && $0.node < $1.node) })
        var seeds: [NodeID] = []
        var gains: [Int] = []
        while seeds.count < min(count, n), let top = queue.pop() {
            if top.round == seeds.count {
                seeds.append(NodeID(top.node))
                gains.append(top.gain)
                coverage.add(top.node, threads: threads)
                progress.count(seeds.count, of: min(count, n), unit: "seeds chosen by lazy greedy")
            } else {
                queue.push((coverage.gain(of: top.node, threads: threads), top.node, seeds.count))
            }
        }
        return (seeds, gains)
    }
}

/// Per world, each node's distance from the chosen seeds: the state of CELF's incremental gains.
///
/// Workers share it: ``add(_:threads:)`` writes each world's distance row from one worker only,
/// and gains only read the rows.
struct SeedCoverage: Sendable {
    let worlds: LiveEdgeWorlds
    /// World after world, `n` distances; `Int32.max` where no seed reaches. Without a step
    /// limit every reached node is stored at distance 0, since only reachability matters.
    let distances: ScratchArray<Int32>
    /// Whether ``LiveEdgeWorlds/maximumSteps`` can cut a path short (`T < n − 1`).
    let isLimited: Bool

    init(worlds: LiveEdgeWorlds) {
        self.worlds = worlds
        distances = ScratchArray(repeating: .max, count: worlds.count * worlds.nodeCount)
        isLimited = worlds.maximumSteps < worlds.nodeCount - 1
    }

    /// Scratch for one thread: visited marks and a queue.
    struct Workspace {
        var visited: RunStamps
        var queue: ScratchArray<NodeID>
    }

    func makeWorkspace() -> Workspace {
        Workspace(
            visited: RunStamps(count: worlds.nodeCount), queue: ScratchArray(repeating: 0, count: worlds.nodeCount))
    }

    /// Nodes that adding `node` to the seeds would newly reach in `world` (their worth in units).
    func gain(of node: Int, inWorld world: Int, workspace: inout Workspace) -> Int {
        var gain = 0
        let weights = worlds.weights
        search(from: node, inWorld: world, workspace: &workspace) { reached, seedDistance, _ in
            if seedDistance == .max { gain += weights.units(of: reached) }
        }
        return gain
    }

    /// Nodes that adding `node` would newly reach (their worth in units), summed over worlds on
    /// `threads` threads.
    func gain(of node: Int, threads: Int) -> Int {
        Parallel.map(count: min(threads, worlds.count), threads: threads, makeWorkspace: { makeWorkspace() }) {
            part, workspace in
            stride(from: part, to: worlds.count, by: min(threads, worlds.count)).reduce(0) {
                $0 + gain(of: node, inWorld: $1, workspace: &workspace)
            }
        }.reduce(0, +)
    }

    /// Adds `node` to the seeds in every world.
    func add(_ node: Int, threads: Int) {
        let parts = min(threads, worlds.count)
        _ = Parallel.map(count: parts, threads: threads, makeWorkspace: { makeWorkspace() }) { part, workspace in
            for world in stride(from: part, to: worlds.count, by: parts) {
                let base = distances.base + world * worlds.nodeCount
                search(from: node, inWorld: world, workspace: &workspace) { reached, _, depth in
                    base[reached] = isLimited ? Int32(depth) : 0
                }
            }
        }
    }

    /// Breadth-first search from `source` over `world`'s live arcs, at most ``LiveEdgeWorlds/maximumSteps``
    /// deep, calling `visit(node, its distance from the seeds, its depth)` for each node it
    /// reaches (the source included) before the seeds do. A node the seeds reach no later
    /// than the search is neither visited nor searched beyond.
    @inline(__always)
    private func search(
        from source: Int, inWorld world: Int, workspace: inout Workspace, _ visit: (Int, Int32, Int) -> Void
    ) {
        let seedDistance = distances.base + world * worlds.nodeCount
        guard seedDistance[source] > 0 else { return }
        workspace.visited.beginRun()
        let visited = workspace.visited
        let queue = workspace.queue.base
        _ = visited.mark(source)
        visit(source, seedDistance[source], 0)
        queue[0] = NodeID(source)
        var size = 1
        var layerStart = 0
        var depth = 0
        while layerStart < size && depth < worlds.maximumSteps {
            let layerEnd = size
            depth += 1
            for position in layerStart..<layerEnd {
                for target in worlds.successors(of: Int(queue[position]), inWorld: world)
                where visited.mark(Int(target)) && seedDistance[Int(target)] > (isLimited ? Int32(depth) : 0) {
                    visit(Int(target), seedDistance[Int(target)], depth)
                    queue[size] = target
                    size += 1
                }
            }
            layerStart = layerEnd
        }
    }
}
