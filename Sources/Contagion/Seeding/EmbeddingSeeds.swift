/// Seeds that cover the item's predicted audience across embedding space.
///
/// The rule: a user `v`'s weight as audience is its affinity `c(v, i)` to the item. Candidates
/// are the `M` users with the most audience among their followers, `Σ_{v follows u} c(v, i)`.
/// Among them the policy greedily maximises the facility-location coverage
/// `F(S) = Σ_a c(a, i)·max_{s ∈ S} max(0, cos(e_a, e_s))` over an audience sample `A` (`e` the
/// graph embedding's vectors): each seed is the candidate that covers most of the audience
/// the seeds so far leave uncovered. `F` is monotone submodular, so lazy evaluation finds the
/// same seeds as plain greedy, and the seeds spread over the regions of the embedding where
/// the audience lives instead of crowding into the single best one, as the `k` top scores
/// would. Candidates with no gain left are taken in order of their audience reach.
///
/// - Complexity: O(arcs + n·d) setup, then O(|A|·d) per gain evaluation; `M = max(200, 20k)`,
///   `|A| ≤ 5,000` sampled uniformly without replacement.
public struct EmbeddingSeeds: SeedingPolicy {
    /// The label in outputs (default `embedding`).
    public let name: String
    /// Audience users sampled to measure coverage.
    public let audienceSample: Int

    /// An embedding-coverage policy.
    public init(name: String = "embedding", audienceSample: Int = 5000) {
        self.name = name
        self.audienceSample = audienceSample
    }

    public func selectSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> [NodeID]
    {
        guard let embedding = context.embedding?.normalised() else {
            throw SeedingError("\(name): the embedding policy needs the scenario's graph embedding")
        }
        let graph = context.graph
        let n = graph.nodeCount
        let d = embedding.dimensions
        let affinity = context.world.affinities(to: context.item, measure: .cosine)
        let reach = (0..<n).map { user in
            graph.successors(of: NodeID(user)).reduce(0.0) { $0 + Double(affinity[Int($1)]) }
        }
        let candidates = Ranking.top(min(n, max(200, 20 * count)), by: reach).map(Int.init)
        var audience = Array(0..<n)
        audience.fisherYatesShuffle(using: &rng)
        audience = Array(audience.prefix(audienceSample)).sorted()
        var covered = [Float](repeating: 0, count: audience.count)
        let vectors = embedding.vectors
        func gain(_ candidate: Int) -> Double {
            vectors.withUnsafeBufferPointer { v in
                var total = 0.0
                for (index, a) in audience.enumerated() {
                    let similarity = VectorMath.dot(v.start + a * d, v.start + candidate * d, count: d)
                    if similarity > covered[index] { total += Double(affinity[a] * (similarity - covered[index])) }
                }
                return total
            }
        }
        // (gain, candidate rank, round the gain was computed in); best gain first, then reach.
        typealias Entry = (gain: Double, rank: Int, round: Int)
        let entries: [Entry] = candidates.indices.map { (gain: Double.infinity, rank: $0, round: -1) }
        var queue = PriorityQueue(entries) { (a: Entry, b: Entry) in
            a.gain > b.gain || (a.gain == b.gain && a.rank < b.rank)
        }
        var seeds: [NodeID] = []
        while seeds.count < count, var top = queue.pop() {
            if top.round == seeds.count {
                let seed = candidates[top.rank]
                seeds.append(NodeID(seed))
                for (index, a) in audience.enumerated() {
                    let similarity = vectors.withUnsafeBufferPointer {
                        VectorMath.dot($0.start + a * d, $0.start + seed * d, count: d)
                    }
                    covered[index] = max(covered[index], similarity)
                }
            } else {
                top.gain = gain(candidates[top.rank])
                top.round = seeds.count
                queue.push(top)
            }
        }
        return seeds
    }
}
