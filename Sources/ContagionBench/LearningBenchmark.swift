import Contagion
import Foundation

/// The learned seeding policy: training episodes per second on small graphs, then seed
/// selection on the benchmark graph against IMM's.
enum LearningBenchmark {
    /// Trains `episodes` episodes (k = `k`, weighted cascade) on one Barabási–Albert graph of
    /// 1,000 nodes, then times the `rl` policy's choice of `k` seeds on `graph` for each model of
    /// ``SeedingBenchmark/models(_:)``, with the RR estimate of the seeds' spread beside IMM's
    /// (ε = 0.5) seeds and time.
    static func run(_ graph: Graph, k: Int, episodes: Int, threads: Int) {
        var rng = Xoshiro256StarStar(seed: 11)
        let small = GraphGenerators.barabasiAlbert(
            nodeCount: 1000, edgesPerNode: 4, directed: false, tieStrength: .constant(1), using: &rng)
        var configuration = SeedingEnvironment.Configuration()
        configuration.budget = k
        var environment = SeedingEnvironment(
            world: world(small), items: [0], models: [LiveEdgeModel(SeedingBenchmark.models(small)[1].model)],
            embedding: nil, configuration: configuration, seed: 1, threads: threads)
        var learner = DeepQLearning(parameters: .init(), using: Xoshiro256StarStar(seed: 2))
        let start = Date()
        for episode in 0..<episodes { _ = learner.train(episode: episode, in: &environment) }
        let trainingSeconds = Date().timeIntervalSince(start)
        print(
            String(
                format: "\nrl policy (%d threads): %d training episodes, k = %d, on BA 1,000: %.2f s (%.1f episodes/s)",
                threads, episodes, k, trainingSeconds, Double(episodes) / trainingSeconds))
        print(
            column("model", 18) + column("rl s", 8) + column("rl spread", 11) + column("IMM ε=0.5 s", 13)
                + "IMM spread")
        let policy = RLSeeds(
            file: PolicyFile(
                policy: learner.policy, environment: configuration,
                training: .init(scenario: "bench", seed: 2, episodes: episodes, learner: .init(), usesEmbedding: false))
        )
        let platform = world(graph)
        for (name, model) in SeedingBenchmark.models(graph) {
            var draw = Xoshiro256StarStar(seed: 3)
            let context = SeedingContext(world: platform, item: 0, model: model, threads: threads)
            guard let timed = try? policy.timedSelection(count: k, in: context, using: &draw),
                let imm = try? IMM(epsilon: 0.5).timedSelection(count: k, in: context, using: &draw)
            else { continue }
            let liveEdge = LiveEdgeModel(model)
            var sets = ReverseReachableSets(nodeCount: graph.nodeCount)
            sets.extend(
                to: 100_000, model: liveEdge, streams: RandomStreams(masterSeed: 5), family: 0, threads: threads)
            print(
                column(name, 18) + column(String(format: "%.3f", timed.seconds), 8)
                    + column(String(format: "%.1f", estimatedSpread(of: timed.seeds, on: sets)), 11)
                    + column(String(format: "%.3f", imm.seconds), 13)
                    + String(format: "%.1f", estimatedSpread(of: imm.seeds, on: sets)))
        }
    }

    /// `n` times the share of `sets` that hold a seed: an unbiased spread estimate.
    static func estimatedSpread(of seeds: [NodeID], on sets: ReverseReachableSets) -> Double {
        var isSeed = [Bool](repeating: false, count: sets.nodeCount)
        for seed in seeds { isSeed[Int(seed)] = true }
        var covered = seeds.reduce(0) { $0 + Int(sets.singletons[Int($1)]) }
        for set in 0..<sets.multiMemberCount where sets.members(ofSet: set).contains(where: { isSeed[Int($0)] }) {
            covered += 1
        }
        return Double(sets.nodeCount) * Double(covered) / Double(sets.count)
    }

    /// A platform on `graph` with the default users and catalogue.
    static func world(_ graph: Graph) -> World {
        var rng = Xoshiro256StarStar(seed: 4)
        let users = Users.generate(
            communities: [Int32](repeating: 0, count: graph.nodeCount), parameters: UserParameters(), using: &rng)
        let catalogue = Catalogue.generate(topicCount: users.topicCount, parameters: CatalogueParameters(), using: &rng)
        return World(graph: graph, users: users, catalogue: catalogue)
    }
}
