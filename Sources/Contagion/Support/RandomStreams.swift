/// The named phases of a run, each with its own family of random streams.
public enum RandomPhase: UInt64, Sendable {
    /// Generating the graph.
    case graph = 1
    /// Drawing users, items and community labels.
    case population = 2
    /// Choosing seeds, one stream per policy and item.
    case seeding = 3
    /// Running cascades, one stream per replicate and item.
    case cascade = 4
    /// The Monte-Carlo runs of `contagion-bench`.
    case benchmark = 5
    /// The random parts of a compiled model (trivalency probabilities).
    case model = 6
    /// Random walks and skip-gram training of graph embeddings.
    case embedding = 7
    /// Recommenders: their training and the feed draws of the recommender in the loop.
    case recommendation = 8
    /// Dataset generation: timestamps, ratings and user segmentation.
    case dataset = 9
    /// Training the reinforcement-learning policy: network initialisation, exploration, replay.
    case learning = 10
}

/// Derives independent generators from one master seed by *position*, never by thread.
///
/// A stream is named by a phase and up to two indices (for a cascade: replicate and item).
/// The same position always yields the same generator, which is what makes results identical
/// at any thread count and gives every policy the same numbers for replicate `r`
/// (common random numbers).
public struct RandomStreams: Sendable {
    /// The scenario's master seed.
    public let masterSeed: UInt64

    /// Creates the stream family for `masterSeed`.
    public init(masterSeed: UInt64) { self.masterSeed = masterSeed }

    /// The generator at position (`phase`, `first`, `second`).
    public func generator(_ phase: RandomPhase, _ first: Int = 0, _ second: Int = 0) -> Xoshiro256StarStar {
        var key = SplitMix64.mix(masterSeed ^ 0x436F_6E74_6167_696F)  // "Contagio"
        key = SplitMix64.mix(key ^ phase.rawValue)
        key = SplitMix64.mix(key ^ UInt64(truncatingIfNeeded: first))
        key = SplitMix64.mix(key ^ (UInt64(truncatingIfNeeded: second) &+ 0x9E37_79B9_7F4A_7C15))
        return Xoshiro256StarStar(seed: key)
    }
}
