import Foundation

/// A two-tower neural recommender: `p(u, i) = σ(v·ReLU(W_u·h_u + W_i·h_i + b) + c)`.
///
/// Each tower is a small multilayer perceptron (``MultilayerPerceptron``, one hidden ReLU
/// layer) over a learned embedding and the observable features: the user tower over `e_u`
/// and `log(1 + out-degree)`, `log(1 + in-degree)`; the item tower over `e_i`, the item's topic
/// vector and `log(1 + price)` (each feature standardised over the users or items). Their outputs `h_u` and `h_i` meet in one hidden layer,
/// `W_u·h_u + W_i·h_i + b` (the combination of the seed documents), followed by one output
/// unit: a sum `W_u·h_u + W_i·h_i` on its own would split into a user part and an item part and
/// rank every user's items alike.
///
/// Training (everything in the package): each click is a positive; the `logistic` loss adds
/// `negatives` uniformly drawn unclicked items as negatives of the log-likelihood, the `bpr`
/// loss (Rendle et al. 2009) maximises `ln σ(x_ui − x_uj)` for one unclicked `j` per click.
/// Minibatches of 64 examples; Adam (``AdamOptimizer``) on the towers' and the joint layer's
/// weights; plain SGD at 100 times the rate on the two embedding rows an example touches (a
/// row is touched a few times an epoch, a weight in every example). The joint hidden layer
/// has `4d` units, the towers `d`.
/// Embeddings start at `N(0, 0.1²)`, weights He-normal. Items are ranked by the logit.
///
/// - Complexity: O(epochs · clicks · (negatives + 1) · network) to fit, O(items · joint
///   layer) to score a user (the item towers are computed once per fit).
public struct NeuralRecommender: Recommender {
    /// The hyper-parameters.
    public struct Parameters: Sendable, Equatable {
        /// The loss (default logistic).
        public var loss = MatrixFactorizationRecommender.Loss.logistic
        /// Embedding size and the towers' hidden and output width `d` (default 16); the joint
        /// hidden layer has `4d` units.
        public var dimensions = 16
        /// Passes over the clicks (default 30).
        public var epochs = 30
        /// Adam's step on the weights (default 0.01); the embeddings move at 100 times it.
        public var learningRate = 0.01
        /// Negatives per click for the logistic loss (default 4).
        public var negatives = 4

        /// The documented defaults.
        public init() {}
    }

    public let name: String
    /// The hyper-parameters.
    public let parameters: Parameters
    private var model: Model?

    /// A two-tower recommender labelled `name`.
    public init(name: String = "neural", parameters: Parameters = Parameters()) {
        self.name = name
        self.parameters = parameters
    }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        var model = Model(
            clicks: clicks, world: context.world, dimensions: parameters.dimensions,
            embeddingRate: 100 * parameters.learningRate, using: &rng)
        var positives: [(user: Int, item: Int)] = []
        for user in 0..<clicks.userCount {
            for item in clicks.items(of: user) { positives.append((user, Int(item))) }
        }
        var optimisers = model.networks.map {
            AdamOptimizer(parameterCount: $0.parameters.count, learningRate: parameters.learningRate)
        }
        let batch = 64
        for _ in 0..<parameters.epochs {
            positives.fisherYatesShuffle(using: &rng)
            for start in stride(from: 0, to: positives.count, by: batch) {
                var gradients = model.networks.map { [Double](repeating: 0, count: $0.parameters.count) }
                var examples = 0
                for (user, item) in positives[start..<min(positives.count, start + batch)] {
                    switch parameters.loss {
                    case .logistic:
                        model.train(user: user, item: item, logitGradient: { 1 / (1 + exp(-$0)) - 1 }, &gradients)
                        examples += 1
                        for _ in 0..<parameters.negatives {
                            guard
                                let other = MatrixFactorizationRecommender.unclicked(
                                    by: user, clicks: clicks, using: &rng)
                            else { break }
                            model.train(user: user, item: other, logitGradient: { 1 / (1 + exp(-$0)) }, &gradients)
                            examples += 1
                        }
                    case .bpr:
                        guard
                            let other = MatrixFactorizationRecommender.unclicked(by: user, clicks: clicks, using: &rng)
                        else { continue }
                        model.trainPair(user: user, clicked: item, other: other, &gradients)
                        examples += 1
                    }
                }
                guard examples > 0 else { continue }
                for index in model.networks.indices {
                    let scaled = gradients[index].map { $0 / Double(examples) }
                    optimisers[index].step(&model.networks[index].parameters, gradient: scaled)
                }
            }
        }
        model.computeItemOutputs()
        self.model = model
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        guard let model else { return }
        let userOutput = model.userOutput(user)
        for item in scores.indices { scores[item] = Float(model.logit(userOutput, model.itemOutputs[item])) }
    }

    /// The learned parameters and the fixed features.
    private struct Model: Sendable {
        let dimensions: Int
        /// User tower, item tower, joint layer.
        var networks: [MultilayerPerceptron]
        var userEmbeddings: [Double]
        var itemEmbeddings: [Double]
        let userFeatures: [[Double]]
        let itemFeatures: [[Double]]
        var itemOutputs: [[Double]] = []
        let embeddingRate: Double

        init(
            clicks: InteractionMatrix, world: World, dimensions d: Int, embeddingRate: Double,
            using rng: inout Xoshiro256StarStar
        ) {
            let graph = world.graph
            let inDegrees = graph.inDegrees()
            userFeatures = Self.standardised(
                (0..<clicks.userCount).map { user in
                    user < graph.nodeCount
                        ? [log1p(Double(graph.outDegree(of: NodeID(user)))), log1p(Double(inDegrees[user]))] : [0, 0]
                })
            let catalogue = world.catalogue
            itemFeatures = Self.standardised(
                (0..<clicks.itemCount).map { item in
                    catalogue.topics(of: item).map(Double.init) + [log1p(Double(catalogue.prices[item]))]
                })
            dimensions = d
            networks = [
                MultilayerPerceptron(layerSizes: [d + 2, d, d], using: &rng),
                MultilayerPerceptron(layerSizes: [d + (itemFeatures.first?.count ?? 1), d, d], using: &rng),
                MultilayerPerceptron(layerSizes: [2 * d, 4 * d, 1], using: &rng),
            ]
            userEmbeddings = (0..<(clicks.userCount * d)).map { _ in 0.1 * Distributions.normal(using: &rng) }
            itemEmbeddings = (0..<(clicks.itemCount * d)).map { _ in 0.1 * Distributions.normal(using: &rng) }
            self.embeddingRate = embeddingRate
        }

        /// Each column shifted and scaled to mean 0 and standard deviation 1 (a constant column to 0).
        static func standardised(_ rows: [[Double]]) -> [[Double]] {
            guard let width = rows.first?.count, rows.count > 1 else { return rows }
            var result = rows
            for column in 0..<width {
                let values = rows.map { $0[column] }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
                let scale = variance > 0 ? 1 / variance.squareRoot() : 0
                for row in result.indices { result[row][column] = (rows[row][column] - mean) * scale }
            }
            return result
        }

        func userInput(_ user: Int) -> [Double] {
            Array(userEmbeddings[(user * dimensions)..<((user + 1) * dimensions)]) + userFeatures[user]
        }

        func itemInput(_ item: Int) -> [Double] {
            Array(itemEmbeddings[(item * dimensions)..<((item + 1) * dimensions)]) + itemFeatures[item]
        }

        func userOutput(_ user: Int) -> [Double] { networks[0](userInput(user)[...]) }

        func logit(_ userOutput: [Double], _ itemOutput: [Double]) -> Double {
            networks[2]((userOutput + itemOutput)[...])[0]
        }

        mutating func computeItemOutputs() {
            itemOutputs = (0..<itemFeatures.count).map { networks[1](itemInput($0)[...]) }
        }

        /// One example's forward pass, then its backward pass with `∂loss/∂logit` from
        /// `logitGradient(logit)`: the weights' gradients add to `gradients`, the two embedding
        /// rows take an SGD step.
        mutating func train(
            user: Int, item: Int, logitGradient: (Double) -> Double, _ gradients: inout [[Double]]
        ) {
            let pass = forward(user: user, item: item)
            backward(pass, user: user, item: item, logitGradient: logitGradient(pass.joint.last?[0] ?? 0), &gradients)
        }

        /// One BPR example: `−ln σ(x_ui − x_uj)`, both items through the same user tower.
        mutating func trainPair(user: Int, clicked: Int, other: Int, _ gradients: inout [[Double]]) {
            let positive = forward(user: user, item: clicked)
            let negative = forward(user: user, item: other)
            let difference = (positive.joint.last?[0] ?? 0) - (negative.joint.last?[0] ?? 0)
            let g = -1 / (1 + exp(difference))
            backward(positive, user: user, item: clicked, logitGradient: g, &gradients)
            backward(negative, user: user, item: other, logitGradient: -g, &gradients)
        }

        private struct Pass {
            let user: [[Double]]
            let item: [[Double]]
            let joint: [[Double]]
        }

        private func forward(user: Int, item: Int) -> Pass {
            let userLayers = networks[0].activations(userInput(user)[...])
            let itemLayers = networks[1].activations(itemInput(item)[...])
            let joint = networks[2].activations(((userLayers.last ?? []) + (itemLayers.last ?? []))[...])
            return Pass(user: userLayers, item: itemLayers, joint: joint)
        }

        private mutating func backward(
            _ pass: Pass, user: Int, item: Int, logitGradient: Double, _ gradients: inout [[Double]]
        ) {
            let d = dimensions
            let joined = networks[2].accumulateGradient(
                activations: pass.joint, outputGradient: [logitGradient], into: &gradients[2])
            let userInputGradient = networks[0].accumulateGradient(
                activations: pass.user, outputGradient: Array(joined[..<d]), into: &gradients[0])
            let itemInputGradient = networks[1].accumulateGradient(
                activations: pass.item, outputGradient: Array(joined[d...]), into: &gradients[1])
            for k in 0..<d {
                userEmbeddings[user * d + k] -= embeddingRate * userInputGradient[k]
                itemEmbeddings[item * d + k] -= embeddingRate * itemInputGradient[k]
            }
        }
    }
}
