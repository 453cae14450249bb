/// The recommender-in-the-loop part of an experiment plan.
public struct FeedPlan: Sendable {
    /// The recommenders to compare; every arm runs with each.
    public var recommenders: [any Recommender]
    /// Slots and refit interval.
    public var parameters: FeedParameters
    /// The true funnel probabilities the loop draws from.
    public var truth: FeedClickModel
    /// The offline evaluation on replicate 0's interactions, or `nil`.
    public var evaluation: EvaluationPlan?

    /// A feed plan; see the properties.
    public init(
        recommenders: [any Recommender], parameters: FeedParameters, truth: FeedClickModel, evaluation: EvaluationPlan?
    ) {
        self.recommenders = recommenders
        self.parameters = parameters
        self.truth = truth
        self.evaluation = evaluation
    }
}

/// Which recommenders to evaluate offline, and how.
public struct EvaluationPlan: Sendable {
    /// The recommenders scored in `recommenders.csv`.
    public var recommenders: [any Recommender]
    /// List length `k` of recall@k and NDCG@k.
    public var k: Int
    /// The share of clicks before the cut-off step.
    public var trainFraction: Double

    /// An evaluation plan; see the properties.
    public init(recommenders: [any Recommender], k: Int, trainFraction: Double) {
        self.recommenders = recommenders
        self.k = k
        self.trainFraction = trainFraction
    }
}

/// The offline evaluation of one (arm, loop recommender) pair.
public struct EvaluationResult: Sendable {
    /// Index into the plan's arms.
    public var arm: Int
    /// Index into the feed's recommenders (the one in the loop).
    public var feedRecommender: Int
    /// The step that split training from held-out clicks.
    public var cutoff: Int32
    /// One score per evaluated recommender.
    public var scores: [RecommenderEvaluation.Score]
}
