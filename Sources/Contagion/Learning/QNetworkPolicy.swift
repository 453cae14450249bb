/// A policy that scores each candidate (user, item) action with a Q-network over its features
/// and takes the best: `argmax_a Q(φ(s, a))`.
public struct QNetworkPolicy: Sendable, Equatable {
    /// The network: ``CandidateFeatures/count`` inputs, one output.
    public var network: MultilayerPerceptron

    /// A policy around `network`.
    public init(network: MultilayerPerceptron) {
        precondition(network.layerSizes.first == CandidateFeatures.count && network.layerSizes.last == 1)
        self.network = network
    }

    /// `Q` of every action of `observation`.
    public func values(_ observation: SeedingEnvironment.Observation) -> [Double] {
        let width = CandidateFeatures.count
        return observation.actions.indices.map { index in
            network(observation.features[(index * width)..<((index + 1) * width)])[0]
        }
    }

    /// The index of the best action among those `allowing` accepts (ties to the first listed),
    /// or `nil` if there is none.
    public func bestAction(
        _ observation: SeedingEnvironment.Observation,
        allowing isAllowed: (SeedingEnvironment.Action) -> Bool = { _ in true }
    ) -> Int? {
        let values = values(observation)
        return values.indices.filter { isAllowed(observation.actions[$0]) }.max {
            values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1)
        }
    }

    /// Plays one episode greedily from the environment's reset state; returns its return.
    public func play(_ environment: inout SeedingEnvironment) -> Double {
        while !environment.isDone {
            let observation = environment.observe()
            guard let best = bestAction(observation) else { break }
            _ = environment.act(observation.actions[best])
        }
        return environment.episodeReturn
    }
}
