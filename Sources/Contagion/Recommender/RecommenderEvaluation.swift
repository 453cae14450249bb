import Foundation

/// Offline evaluation of recommenders on a run's interactions: train on the clicks before a
/// cut-off step, rank for each user the items they had not clicked by then, and compare the
/// top `k` with the items they clicked from the cut-off on.
///
/// For a user with held-out set `T` and ranked list `L` (length `k`):
/// - `recall@k = |L ∩ T| / |T|`;
/// - `NDCG@k = DCG / IDCG` with binary relevance, `DCG = Σ_{r=1…k} [L_r ∈ T] / log₂(r + 1)` and
///   `IDCG` the DCG of a perfect list (`min(k, |T|)` hits first).
///
/// Both are averaged over the users with at least one held-out click, with a 95% interval
/// over users.
public enum RecommenderEvaluation {
    /// One recommender's scores.
    public struct Score: Sendable, Equatable {
        /// The recommender's name.
        public var recommender: String
        /// Users evaluated (with at least one held-out click).
        public var users: Int
        /// Recall@k over users.
        public var recall: SampleSummary
        /// NDCG@k over users.
        public var ndcg: SampleSummary
    }

    /// The step that splits `interactions` so that about `trainFraction` of the clicks fall
    /// before it (at least 1).
    public static func cutoff(of interactions: [Interaction], trainFraction: Double) -> Int32 {
        let steps = interactions.filter { $0.action == .click }.map(\.step).sorted()
        guard !steps.isEmpty else { return 1 }
        return max(1, steps[min(steps.count - 1, Int(Double(steps.count) * trainFraction))])
    }

    /// Evaluates `recommenders` at `k` on `interactions` split at step `cutoff`.
    ///
    /// - Parameter rng: draws for the recommenders' fits and the random recommender.
    public static func evaluate(
        _ recommenders: [any Recommender], interactions: [Interaction], cutoff: Int32, k: Int,
        context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) -> [Score] {
        let n = context.world.users.count
        let m = context.world.catalogue.count
        let training = InteractionMatrix(userCount: n, itemCount: m, interactions: interactions, before: cutoff)
        let later = InteractionMatrix(
            userCount: n, itemCount: m,
            pairs: interactions.filter { $0.action == .click && $0.step >= cutoff }.map { ($0.user, $0.item) })
        return evaluate(recommenders, training: training, heldOut: later, k: k, context: context, using: &rng)
    }

    /// Evaluates `recommenders` at `k`: fitted on `training`, scored on the `heldOut` clicks
    /// of items a user had not clicked in training.
    ///
    /// - Parameter rng: draws for the recommenders' fits and the random recommender.
    public static func evaluate(
        _ recommenders: [any Recommender], training: InteractionMatrix, heldOut later: InteractionMatrix, k: Int,
        context: RecommenderContext, using rng: inout Xoshiro256StarStar
    ) -> [Score] {
        var heldOut: [(user: Int, items: Set<Int>)] = []
        for user in 0..<training.userCount {
            let items = Set(later.items(of: user).map(Int.init).filter { !training.hasClicked(user, $0) })
            if !items.isEmpty { heldOut.append((user, items)) }
        }
        return recommenders.map { prototype in
            var recommender = prototype
            recommender.fit(training, context: context, using: &rng)
            var recalls: [Double] = []
            var gains: [Double] = []
            for (user, items) in heldOut {
                let list = recommender.recommend(for: user, count: k, clicks: training, using: &rng)
                let hits = list.filter(items.contains).count
                recalls.append(Double(hits) / Double(items.count))
                gains.append(ndcg(list, relevant: items, k: k))
            }
            return Score(
                recommender: recommender.name, users: heldOut.count, recall: SampleSummary(recalls),
                ndcg: SampleSummary(gains))
        }
    }

    /// NDCG@k of a ranked list with binary relevance.
    public static func ndcg(_ list: [Int], relevant: Set<Int>, k: Int) -> Double {
        var dcg = 0.0
        for (rank, item) in list.prefix(k).enumerated() where relevant.contains(item) {
            dcg += 1 / log2(Double(rank) + 2)
        }
        let ideal = (0..<min(k, relevant.count)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
        return ideal > 0 ? dcg / ideal : 0
    }
}
