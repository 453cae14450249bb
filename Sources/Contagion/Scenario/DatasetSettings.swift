/// The `dataset` section: what `contagion generate` writes besides the simulated platform
/// (whose graph, users, items, model and feed come from the rest of the scenario).
public struct DatasetSettings: Codable, Sendable, Equatable {
    /// The RecBole dataset name: the prefix of the atomic files (default: the scenario's name).
    public var name: String?
    /// Users who launch each item at step 0, drawn uniformly without replacement (default 3).
    public var seedsPerItem: Int
    /// Seconds per simulation step in the timestamps (default 3600).
    public var stepSeconds: Int
    /// The Unix time of step 0 (default 1,700,000,000: 14 November 2023).
    public var startTime: Int
    /// The chance that a purchase is followed by a rating (default 0.5).
    public var ratingProbability: Double
    /// Standard deviation of the noise added to a rating before rounding (default 0.5).
    public var ratingNoise: Double
    /// The share of clicks, in time order, in the training file (default 0.8).
    public var trainFraction: Double
    /// The share of clicks in the validation file (default 0.1); the test file gets the rest.
    public var validFraction: Double
    /// k of the k-means user segments (default 0: the number of communities).
    public var segments: Int
    /// Whether to segment users on their graph embedding too (default `true`; costly on big graphs).
    public var embeddingSegments: Bool
    /// The segments' distance: `euclidean` (k-means, default) or `manhattan` (k-medians).
    public var segmentDistance: KMeans.Distance

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case seedsPerItem = "seeds_per_item"
        case stepSeconds = "step_seconds"
        case startTime = "start_time"
        case ratingProbability = "rating_probability"
        case ratingNoise = "rating_noise"
        case trainFraction = "train_fraction"
        case validFraction = "valid_fraction"
        case segments
        case embeddingSegments = "embedding_segments"
        case segmentDistance = "segment_distance"
    }

    /// The documented defaults.
    public init() {
        seedsPerItem = 3
        stepSeconds = 3600
        startTime = 1_700_000_000
        ratingProbability = 0.5
        ratingNoise = 0.5
        trainFraction = 0.8
        validFraction = 0.1
        segments = 0
        embeddingSegments = true
        segmentDistance = .euclidean
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name)
        if let name {
            try c.check(
                !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_".contains($0) }, .name,
                "must be a non-empty file name of letters, digits, '-' and '_'", got: "'\(name)'")
        }
        seedsPerItem = try c.decode(.seedsPerItem, default: seedsPerItem, atLeast: 0)
        stepSeconds = try c.decode(.stepSeconds, default: stepSeconds, in: 1...31_536_000)
        startTime = try c.decode(.startTime, default: startTime, atLeast: 0)
        ratingProbability = try c.decode(.ratingProbability, default: ratingProbability, in: 0...1)
        ratingNoise = try c.decode(.ratingNoise, default: ratingNoise, atLeast: 0)
        trainFraction = try c.decode(.trainFraction, default: trainFraction)
        try c.check(trainFraction > 0 && trainFraction < 1, .trainFraction, "must be in (0, 1)", got: trainFraction)
        validFraction = try c.decode(.validFraction, default: validFraction)
        try c.check(
            validFraction >= 0 && trainFraction + validFraction < 1, .validFraction,
            "must be ≥ 0 and leave a test share (train_fraction + valid_fraction < 1)", got: validFraction)
        segments = try c.decode(.segments, default: segments, in: 0...10_000)
        embeddingSegments = try c.decode(.embeddingSegments, default: embeddingSegments)
        segmentDistance = try c.decode(.segmentDistance, default: segmentDistance)
    }
}
