@testable import Contagion

/// Small worlds and click matrices for the recommender tests.
enum RecommenderFixture {
    /// The homophilous platform of the ordering test: six communities of 200 users, strong
    /// homophily, clicks driven by affinity, a random feed in the loop (so that logged
    /// exposures do not favour any recommender) and every recommender evaluated at k = 5.
    static let homophilousScenario = """
        {
          name: "homophilous", seed: 3,
          graph: { type: "stochastic_block_model", block_sizes: [200, 200, 200, 200, 200, 200], p_in: 0.03,
                   p_out: 0.001, tie_strength: { distribution: "beta", alpha: 2, beta: 2 } },
          users: { topics: 8, homophily: 0.9 },
          items: { count: 20 },
          model: { type: "content_aware", click: { intercept: -3.0, tie: 2.0, affinity: 5.0, appeal: 0.5 },
                   share: { intercept: -0.5, affinity: 2.0 } },
          embedding: { dimensions: 16, walks_per_node: 4, walk_length: 10 },
          budget: 10, policies: [{ type: "degree" }],
          feed: { recommenders: [{ type: "random" }], slots: 3, retrain_every: 100, evaluation: { k: 5 } },
          simulation: { replicates: 1, max_steps: 30, items: [0] },
        }
        """

    /// A context on a small world whose truth the tests do not use.
    static func context(users: Int, items: Int) -> RecommenderContext {
        var rng = Xoshiro256StarStar(seed: 1)
        let graph = GraphGenerators.erdosRenyi(
            nodeCount: users, meanDegree: 3, directed: false, tieStrength: .constant(1), using: &rng)
        var parameters = CatalogueParameters()
        parameters.count = items
        let world = World(
            graph: graph,
            users: Users.generate(
                communities: [Int32](repeating: 0, count: users), parameters: UserParameters(), using: &rng),
            catalogue: Catalogue.generate(topicCount: 8, parameters: parameters, using: &rng))
        return RecommenderContext(
            world: world, truth: FeedClickModel(world: world, parameters: ContentAwareParameters()), embedding: nil)
    }

    /// A click matrix from `(user, item)` pairs.
    static func clicks(users: Int, items: Int, _ pairs: [(Int, Int)]) -> InteractionMatrix {
        InteractionMatrix(userCount: users, itemCount: items, pairs: pairs.map { (NodeID($0.0), Int32($0.1)) })
    }

    /// Every item's score for `user` after fitting on `clicks`.
    static func scores(
        _ prototype: any Recommender, fittedOn clicks: InteractionMatrix, context: RecommenderContext, user: Int
    )
        -> [Float]
    {
        var recommender = prototype
        var rng = Xoshiro256StarStar(seed: 2)
        recommender.fit(clicks, context: context, using: &rng)
        var scores = [Float](repeating: 0, count: clicks.itemCount)
        recommender.score(user: user, into: &scores, using: &rng)
        return scores
    }
}
