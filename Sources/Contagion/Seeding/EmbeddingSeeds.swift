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
/// In a joint campaign the policy pairs users with items by the same score: each offered item
/// has its own candidates and its own coverage `F_j` of the shared audience sample, weighted
/// by `c(a, j)`, and the greedy takes the (candidate, item) pair that adds most to `Σ_j F_j`
/// (ties: the better reach rank, then the earlier item), each user once, each item within its
/// limit. With one item this is the single-item rule.
///
/// - Complexity: O(arcs + n·d) setup per item, then O(|A|·d) per gain evaluation;
///   `M = max(200, 20k)`, `|A| ≤ 5,000` sampled uniformly without replacement.
public struct EmbeddingSeeds: PairSeedingPolicy {
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
        try choosePairs(count: count, in: JointSeedingContext(context, limit: count), using: &rng).pairs.map(\.user)
    }

    public func choosePairs(count: Int, in context: JointSeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenPairs
    {
        guard let embedding = context.embedding?.normalised() else {
            throw SeedingError("\(name): the embedding policy needs the scenario's graph embedding")
        }
        let graph = context.world.graph
        let n = graph.nodeCount
        let d = embedding.dimensions
        let affinities = context.items.map { context.world.affinities(to: $0, measure: .cosine) }
        let candidates = affinities.map { affinity in
            let reach = (0..<n).map { user in
                graph.successors(of: NodeID(user)).reduce(0.0) { $0 + Double(affinity[Int($1)]) }
            }
            return Ranking.top(min(n, max(200, 20 * count)), by: reach).map(Int.init)
        }
        var audience = Array(0..<n)
        audience.fisherYatesShuffle(using: &rng)
        audience = Array(audience.prefix(audienceSample)).sorted()
        var covered = context.items.map { _ in [Float](repeating: 0, count: audience.count) }
        let vectors = embedding.vectors
        func gain(_ candidate: Int, _ item: Int) -> Double {
            vectors.withUnsafeBufferPointer { v in
                var total = 0.0
                for (index, a) in audience.enumerated() {
                    let similarity = VectorMath.dot(v.start + a * d, v.start + candidate * d, count: d)
                    if similarity > covered[item][index] {
                        total += Double(affinities[item][a] * (similarity - covered[item][index]))
                    }
                }
                return total
            }
        }
        // (gain, item, candidate rank, the item's seed count when the gain was computed): best
        // gain first, then reach rank, then item.
        typealias Entry = (gain: Double, item: Int, rank: Int, round: Int)
        let entries: [Entry] = candidates.indices.flatMap { item in
            context.limits[item] > 0
                ? candidates[item].indices.map { (gain: Double.infinity, item: item, rank: $0, round: -1) } : []
        }
        var queue = PriorityQueue(entries) { (a: Entry, b: Entry) in
            a.gain > b.gain || (a.gain == b.gain && (a.rank, a.item) < (b.rank, b.item))
        }
        var chosen = ChosenPairs(pairs: [])
        var seeded = Set<Int>()
        var perItem = [Int](repeating: 0, count: context.items.count)
        while chosen.pairs.count < context.placeable(count), var top = queue.pop() {
            let user = candidates[top.item][top.rank]
            guard !seeded.contains(user) && perItem[top.item] < context.limits[top.item] else { continue }
            if top.round == perItem[top.item] {
                seeded.insert(user)
                perItem[top.item] += 1
                chosen.pairs.append(SeedPair(user: NodeID(user), itemIndex: top.item))
                for (index, a) in audience.enumerated() {
                    let similarity = vectors.withUnsafeBufferPointer {
                        VectorMath.dot($0.start + a * d, $0.start + user * d, count: d)
                    }
                    covered[top.item][index] = max(covered[top.item][index], similarity)
                }
            } else {
                top.gain = gain(user, top.item)
                top.round = perItem[top.item]
                queue.push(top)
            }
        }
        return chosen
    }
}
