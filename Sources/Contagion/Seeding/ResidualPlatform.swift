/// The platform left to seed once a cascade has been observed: the users not yet active, the
/// arcs among them, and the model conditioned on what the observation rules out. An adaptive
/// round chooses its seeds on it (Golovin & Krause 2011's adaptive seeding).
///
/// A finished cascade of a progressive live-edge model shows every active user; every arc
/// from an active to an inactive user was tried and failed. Under the independent cascade the
/// arcs among inactive users are untouched, so the residual model is the same cascade on the
/// induced subgraph. Under the linear threshold an inactive user `v` did not pick any active
/// in-neighbour, so it picks an inactive `u` with probability `b_uv / (1 − Σ_{a active} b_av)`
/// (its threshold is uniform above the active weight): the residual weights. Seeds chosen on
/// the residual platform then spread in the real world exactly as they would on top of the
/// earlier cascade (for these models the final active set of all the seeds is the set
/// reachable from them, in any order of seeding).
struct ResidualPlatform {
    /// Residual user `i` is original user `kept[i]`.
    let kept: [NodeID]
    /// The context on the residual platform: its world, model and embedding.
    let context: SeedingContext

    /// The residual of `context` after the users marked `active`, or `nil` when nobody is
    /// left.
    ///
    /// - Precondition: the model is an independent cascade or a linear threshold (the only
    ///   ones with a residual model; `simulation.rounds` refuses the others).
    init?(_ context: SeedingContext, active: [Bool]) {
        let graph = context.graph
        var position = [Int32](repeating: -1, count: graph.nodeCount)
        var kept: [NodeID] = []
        for node in 0..<graph.nodeCount where !active[node] {
            position[node] = Int32(kept.count)
            kept.append(NodeID(node))
        }
        guard !kept.isEmpty else { return nil }
        // Arcs among the kept users, in the original order: `arcs[j]` is residual arc j's original.
        var offsets = [0]
        var targets: [NodeID] = []
        var arcs: [Int] = []
        for node in kept {
            for arc in graph.offsets[Int(node)]..<graph.offsets[Int(node) + 1]
            where position[Int(graph.targets[arc])] >= 0 {
                targets.append(NodeID(position[Int(graph.targets[arc])]))
                arcs.append(arc)
            }
            offsets.append(targets.count)
        }
        let residual = Graph(
            offsets: offsets, targets: targets, tieStrengths: arcs.map { graph.tieStrengths[$0] },
            isDirected: graph.isDirected, nodeNames: graph.nodeNames.map { names in kept.map { names[Int($0)] } },
            communities: graph.communities.map { labels in kept.map { labels[Int($0)] } })
        let model: CompiledModel
        switch context.model {
        case .uniformCascade(let cascade):
            model = .uniformCascade(
                IndependentCascade(
                    graph: residual, probabilities: cascade.probabilities, maximumSteps: cascade.maximumSteps))
        case .cascade(let cascade):
            model = .cascade(
                IndependentCascade(
                    graph: residual,
                    probabilities: PerArcProbabilities(thresholds: arcs.map { cascade.probabilities.thresholds[$0] }),
                    maximumSteps: cascade.maximumSteps))
        case .linearThreshold(let threshold):
            var activeWeight = [Double](repeating: 0, count: graph.nodeCount)
            for node in 0..<graph.nodeCount where active[node] {
                for arc in graph.offsets[node]..<graph.offsets[node + 1] {
                    activeWeight[Int(graph.targets[arc])] += Double(threshold.weights[arc])
                }
            }
            let weights = arcs.map { arc -> Float in
                let left = 1 - activeWeight[Int(graph.targets[arc])]
                return left > 1e-9 ? Float(Double(threshold.weights[arc]) / left) : 0
            }
            model = .linearThreshold(
                LinearThreshold(graph: residual, weights: weights, maximumSteps: threshold.maximumSteps))
        case .contentAware, .epidemic:
            preconditionFailure("only the independent cascade and the linear threshold have a residual model")
        }
        let users = context.world.users
        let d = users.topicCount
        let world = World(
            graph: residual,
            users: Users(
                count: kept.count, topicCount: d,
                interests: kept.flatMap { users.interests[(Int($0) * d)..<((Int($0) + 1) * d)] },
                activity: kept.map { users.activity[Int($0)] },
                sharePropensity: kept.map { users.sharePropensity[Int($0)] },
                communities: kept.map { users.communities[Int($0)] }, communityCount: users.communityCount),
            catalogue: context.world.catalogue)
        let embedding = context.embedding.map { embedding in
            NodeEmbedding(
                count: kept.count, dimensions: embedding.dimensions,
                vectors: kept.flatMap { embedding.vector(of: Int($0)) })
        }
        self.kept = kept
        self.context = SeedingContext(
            world: world, item: context.item, model: model, threads: context.threads, embedding: embedding,
            progress: context.progress)
    }

    /// Residual users as the original users they are.
    func original(_ seeds: [NodeID]) -> [NodeID] { seeds.map { kept[Int($0)] } }
}
