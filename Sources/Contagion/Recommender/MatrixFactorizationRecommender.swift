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
        /// L2 weight on the factors (default 0.01).
        public var regularization = 0.01
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
        let rate = Float(parameters.learningRate)
        let λ = Float(parameters.regularization)
        func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }
        func dot(_ u: Int, _ i: Int) -> Float { (0..<f).reduce(0) { $0 + users[u * f + $1] * items[i * f + $1] } }
        func unclicked(by user: Int) -> Int? {
            guard clicks.items(of: user).count < clicks.itemCount else { return nil }
            while true {
                let item = rng.nextIndex(below: clicks.itemCount)
                if !clicks.hasClicked(user, item) { return item }
            }
        }
        /// One gradient step on the factors of (user, item) by `g` = ∂ log-likelihood / ∂ score.
        func step(_ u: Int, _ i: Int, _ g: Float) {
            for k in 0..<f {
                let hu = users[u * f + k]
                let hi = items[i * f + k]
                users[u * f + k] += rate * (g * hi - λ * hu)
                items[i * f + k] += rate * (g * hu - λ * hi)
            }
            itemBias[i] += rate * g
        }
        for _ in 0..<parameters.epochs {
            positives.fisherYatesShuffle(using: &rng)
            for (u, i) in positives {
                switch parameters.loss {
                case .logistic:
                    let g = 1 - sigmoid(dot(u, i) + userBias[u] + itemBias[i])
                    userBias[u] += rate * g
                    step(u, i, g)
                    for _ in 0..<parameters.negatives {
                        guard let j = unclicked(by: u) else { break }
                        let h = -sigmoid(dot(u, j) + userBias[u] + itemBias[j])
                        userBias[u] += rate * h
                        step(u, j, h)
                    }
                case .bpr:
                    guard let j = unclicked(by: u) else { continue }
                    let g = 1 - sigmoid(dot(u, i) + itemBias[i] - dot(u, j) - itemBias[j])
                    for k in 0..<f {
                        let hu = users[u * f + k]
                        users[u * f + k] += rate * (g * (items[i * f + k] - items[j * f + k]) - λ * hu)
                        items[i * f + k] += rate * (g * hu - λ * items[i * f + k])
                        items[j * f + k] += rate * (-g * hu - λ * items[j * f + k])
                    }
                    itemBias[i] += rate * g
                    itemBias[j] -= rate * g
                }
            }
        }
        userFactors = users
        itemFactors = items
        self.itemBias = itemBias
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
