@testable import Contagion

/// Small graphs and exact answers shared by the model tests.
enum Fixture {
    /// A graph from `(tail, head)` pairs.
    static func graph(_ nodeCount: Int, _ edges: [(Int, Int)], directed: Bool = true, strengths: [Float]? = nil)
        -> Graph
    {
        var builder = GraphBuilder(nodeCount: nodeCount, directed: directed)
        for (index, (tail, head)) in edges.enumerated() {
            builder.addEdge(from: NodeID(tail), to: NodeID(head), strength: strengths?[index] ?? 1)
        }
        return builder.build()
    }

    /// An undirected star: node 0 joined to `leaves` leaves.
    static func star(leaves: Int) -> Graph { graph(leaves + 1, (1...leaves).map { (0, $0) }, directed: false) }

    /// A directed path 0 → 1 → … → n − 1.
    static func path(_ n: Int) -> Graph { graph(n, (0..<(n - 1)).map { ($0, $0 + 1) }) }

    /// A seeding context on `graph` for item 0 with `model` compiled (`T` steps at most).
    static func context(
        _ graph: Graph, model: any PropagationModel = IndependentCascadeSettings(probability: .uniform(0.1)),
        maximumSteps: Int = .max,
        threads: Int = 2
    ) -> SeedingContext {
        let world = world(graph)
        var rng = Xoshiro256StarStar(seed: 11)
        return SeedingContext(
            world: world, item: 0, model: model.compile(for: 0, in: world, maximumSteps: maximumSteps, using: &rng),
            threads: threads)
    }

    /// A world with default users and items on `graph` (one community).
    static func world(_ graph: Graph, seed: UInt64 = 3) -> World {
        var rng = Xoshiro256StarStar(seed: seed)
        let users = Users.generate(
            communities: [Int32](repeating: 0, count: graph.nodeCount), parameters: UserParameters(), using: &rng)
        return World(
            graph: graph, users: users,
            catalogue: Catalogue.generate(topicCount: users.topicCount, parameters: CatalogueParameters(), using: &rng))
    }

    /// Mean spread and its standard error over `runs` Monte-Carlo runs.
    static func spread(_ model: CompiledModel, seeds: [NodeID], runs: Int, seed: UInt64 = 11) -> MonteCarlo.Totals {
        MonteCarlo.run(
            model, seeds: seeds, runs: runs, threads: 2, streams: RandomStreams(masterSeed: seed), phase: .cascade,
            batch: 0)
    }

    /// Nodes reachable from `seeds` using only the arcs for which `isLive(arc)` holds.
    static func reachable(_ graph: Graph, from seeds: [NodeID], isLive: (Int) -> Bool) -> Int {
        var seen = Set(seeds)
        var stack = seeds
        while let u = stack.popLast() {
            for arc in graph.offsets[Int(u)]..<graph.offsets[Int(u) + 1] where isLive(arc) {
                if seen.insert(graph.targets[arc]).inserted { stack.append(graph.targets[arc]) }
            }
        }
        return seen.count
    }

    /// Exact IC expected spread: the sum over all 2^arcs live-edge worlds (Kempe et al. 2003).
    static func exactCascadeSpread(_ graph: Graph, probabilities: [Double], seeds: [NodeID]) -> Double {
        let m = graph.arcCount
        precondition(m <= 16)
        var expected = 0.0
        for world in 0..<(1 << m) {
            var weight = 1.0
            for arc in 0..<m { weight *= (world >> arc) & 1 == 1 ? probabilities[arc] : 1 - probabilities[arc] }
            expected += weight * Double(reachable(graph, from: seeds) { (world >> $0) & 1 == 1 })
        }
        return expected
    }

    /// Exact LT expected spread: every node keeps one live in-arc `u → v` with probability
    /// `b_uv` or none with `1 − Σ b`; enumerate every combination of choices.
    static func exactThresholdSpread(_ graph: Graph, weights: [Double], seeds: [NodeID]) -> Double {
        let reverse = ReverseGraph(graph)
        // Choices per node: −1 (no live in-arc) or one of its in-arcs.
        let choices: [[(arc: Int, probability: Double)]] = (0..<graph.nodeCount).map { v in
            let inArcs = (reverse.offsets[v]..<reverse.offsets[v + 1]).map { Int(reverse.arcs[$0]) }
            let none = 1 - inArcs.reduce(0) { $0 + weights[$1] }
            return inArcs.map { ($0, weights[$0]) } + (none > 1e-12 ? [(-1, none)] : [])
        }
        var expected = 0.0
        func recurse(_ node: Int, _ weight: Double, _ live: inout Set<Int>) {
            if node == graph.nodeCount {
                expected += weight * Double(reachable(graph, from: seeds) { live.contains($0) })
                return
            }
            if choices[node].isEmpty { return recurse(node + 1, weight, &live) }
            for choice in choices[node] {
                if choice.arc >= 0 { live.insert(choice.arc) }
                recurse(node + 1, weight * choice.probability, &live)
                if choice.arc >= 0 { live.remove(choice.arc) }
            }
        }
        var live = Set<Int>()
        recurse(0, 1, &live)
        return expected
    }

    /// Runs one cascade with a full record.
    static func record<Model: DiffusionModel>(_ model: Model, seeds: [NodeID], seed: UInt64 = 5) -> CascadeRecorder {
        var workspace = model.makeWorkspace()
        var recorder = CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: true)
        var rng = Xoshiro256StarStar(seed: seed)
        model.run(seeds: seeds, workspace: &workspace, observer: &recorder, world: PossibleWorld(using: &rng))
        return recorder
    }

    /// The statistics of one cascade of `model` from `seeds` in `world`.
    static func recordCascade(_ model: CompiledModel, seeds: [NodeID], world: PossibleWorld) -> CascadeStatistics {
        model.visit(OneCascade(seeds: seeds, world: world))
    }

    private struct OneCascade: DiffusionModelVisitor {
        let seeds: [NodeID]
        let world: PossibleWorld

        func visit<Model: DiffusionModel>(_ model: Model) -> CascadeStatistics {
            var workspace = model.makeWorkspace()
            var recorder = CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: false)
            model.run(seeds: seeds.sorted(), workspace: &workspace, observer: &recorder, world: world)
            return CascadeStatistics(recorder)
        }
    }
}
