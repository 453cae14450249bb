/// The (arm, replicate) campaigns of one target when some policy seeds over several rounds
/// (`simulation.rounds` or a policy's `rounds`), run with the concrete model type.
///
/// Round 0's seeds are the arm's (chosen once, before anything is observed). Before each
/// later round the cascade of every seed so far runs to its end in the replicate's world, its
/// active users are what the policy observes (``RoundObservation``), and the policy chooses the
/// round's seeds; the last cascade, of all the seeds, is the replicate's outcome. Round `t ≥ 1`
/// of replicate `r` draws from the stream (seeding, `r`, `t`) of a family derived from the
/// arm's seeding stream, so a replicate's choices depend on its own world only. An arm of one
/// round runs its seeds' cascade only, as ``CascadeBatch`` would.
struct AdaptiveBatch: DiffusionModelVisitor {
    let itemIndex: Int
    let replicates: Range<Int>
    let outcomes: [ArmOutcome]
    let plan: ExperimentPlan
    let compiled: CompiledModel
    let embedding: NodeEmbedding?
    let streams: RandomStreams
    let threads: Int
    let progress: ProgressMeter

    /// One replicate of one arm: its cascade after each round (the last is the outcome) and
    /// the seeds of rounds 1 and later.
    struct Campaign: Sendable {
        var arm: Int
        var runs: [RunResult]
        var laterSeeds: [AdaptiveSeed]
    }

    func visit<Model: DiffusionModel>(_ model: Model) -> [Result<Campaign, any Error>] {
        let count = replicates.count
        let context = SeedingContext(
            world: plan.world, item: plan.items[itemIndex], model: compiled, threads: 1, embedding: embedding)
        return Parallel.map(
            count: outcomes.count * count, threads: threads,
            makeWorkspace: {
                (model.makeWorkspace(), CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: false))
            }
        ) { task, workspace in
            let arm = task / count
            let replicate = replicates.lowerBound + task % count
            defer { progress.advance() }
            do {
                return .success(
                    try campaign(
                        arm: arm, replicate: replicate, context: context, model: model, workspace: &workspace.0,
                        recorder: &workspace.1))
            } catch {
                return .failure(error)
            }
        }
    }

    private func campaign<Model: DiffusionModel>(
        arm: Int, replicate: Int, context: SeedingContext, model: Model, workspace: inout Model.Workspace,
        recorder: inout CascadeRecorder
    ) throws -> Campaign {
        let outcome = outcomes[arm]
        let policy = plan.policies[outcome.arm.policy]
        let world = streams.world(replicate: replicate, item: plan.items[itemIndex])
        var armStream = streams.generator(.seeding, outcome.arm.policy, itemIndex)
        let family = RandomStreams(masterSeed: armStream.next() ^ 0x6164_6170_7469_7665)  // "adaptive"
        let rounds = plan.rounds[outcome.arm.policy]
        let split = RoundObservation.split(budget: outcome.arm.budget, rounds: rounds)
        var seeds = outcome.seeds[itemIndex]
        var result = Campaign(arm: arm, runs: [], laterSeeds: [])
        func observe(round: Int) -> [NodeID] {
            recorder.reset()
            model.run(seeds: seeds.sorted(), workspace: &workspace, observer: &recorder, world: world)
            result.runs.append(
                RunResult(
                    arm: arm, replicate: replicate, itemIndex: itemIndex, round: round,
                    statistics: CascadeStatistics(recorder), steps: recorder.steps, events: []))
            return recorder.activatedUsers
        }
        for round in 1..<rounds {
            var active = [Bool](repeating: false, count: plan.world.graph.nodeCount)
            for user in observe(round: round - 1) { active[Int(user)] = true }
            var rng = family.generator(.seeding, replicate, round)
            let next = try policy.selectNextRound(
                count: split[round], in: context,
                after: RoundObservation(
                    active: active, seeds: seeds, budget: outcome.arm.budget, rounds: rounds, round: round),
                using: &rng)
            if let bad = next.first(where: { $0 < 0 || Int($0) >= active.count || active[Int($0)] })
                ?? next.indices.first(where: { next[..<$0].contains(next[$0]) }).map({ next[$0] })
            {
                throw SeedingError(
                    "policy '\(policy.name)' chose user \(bad) in round \(round + 1): not an inactive user of the graph, or twice"
                )
            }
            seeds += next
            result.laterSeeds += next.map { AdaptiveSeed(user: $0, round: round) }
        }
        _ = observe(round: rounds - 1)
        if plan.recordsEvents {
            // The outcome's events: the same cascade, recorded.
            var record = CascadeRecorder(nodeCount: model.nodeCount, recordsEvents: true)
            model.run(seeds: seeds.sorted(), workspace: &workspace, observer: &record, world: world)
            result.runs[result.runs.count - 1].events = record.events
        }
        return result
    }
}

/// A seed chosen in a later round of an adaptive campaign.
public struct AdaptiveSeed: Sendable, Equatable {
    /// The user.
    public var user: NodeID
    /// The round it was chosen in (0-based; round 0's seeds are the arm's own).
    public var round: Int
}
