/// How affinity becomes an explicit rating, and the affinity scale the dataset reports on.
///
/// A purchase is rated with probability `rating_probability`. The rating is
/// `clamp(round(3 + 1.5·z + ε), 1, 5)` where `z = (c(u, i) − μ)/σ` is the pair's affinity
/// standardised over all (user, item) pairs and `ε ~ N(0, rating_noise²)`: a user who likes
/// an item one standard deviation more than the typical pair gives it about 1.5 stars more.
/// The sentiment label follows the stars: 1–2 negative, 3 neutral, 4–5 positive.
///
/// `μ`, `σ` and the affinity deciles come from 20,000 pairs drawn uniformly at random.
struct RatingModel {
    /// Mean and standard deviation of the affinity over all pairs (estimated).
    let mean: Double, standardDeviation: Double
    /// The nine inner decile edges of the affinity over all pairs (estimated), ascending.
    let decileEdges: [Double]
    private let probability: UInt32
    private let noise: Double

    init(truth: FeedClickModel, settings: DatasetSettings, using rng: inout Xoshiro256StarStar) {
        let sample = (0..<20_000).map { _ in
            truth.affinity(user: rng.nextIndex(below: truth.userCount), item: rng.nextIndex(below: truth.itemCount))
        }.sorted()
        let summary = SampleSummary(sample)
        mean = summary.mean
        standardDeviation = summary.standardDeviation
        decileEdges = (1..<10).map { sample[$0 * sample.count / 10] }
        probability = bernoulliThreshold(settings.ratingProbability)
        noise = settings.ratingNoise
    }

    /// The decile, 0…9, of an affinity.
    func decile(of affinity: Double) -> Int {
        var low = 0
        var high = decileEdges.count
        while low < high {
            let middle = (low + high) / 2
            if decileEdges[middle] <= affinity { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The stars a buyer gives, or `nil` if they do not rate.
    func rating(affinity: Double, using rng: inout Xoshiro256StarStar) -> Int? {
        guard rng.bernoulli(threshold: probability) else { return nil }
        let z = standardDeviation > 0 ? (affinity - mean) / standardDeviation : 0
        let stars = (3 + 1.5 * z + noise * Distributions.normal(using: &rng)).rounded()
        return Int(min(5, max(1, stars)))
    }

    /// The sentiment label of a rating.
    static func sentiment(of stars: Int) -> String {
        stars <= 2 ? "negative" : stars == 3 ? "neutral" : "positive"
    }
}
