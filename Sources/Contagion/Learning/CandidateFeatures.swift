import Foundation

/// The state features of candidate (user, item) seeding actions, kept current as users adopt.
///
/// Every feature is scale-free (logarithms of counts and expected counts, shares, affinities),
/// so that a policy trained on small graphs reads a large graph's features on the same scale.
/// With `p_i(u, v)` the live probability of arc `u → v` for item `i`:
///
/// | # | feature |
/// |---|---|
/// | 0, 1 | `log(1 + out-degree)`, `log(1 + in-degree)` |
/// | 2 | `log(1 + m_i(u))`, `m_i(u) = Σ_v p_i(u, v)`: expected friends reached in one hop |
/// | 3 | `log(1 + m′_i(u))`, `m′_i(u) = Σ_v p_i(u, v)·(1 − q_i(v))`: the same over friends not yet reached (residual) |
/// | 4 | `log(1 + Σ_v p_i(u, v)·(1 + m_i(v)))`: a two-hop reach estimate |
/// | 5 | `log(n·PageRank(u))` (influence direction), clamped at −5 |
/// | 6 | `Σ_v q_i(v) / out-degree`: the share of out-neighbours already reached |
/// | 7 | affinity `c(u, i)` |
/// | 8 | the friends' affinity to `i`, weighted by `p_i(u, v)` |
/// | 9 | mean over out-neighbours of feature 3 (one-hop aggregation of the residual) |
/// | 10 | mean over out-neighbours of feature 4 (aggregation: about three hops of reach) |
/// | 11 | largest embedding cosine to a seed chosen so far (0 without an embedding or seeds) |
/// | 12 | `q_i(u)`: the chance the user is already reached |
/// | 13, 14 | budget left and rounds left, as shares |
///
/// `q_i(v)` is the probability that `v` is already reached for item `i`: 1 for seeds and for
/// users seen adopting, and `1 − Π (1 − p_i(s, v))` over the seeds `s` among `v`'s friends
/// (the one-hop discount of Chen et al. 2009's degree discount, generalised to arc
/// probabilities). Residual quantities are updated per change of `q` in O(in-degree);
/// aggregates are computed for the candidates asked, O(out-degree) each. Candidates are the top
/// `M` users by `max_i (1 − q_i(u))·(1 + m′_i(u))`, found by a lazy max-heap (the score only
/// falls), so a step costs O(M log n + Σ candidate degrees), not O(n).
public struct CandidateFeatures: Sendable {
    /// The features' names, in vector order (written into policy files).
    public static let names = [
        "log_out_degree", "log_in_degree", "log_mass", "log_residual_mass", "log_two_hop_reach", "log_pagerank",
        "reached_neighbour_share", "affinity", "neighbour_affinity", "neighbour_residual_mass",
        "neighbour_two_hop_reach", "embedding_similarity_to_seeds", "reached", "budget_left", "rounds_left",
    ]
    /// Features per action.
    public static var count: Int { names.count }

    private let graph: Graph
    private let reverse: ReverseGraph
    /// The items a seed can be given, in action order.
    public let items: [Int]
    private let probabilities: [[Double]]
    private let staticFeatures: [[Double]]  // per item: n × 7 (features 0, 1, 2, 4, 5, 7, 8)
    private let reach: [[Double]]
    private var residualMass: [[Double]]
    private var reachedNeighbours: [[Double]]
    private var reached: [[Double]]
    private var isSeed: [Bool]
    private var seeds: [Int] = []
    private let embedding: NodeEmbedding?
    private var queue: PriorityQueue<(score: Double, user: Int32)>
    private let initialResidualMass: [[Double]]
    private let initialQueue: PriorityQueue<(score: Double, user: Int32)>

    /// Features for seeding `items` on `world`, with each item's arc probabilities
    /// (`probabilities[j]` for `items[j]`, in forward-arc order).
    public init(world: World, items: [Int], probabilities: [[Double]], embedding: NodeEmbedding?) {
        precondition(items.count == probabilities.count && !items.isEmpty)
        let graph = world.graph
        let n = graph.nodeCount
        let reverse = ReverseGraph(graph)
        let pageRank = PageRankSeeds(maximumIterations: 50).scores(graph)
        let inDegrees = graph.inDegrees()
        var staticFeatures: [[Double]] = []
        var reach: [[Double]] = []
        for (index, item) in items.enumerated() {
            let p = probabilities[index]
            let affinity = world.affinities(to: item, measure: .cosine)
            var mass = [Double](repeating: 0, count: n)
            for u in 0..<n { for arc in graph.offsets[u]..<graph.offsets[u + 1] { mass[u] += p[arc] } }
            var table = [Double](repeating: 0, count: n * 7)
            var twoHop = [Double](repeating: 0, count: n)
            for u in 0..<n {
                var weightedAffinity = 0.0
                for arc in graph.offsets[u]..<graph.offsets[u + 1] {
                    let v = Int(graph.targets[arc])
                    twoHop[u] += p[arc] * (1 + mass[v])
                    weightedAffinity += p[arc] * Double(affinity[v])
                }
                let row = u * 7
                table[row] = log1p(Double(graph.offsets[u + 1] - graph.offsets[u]))
                table[row + 1] = log1p(Double(inDegrees[u]))
                table[row + 2] = log1p(mass[u])
                table[row + 3] = log1p(twoHop[u])
                table[row + 4] = max(-5, log(Double(n) * pageRank[u]))
                table[row + 5] = Double(affinity[u])
                table[row + 6] = mass[u] > 0 ? weightedAffinity / mass[u] : 0
            }
            staticFeatures.append(table)
            reach.append(twoHop)
        }
        self.graph = graph
        self.reverse = reverse
        self.items = items
        self.probabilities = probabilities
        self.staticFeatures = staticFeatures
        self.reach = reach
        residualMass = (0..<items.count).map { index in
            (0..<n).map { u in (graph.offsets[u]..<graph.offsets[u + 1]).reduce(0) { $0 + probabilities[index][$1] } }
        }
        reachedNeighbours = items.map { _ in [Double](repeating: 0, count: n) }
        reached = items.map { _ in [Double](repeating: 0, count: n) }
        isSeed = [Bool](repeating: false, count: n)
        self.embedding = embedding?.normalised()
        let masses = residualMass
        queue = PriorityQueue((0..<n).map { u in (1 + masses.reduce(-.infinity) { max($0, $1[u]) }, Int32(u)) }) {
            $0.score > $1.score || ($0.score == $1.score && $0.user < $1.user)
        }
        initialResidualMass = masses
        initialQueue = queue
    }

    /// Back to the start of an episode: nobody reached, no seeds.
    public mutating func reset() {
        let n = graph.nodeCount
        residualMass = initialResidualMass
        reachedNeighbours = items.map { _ in [Double](repeating: 0, count: n) }
        reached = items.map { _ in [Double](repeating: 0, count: n) }
        isSeed = [Bool](repeating: false, count: n)
        seeds = []
        queue = initialQueue
    }

    /// Records that `user` is reached for the item at position `itemIndex` with probability
    /// `probability` (independently of what reached them before): 1 for a user seen adopting.
    public mutating func markReached(_ user: Int, itemIndex: Int, probability: Double) {
        let before = reached[itemIndex][user]
        let after = 1 - (1 - before) * (1 - min(1, probability))
        let change = after - before
        guard change > 0 else { return }
        reached[itemIndex][user] = after
        for inArc in reverse.offsets[user]..<reverse.offsets[user + 1] {
            let friend = Int(reverse.sources[inArc])
            residualMass[itemIndex][friend] -= probabilities[itemIndex][Int(reverse.arcs[inArc])] * change
            reachedNeighbours[itemIndex][friend] += change
        }
    }

    /// Records that `user` was chosen as a seed of the item at `itemIndex`: they are reached,
    /// each friend `v` with probability `p_i(user, v)`, and they leave the candidates.
    public mutating func markSeed(_ user: Int, itemIndex: Int) {
        isSeed[user] = true
        seeds.append(user)
        markReached(user, itemIndex: itemIndex, probability: 1)
        for arc in graph.offsets[user]..<graph.offsets[user + 1] {
            markReached(Int(graph.targets[arc]), itemIndex: itemIndex, probability: probabilities[itemIndex][arc])
        }
    }

    /// The chance that `user` is already reached for the item at `itemIndex`.
    public func reachedProbability(_ user: Int, itemIndex: Int) -> Double { reached[itemIndex][user] }

    private func candidateScore(_ user: Int) -> Double {
        var best = -Double.infinity
        for index in items.indices {
            let unreached: Double = 1 - reached[index][user]
            best = max(best, unreached * (1 + max(0, residualMass[index][user])))
        }
        return best
    }

    /// The `count` non-seed users with the best candidate score, best first (ties by user id).
    public mutating func candidates(_ count: Int) -> [Int] {
        var chosen: [(score: Double, user: Int32)] = []
        while chosen.count < count, let top = queue.pop() {
            let user = Int(top.user)
            if isSeed[user] { continue }
            let current = candidateScore(user)
            if current < top.score - 1e-12 {
                queue.push((current, top.user))
            } else {
                chosen.append(top)
            }
        }
        for entry in chosen { queue.push(entry) }
        return chosen.map { Int($0.user) }
    }

    /// The actions of the top `count` candidates with every item, and their features.
    public mutating func observe(candidates count: Int, budgetLeft: Double, roundsLeft: Double)
        -> SeedingEnvironment.Observation
    {
        let users = candidates(count)
        var actions: [SeedingEnvironment.Action] = []
        var vectors: [Double] = []
        vectors.reserveCapacity(users.count * items.count * Self.count)
        for user in users {
            for itemIndex in items.indices {
                actions.append(.init(user: NodeID(user), itemIndex: itemIndex))
                append(user: user, itemIndex: itemIndex, budgetLeft: budgetLeft, roundsLeft: roundsLeft, to: &vectors)
            }
        }
        return .init(actions: actions, features: vectors)
    }

    /// The feature vector of seeding `user` with the item at `itemIndex`, appended to `vector`.
    public func append(
        user: Int, itemIndex: Int, budgetLeft: Double, roundsLeft: Double, to vector: inout [Double]
    ) {
        let table = staticFeatures[itemIndex]
        let row = user * 7
        let degree = graph.offsets[user + 1] - graph.offsets[user]
        var neighbourResidual = 0.0
        var neighbourReach = 0.0
        for arc in graph.offsets[user]..<graph.offsets[user + 1] {
            let v = Int(graph.targets[arc])
            neighbourResidual += log1p(max(0, residualMass[itemIndex][v]))
            neighbourReach += log1p(reach[itemIndex][v])
        }
        let similarity = embedding.map { embedding in
            seeds.map { Double(VectorMath.cosine(embedding.vector(of: user), embedding.vector(of: $0))) }.max() ?? 0
        }
        vector += [
            table[row], table[row + 1], table[row + 2], log1p(max(0, residualMass[itemIndex][user])),
            table[row + 3], table[row + 4],
            degree > 0 ? reachedNeighbours[itemIndex][user] / Double(degree) : 0,
            table[row + 5], table[row + 6],
            degree > 0 ? neighbourResidual / Double(degree) : 0, degree > 0 ? neighbourReach / Double(degree) : 0,
            similarity ?? 0, reached[itemIndex][user], budgetLeft, roundsLeft,
        ]
    }
}
