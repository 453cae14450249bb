/// Compares seeding strategies in a ``SeedingEnvironment``, episode by episode on the same
/// realisations (common random numbers): the adaptive policy against seed lists fixed in
/// advance, or one content choice against another.
public enum PolicyEvaluation {
    /// How seeds are chosen in an episode.
    public enum Strategy: Sendable {
        /// The trained policy, observing between rounds.
        case policy(QNetworkPolicy)
        /// Seeds (with their items) fixed before the episode, played in order.
        case fixed([SeedingEnvironment.Action])
    }

    /// The return of `strategy` in each episode of `episodes` (the environment is reset to each).
    public static func returns(
        of strategy: Strategy, in environment: inout SeedingEnvironment, episodes: Range<Int>
    ) -> [Double] {
        episodes.map { episode in
            environment.reset(episode: episode)
            switch strategy {
            case .policy(let policy):
                return policy.play(&environment)
            case .fixed(let actions):
                for action in actions where !environment.isDone { _ = environment.act(action) }
                return environment.episodeReturn
            }
        }
    }
}

extension PolicyEvaluation {
    /// One episode's outcome under the model's own kernel.
    public struct Outcome: Sendable, Equatable {
        /// Adopters, summed over items.
        public var adopters: Int
        /// Purchase revenue, summed over items (0 for models without purchases).
        public var revenue: Double
    }

    /// Simulates a fixed (user, item) assignment with each item's compiled model: episode `e`
    /// runs item `j`'s cascade from its seeds in the world (`e`, `j`) of `streams`, the same
    /// for every assignment (common random numbers).
    ///
    /// - Parameter models: the compiled model of each item, by item position.
    public static func simulate(
        _ assignment: [SeedingEnvironment.Action], models: [CompiledModel], episodes: Range<Int>,
        streams: RandomStreams, threads: Int
    ) -> [Outcome] {
        var totals = episodes.map { _ in Outcome(adopters: 0, revenue: 0) }
        for (itemIndex, model) in models.enumerated() {
            let seeds = assignment.filter { $0.itemIndex == itemIndex }.map(\.user).sorted()
            guard !seeds.isEmpty else { continue }
            let runs = model.visit(
                EpisodeRuns(seeds: seeds, itemIndex: itemIndex, episodes: episodes, streams: streams, threads: threads))
            for (offset, statistics) in runs.enumerated() {
                totals[offset].adopters += statistics.adopters
                totals[offset].revenue += statistics.revenue
            }
        }
        return totals
    }

    /// One item's cascades over the episodes, with the concrete model type.
    private struct EpisodeRuns: DiffusionModelVisitor {
        let seeds: [NodeID]
        let itemIndex: Int
        let episodes: Range<Int>
        let streams: RandomStreams
        let threads: Int

        func visit<Model: DiffusionModel>(_ model: Model) -> [CascadeStatistics] {
            Parallel.map(
                count: episodes.count, threads: threads,
                makeWorkspace: {
                    (model.makeWorkspace(), CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: false))
                }
            ) { offset, workspace in
                workspace.1.reset()
                model.run(
                    seeds: seeds, workspace: &workspace.0, observer: &workspace.1,
                    world: streams.world(replicate: episodes.lowerBound + offset, item: itemIndex))
                return CascadeStatistics(workspace.1)
            }
        }
    }
}
