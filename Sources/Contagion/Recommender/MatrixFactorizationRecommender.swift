import Foundation

/// Matrix factorisation on implicit feedback: `p(u, i) = σ(h_u·h_i + b_u + b_i)`, learned by
/// stochastic gradient descent on clicks.
///
/// - `logistic` (Johnson 2014, without confidence weights): each click is a positive and
///   `negatives` uniformly drawn unclicked items are negatives of the log-likelihood, with L2
///   regularisation `λ` on the factors.
/// - `bpr` (Rendle et al. 2009): each click `i` is paired with an unclicked `j` and
///   `ln σ(x̂_ui − x̂_uj)` is maximised (the user bias cancels).
///
/// Factors start at `N(0, 0.1²)`; the learning rate is constant. Items are ranked by
/// `h_u·h_i + b_i`.
///
/// - Complexity: O(epochs · clicks · (negatives + 1) · factors).
public struct MatrixFactorizationRecommender: Recommender {
    /// The loss the factors minimise.
    public enum Loss: String, Sendable, Codable, CaseIterable {
        /// Logistic loss on clicks and sampled non-clicks.
        case logistic
        /// Bayesian personalised ranking.
        case bpr
    }

    /// The hyper-parameters.
    public struct Parameters: Sendable, Equatable {
        /// The loss (default logistic).
        public var loss = Loss.logistic
        /// Latent dimension (default 16).
        public var factors = 16
        /// Passes over the clicks (default 30).
        public var epochs = 30
        /// SGD step (default 0.05).
        public var learningRate = 0.05
        /// L2 weight on the factors (default 0.05).
        public var regularization = 0.05
        /// Negatives per click for the logistic loss (default 4).
        public var negatives = 4

        /// The documented defaults.
        public init() {}
    }

    public let name: String
    /// The hyper-parameters.
    public let parameters: Parameters
    private var userFactors: [Float] = []
    private var itemFactors: [Float] = []
    private var itemBias: [Float] = []

    /// A factorisation recommender labelled `name`.
    public init(name: String = "matrix_factorization", parameters: Parameters = Parameters()) {
        self.name = name
        self.parameters = parameters
    }

    public mutating func fit(
        _ clicks: InteractionMatrix, context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) {
        let f = parameters.factors
        var users = (0..<(clicks.userCount * f)).map { _ in Float(0.1 * Distributions.normal(using: &rng)) }
        var items = (0..<(clicks.itemCount * f)).map { _ in Float(0.1 * Distributions.normal(using: &rng)) }
        var userBias = [Float](repeating: 0, count: clicks.userCount)
        var itemBias = [Float](repeating: 0, count: clicks.itemCount)
        var positives: [(user: Int, item: Int)] = []
        for user in 0..<clicks.userCount {
            for item in clicks.items(of: user) { positives.append((user, Int(item))) }
        }
        let trainer = FactorTrainer(
            factors: f, rate: Float(parameters.learningRate), regularization: Float(parameters.regularization))
        users.withUnsafeMutableBufferPointer { users in
            items.withUnsafeMutableBufferPointer { items in
                userBias.withUnsafeMutableBufferPointer { userBias in
                    itemBias.withUnsafeMutableBufferPointer { itemBias in
                        let userRows = users.start
                        let itemRows = items.start
                        let ub = userBias.start
                        let ib = itemBias.start
                        for _ in 0..<parameters.epochs {
                            positives.fisherYatesShuffle(using: &rng)
                            for (u, i) in positives {
                                switch parameters.loss {
                                case .logistic:
                                    trainer.logisticStep(userRows + u * f, itemRows + i * f, ub + u, ib + i, label: 1)
                                    for _ in 0..<parameters.negatives {
                                        guard let j = Self.unclicked(by: u, clicks: clicks, using: &rng) else { break }
                                        trainer.logisticStep(
                                            userRows + u * f, itemRows + j * f, ub + u, ib + j, label: 0)
                                    }
                                case .bpr:
                                    guard let j = Self.unclicked(by: u, clicks: clicks, using: &rng) else { continue }
                                    trainer.pairStep(
                                        userRows + u * f, itemRows + i * f, itemRows + j * f, ib + i, ib + j)
                                }
                            }
                        }
                    }
                }
            }
        }
        userFactors = users
        itemFactors = items
        self.itemBias = itemBias
    }

    /// A uniformly drawn item that `user` has not clicked, or `nil` if they clicked them all.
    static func unclicked(by user: Int, clicks: InteractionMatrix, using rng: inout Xoshiro256StarStar) -> Int? {
        guard clicks.items(of: user).count < clicks.itemCount else { return nil }
        while true {
            let item = rng.nextIndex(below: clicks.itemCount)
            if !clicks.hasClicked(user, item) { return item }
        }
    }

    public func score(user: Int, into scores: inout [Float], using rng: inout Xoshiro256StarStar) {
        let f = parameters.factors
        guard !userFactors.isEmpty else { return }
        for item in scores.indices {
            var s = itemBias[item]
            for k in 0..<f { s += userFactors[user * f + k] * itemFactors[item * f + k] }
            scores[item] = s
        }
    }
}

/// The SGD steps of ``MatrixFactorizationRecommender`` on raw factor rows.
struct FactorTrainer {
    let factors: Int
    let rate: Float
    let regularization: Float

    /// One step on `log σ(x)` (label 1) or `log σ(−x)` (label 0), `x = h_u·h_i + b_u + b_i`.
    func logisticStep(
        _ user: UnsafeMutablePointer<Float>, _ item: UnsafeMutablePointer<Float>,
        _ userBias: UnsafeMutablePointer<Float>, _ itemBias: UnsafeMutablePointer<Float>, label: Float
    ) {
        let x = VectorMath.dot(user, item, count: factors) + userBias.pointee + itemBias.pointee
        let g = label - 1 / (1 + exp(-x))
        userBias.pointee += rate * g
        itemBias.pointee += rate * g
        for k in 0..<factors {
            let hu = user[k]
            let hi = item[k]
            user[k] += rate * (g * hi - regularization * hu)
            item[k] += rate * (g * hu - regularization * hi)
        }
    }

    /// One BPR step on `log σ(x_ui − x_uj)` for a clicked `i` and an unclicked `j`.
    func pairStep(
        _ user: UnsafeMutablePointer<Float>, _ clicked: UnsafeMutablePointer<Float>,
        _ other: UnsafeMutablePointer<Float>, _ clickedBias: UnsafeMutablePointer<Float>,
        _ otherBias: UnsafeMutablePointer<Float>
    ) {
        let x =
            VectorMath.dot(user, clicked, count: factors) + clickedBias.pointee
            - VectorMath.dot(user, other, count: factors) - otherBias.pointee
        let g = 1 / (1 + exp(x))
        clickedBias.pointee += rate * g
        otherBias.pointee -= rate * g
        for k in 0..<factors {
            let hu = user[k]
            user[k] += rate * (g * (clicked[k] - other[k]) - regularization * hu)
            clicked[k] += rate * (g * hu - regularization * clicked[k])
            other[k] += rate * (-g * hu - regularization * other[k])
        }
    }
}
