import Foundation

/// Deep Q-learning (Mnih et al. 2015) of a ``QNetworkPolicy`` on seeding episodes, with
/// n-step returns (Sutton 1988), experience replay, a target network and an ε-greedy
/// schedule; Q-learning over (user, item) actions learns the content choice too.
///
/// After each action the transition `(φ(s_t, a_t), G_t, s_{t+n})` with
/// `G_t = Σ_{j<n} γ^j r_{t+j}` enters a replay buffer (oldest out first). Every step, once the
/// buffer holds a batch, a minibatch drawn uniformly is regressed on
/// `y = G_t + γ^n max_a Q_target(φ(s_{t+n}, a))` (no bootstrap at the episode's end) with the
/// Huber loss, by Adam; the target network copies the online one every `targetUpdate` steps.
/// ε falls linearly from `epsilonStart` to `epsilonEnd` over the first `explorationEpisodes`.
/// Rewards are scaled to percent of the users, so that values are comparable across graph sizes.
///
/// Everything draws from one generator: the same seed gives the same network.
public struct DeepQLearning {
    /// Hyper-parameters, with the documented defaults.
    public struct Parameters: Sendable, Equatable, Codable {
        /// Hidden layer sizes of the Q-network.
        public var hiddenLayers = [32, 32]
        /// Adam's step size.
        public var learningRate = 1e-3
        /// Discount `γ` (1: the episode's total adopters).
        public var discount = 1.0
        /// `n` of the n-step return.
        public var steps = 3
        /// Transitions kept for replay.
        public var replayCapacity = 5000
        /// Minibatch size.
        public var batchSize = 32
        /// Gradient steps between target-network copies.
        public var targetUpdate = 100
        /// ε at the first episode and after the exploration phase.
        public var epsilonStart = 1.0, epsilonEnd = 0.05
        /// Episodes over which ε falls.
        public var explorationEpisodes = 100

        enum CodingKeys: String, CodingKey, CaseIterable {
            case hiddenLayers = "hidden_layers"
            case learningRate = "learning_rate"
            case discount, steps
            case replayCapacity = "replay_capacity"
            case batchSize = "batch_size"
            case targetUpdate = "target_update"
            case epsilonStart = "epsilon_start"
            case epsilonEnd = "epsilon_end"
            case explorationEpisodes = "exploration_episodes"
        }

        /// The defaults.
        public init() {}
    }

    /// One episode's result, for the learning curve.
    public struct EpisodeRecord: Sendable, Equatable {
        /// The episode's index.
        public var episode: Int
        /// Its return (adopters), under the exploring policy.
        public var episodeReturn: Double
        /// ε during it.
        public var epsilon: Double
        /// Mean Huber loss of its gradient steps (0 before learning starts).
        public var loss: Double
    }

    private struct Transition {
        var features: [Double]
        var target: Double
        var next: SeedingEnvironment.Observation?
        var discount: Double
    }

    /// The hyper-parameters.
    public let parameters: Parameters
    /// The policy being learned.
    public private(set) var policy: QNetworkPolicy
    private var target: MultilayerPerceptron
    private var optimiser: AdamOptimizer
    private var replay: [Transition] = []
    private var replayNext = 0
    private var gradientSteps = 0
    private var rng: Xoshiro256StarStar

    /// A learner with a fresh network drawn from `rng`.
    public init(parameters: Parameters, using rng: Xoshiro256StarStar) {
        var rng = rng
        let network = MultilayerPerceptron(
            layerSizes: [CandidateFeatures.count] + parameters.hiddenLayers + [1], using: &rng)
        self.parameters = parameters
        policy = QNetworkPolicy(network: network)
        target = network
        optimiser = AdamOptimizer(parameterCount: network.parameters.count, learningRate: parameters.learningRate)
        self.rng = rng
    }

    /// ε at `episode`.
    public func epsilon(at episode: Int) -> Double {
        let progress = min(1, Double(episode) / Double(max(1, parameters.explorationEpisodes)))
        return parameters.epsilonStart + (parameters.epsilonEnd - parameters.epsilonStart) * progress
    }

    /// Runs episode `episode` in `environment` (reset here), learning as it goes.
    public mutating func train(episode: Int, in environment: inout SeedingEnvironment) -> EpisodeRecord {
        environment.reset(episode: episode)
        let epsilon = epsilon(at: episode)
        // Rewards in percent of the most there is to reach (`n` users, or the items' mean total
        // worth `W` under a weighted objective).
        let scale = 100 / environment.rewardScale
        let width = CandidateFeatures.count
        var pending: [(features: [Double], rewards: [Double])] = []
        var losses: [Double] = []
        var observation = environment.observe()
        while !environment.isDone && !observation.actions.isEmpty {
            // The loop runs only while there are actions, so the greedy choice exists.
            let greedy = policy.bestAction(observation) ?? 0
            let index = rng.nextUnit() < epsilon ? rng.nextIndex(below: observation.actions.count) : greedy
            let reward = environment.act(observation.actions[index]) * scale
            pending.append((Array(observation.features[(index * width)..<((index + 1) * width)]), []))
            for slot in pending.indices { pending[slot].rewards.append(reward) }
            observation = environment.observe()
            let isDone = environment.isDone || observation.actions.isEmpty
            while let first = pending.first, first.rewards.count == parameters.steps || (isDone && !pending.isEmpty) {
                pending.removeFirst()
                store(first, next: isDone ? nil : observation)
            }
            if replay.count >= parameters.batchSize { losses.append(learn()) }
        }
        let mean = losses.isEmpty ? 0 : losses.reduce(0, +) / Double(losses.count)
        return EpisodeRecord(
            episode: episode, episodeReturn: environment.episodeReturn, epsilon: epsilon, loss: mean)
    }

    private mutating func store(_ entry: (features: [Double], rewards: [Double]), next: SeedingEnvironment.Observation?)
    {
        var discounted = 0.0
        var factor = 1.0
        for reward in entry.rewards {
            discounted += factor * reward
            factor *= parameters.discount
        }
        let transition = Transition(features: entry.features, target: discounted, next: next, discount: factor)
        if replay.count < parameters.replayCapacity {
            replay.append(transition)
        } else {
            replay[replayNext] = transition
            replayNext = (replayNext + 1) % parameters.replayCapacity
        }
    }

    /// One minibatch step; returns the mean Huber loss.
    private mutating func learn() -> Double {
        let width = CandidateFeatures.count
        var gradient = [Double](repeating: 0, count: policy.network.parameters.count)
        var loss = 0.0
        for _ in 0..<parameters.batchSize {
            let transition = replay[rng.nextIndex(below: replay.count)]
            var y = transition.target
            if let next = transition.next, !next.actions.isEmpty {
                var best = -Double.infinity
                for index in next.actions.indices {
                    best = max(best, target(next.features[(index * width)..<((index + 1) * width)])[0])
                }
                y += transition.discount * best
            }
            let activations = policy.network.activations(transition.features[...])
            let error = activations[activations.count - 1][0] - y
            loss += abs(error) <= 1 ? error * error / 2 : abs(error) - 0.5
            let clipped = max(-1, min(1, error)) / Double(parameters.batchSize)
            policy.network.accumulateGradient(activations: activations, outputGradient: [clipped], into: &gradient)
        }
        optimiser.step(&policy.network.parameters, gradient: gradient)
        gradientSteps += 1
        if gradientSteps % parameters.targetUpdate == 0 { target = policy.network }
        return loss / Double(parameters.batchSize)
    }
}
