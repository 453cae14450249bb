@testable import Contagion

/// Graphs with known structure for the embedding and recommender tests.
enum EmbeddingFixture {
    /// An undirected stochastic block model with `blocks` communities of `size` nodes.
    static func communities(
        blocks: Int = 4, size: Int = 50, inside: Double = 0.2, between: Double = 0.005, seed: UInt64 = 8
    )
        -> Graph
    {
        var rng = Xoshiro256StarStar(seed: seed)
        return GraphGenerators.stochasticBlockModel(
            blockSizes: [Int](repeating: size, count: blocks), inside: inside, between: between, directed: false,
            tieStrength: .constant(1), using: &rng)
    }

    /// Small, quick skip-gram settings for tests that run in debug builds.
    static func skipGram(mode: SkipGramParameters.Mode = .deterministic, dimensions: Int = 16) -> SkipGramParameters {
        var parameters = SkipGramParameters()
        parameters.dimensions = dimensions
        parameters.mode = mode
        return parameters
    }

    /// Short walks: 10 per node of 20 nodes.
    static func walks(p: Double = 1, q: Double = 1) -> WalkParameters {
        var parameters = WalkParameters()
        parameters.length = 20
        parameters.returnParameter = p
        parameters.inOutParameter = q
        return parameters
    }
}
