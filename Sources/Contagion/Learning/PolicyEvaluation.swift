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
