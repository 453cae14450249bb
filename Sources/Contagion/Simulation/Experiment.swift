import Foundation

/// The seeds one arm's policy chose and how long it took, per target of the plan.
public struct ArmOutcome: Sendable {
    /// The policy's output name.
    public var name: String
    /// The arm.
    public var arm: SeedingArm
    /// The seeds of each target, in the plan's target order (a joint campaign's seeds under
    /// their items' targets; none under the campaign totals).
    public var seeds: [[NodeID]]
    /// Each seed's rank in the arm's choice (0 first), parallel to ``seeds``: its position in
    /// the item's list, or in a joint campaign the position of its pair among all the pairs.
    public var ranks: [[Int]]
    /// Wall-clock seconds spent choosing seeds, per target (`nil` where no choice was made: a
    /// joint campaign's items, whose choice is timed under the campaign total).
    public var selectionSeconds: [Double?]
    /// The policy's marginal-gain estimates per target (``ChosenSeeds/marginalGains``), or `nil`.
    public var marginalGains: [[Double]?]
    /// The policy's certificate per target (``ChosenSeeds/certificate``), or `nil`.
    public var certificates: [SpreadCertificate?]
    /// With `simulation.rounds`: per target and replicate, the seeds of rounds 1 and later
    /// (``seeds`` holds round 0's, shared by every replicate); else empty lists.
    public var laterSeeds: [[[AdaptiveSeed]]]
    /// For a policy that optimises the live-edge form of a model that is not arc-independent,
    /// why that form is an approximation (``LiveEdgeModel/approximation(of:)``); else `nil`.
    public var approximation: String?

    /// An outcome with no seeds yet for `targetCount` targets.
    public init(name: String, arm: SeedingArm, targetCount: Int, approximation: String? = nil) {
        self.name = name
        self.arm = arm
        seeds = Array(repeating: [], count: targetCount)
        ranks = Array(repeating: [], count: targetCount)
        selectionSeconds = Array(repeating: nil, count: targetCount)
        marginalGains = Array(repeating: nil, count: targetCount)
        certificates = Array(repeating: nil, count: targetCount)
        laterSeeds = Array(repeating: [], count: targetCount)
        self.approximation = approximation
    }
}

/// One cascade: (arm, recommender, replicate, item) and what happened.
public struct RunResult: Sendable {
    /// Index into the plan's arms.
    public var arm: Int
    /// Index into the feed's recommenders (0 without a feed).
    public var recommender = 0
    /// Replicate number, `0..<replicates`.
    public var replicate: Int
    /// Index into the plan's items.
    public var itemIndex: Int
    /// With `simulation.rounds`: the round after which the cascade was observed (0-based; the
    /// outcome is the last round's); 0 otherwise.
    public var round = 0
    /// The cascade's statistics.
    public var statistics: CascadeStatistics
    /// New counts per step (entry 0: the seeds).
    public var steps: [StepCounts]
    /// Every event, when the plan records events.
    public var events: [CascadeEvent]
}

/// What an experiment produced.
public struct ExperimentResult: Sendable {
    /// One outcome per arm, in plan order.
    public var arms: [ArmOutcome]
    /// Every run, ordered by arm, then recommender, then item, then replicate (with
    /// `simulation.rounds`, each campaign's outcome: the cascade of all its seeds).
    public var runs: [RunResult]
    /// With `simulation.rounds`, the cascades observed after each round but the last, in the
    /// order of ``runs`` and then by round; empty otherwise.
    public var roundRuns: [RunResult] = []
    /// Replicates per (arm, recommender, item).
    public var replicates: Int
    /// Targets with runs: the plan's targets, a joint campaign's totals included.
    public var itemCount: Int
    /// Recommenders in the loop (1 without a feed).
    public var recommenderCount: Int
    /// Every pair of arms compared (set once the runs are done).
    public var comparisons = ArmComparisons()
    /// With a precision target, whether its criterion was met when the runs stopped (`nil`:
    /// no target).
    public var precisionMet: Bool?
    /// Wall-clock seconds of the cascade phase.
    public var simulationSeconds: Double
    /// The offline evaluations of the recommenders, one per (arm, loop recommender), when planned.
    public var evaluations: [EvaluationResult] = []
}

/// Runs an ``ExperimentPlan``: seeds every arm, then runs all cascades on all cores.
public enum Experiment {
    /// Runs the plan on `threads` threads.
    ///
    /// Replicate `r` of catalogue item `i` runs in the world ``RandomStreams/world(replicate:item:)``
    /// for every arm and every model variant: coupled possible worlds, so differences between
    /// policies are not sampling noise of the cascades. Policy `p` choosing seeds for target
    /// `j` draws from the stream at (seeding, p, j) whatever its budget, so greedy policies
    /// (CELF) give nested seed sets across a budget sweep. With a ``PrecisionTarget`` the
    /// replicates run in batches until it holds or its cap. Results do not depend on `threads`.
    ///
    /// - Parameter progress: told each phase (the embedding, each arm's seed selection, the
    ///   cascades) and its count, from worker threads.
    /// - Throws: ``SeedingError`` from a policy.
    public static func run(
        _ plan: ExperimentPlan, threads: Int, progress: ProgressMeter = .silent
    ) throws -> ExperimentResult {
        let streams = RandomStreams(masterSeed: plan.masterSeed)
        let models = plan.targets.prefix(plan.seededTargetCount).map { target in
            var modelRNG = streams.generator(.model)
            return plan.variants[target.variant].model.compile(
                for: target.item, in: plan.world, maximumSteps: plan.maximumSteps, using: &modelRNG)
        }
        let embedding = plan.embedding.map { settings in
            GraphEmbedding(
                graph: plan.world.graph, walks: settings.walks, skipGram: settings.skipGram,
                seed: plan.masterSeed, threads: threads, progress: progress
            ).embedding
        }
        var outcomes: [ArmOutcome] = []
        for (armIndex, arm) in plan.arms.enumerated() {
            let policy = plan.policies[arm.policy]
            progress.begin(
                "choosing seeds: \(policy.name), k = \(arm.budget) (arm \(armIndex + 1) of \(plan.arms.count))")
            var outcome = ArmOutcome(
                name: policy.name, arm: arm, targetCount: plan.targets.count,
                approximation: policy.optimisesLiveEdgeModel
                    ? models.lazy.compactMap(LiveEdgeModel.approximation).first
                        ?? (plan.feed == nil ? nil : "the feed's exposures are not part of the live-edge form")
                    : nil)
            if let joint = plan.joint {
                for variant in plan.variants.indices {
                    try chooseJointly(
                        for: &outcome, variant: variant, joint: joint, plan: plan, models: models,
                        embedding: embedding, streams: streams, threads: threads, progress: progress)
                }
            } else {
                for itemIndex in models.indices {
                    var rng = streams.generator(.seeding, arm.policy, itemIndex)
                    let context = SeedingContext(
                        world: plan.world, item: plan.items[itemIndex], model: models[itemIndex], threads: threads,
                        embedding: embedding, progress: progress)
                    let selection = try policy.timedSelection(
                        count: arm.budget, rounds: plan.rounds[arm.policy], in: context, using: &rng)
                    outcome.seeds[itemIndex] = selection.seeds
                    outcome.ranks[itemIndex] = Array(selection.seeds.indices)
                    outcome.selectionSeconds[itemIndex] = selection.seconds
                    outcome.marginalGains[itemIndex] = selection.marginalGains
                    outcome.certificates[itemIndex] = selection.certificate
                }
            }
            outcomes.append(outcome)
        }
        let start = DispatchTime.now()
        if let feed = plan.feed {
            var result = FeedExperiment(
                plan: plan, feed: feed, outcomes: outcomes, embedding: embedding, streams: streams
            )
            .run(threads: threads, progress: progress)
            result.addCampaignTotals(plan: plan, replicates: 0..<result.replicates)
            result.simulationSeconds = seconds(since: start)
            result.comparisons = ArmComparisons(result, plan: plan)
            return result
        }
        let maximum = plan.precision?.maximumReplicates ?? plan.replicates
        progress.begin(
            "simulating cascades", unit: plan.precision == nil ? "runs" : "runs (at most)",
            total: plan.arms.count * models.count * maximum)
        var result = ExperimentResult(
            arms: outcomes, runs: [], replicates: 0, itemCount: plan.targets.count, recommenderCount: 1,
            simulationSeconds: 0)
        // One batch without a precision target; batches until it is met (or the cap) with one.
        repeat {
            let next = min(result.replicates + plan.replicates, maximum)
            for (itemIndex, model) in models.enumerated() {
                guard plan.isAdaptive else {
                    result.runs += model.visit(
                        CascadeBatch(
                            itemIndex: itemIndex, replicates: result.replicates..<next, outcomes: outcomes, plan: plan,
                            streams: streams, threads: threads, progress: progress))
                    continue
                }
                let campaigns = model.visit(
                    AdaptiveBatch(
                        itemIndex: itemIndex, replicates: result.replicates..<next, outcomes: outcomes, plan: plan,
                        compiled: model, embedding: embedding, streams: streams, threads: threads, progress: progress))
                for outcome in campaigns {
                    let campaign = try outcome.get()
                    result.runs += campaign.runs.suffix(1)
                    result.roundRuns += campaign.runs.dropLast()
                    result.arms[campaign.arm].laterSeeds[itemIndex].append(campaign.laterSeeds)
                }
            }
            result.addCampaignTotals(plan: plan, replicates: result.replicates..<next)
            result.runs.sort { ($0.arm, $0.itemIndex, $0.replicate) < ($1.arm, $1.itemIndex, $1.replicate) }
            result.replicates = next
            result.precisionMet = plan.precision?.isMet(by: result, plan: plan)
        } while result.precisionMet == false && result.replicates < maximum
        result.roundRuns.sort {
            ($0.arm, $0.itemIndex, $0.replicate, $0.round) < ($1.arm, $1.itemIndex, $1.replicate, $1.round)
        }
        result.simulationSeconds = seconds(since: start)
        result.comparisons = ArmComparisons(result, plan: plan)
        return result
    }

    /// Chooses an arm's (user, item) pairs over `variant`'s offered items and files each seed
    /// under its item's target, with its rank in the arm's choice; the time goes to the
    /// variant's campaign target. Policy `p` draws from the stream at (seeding, p, campaign
    /// target), whatever its budget.
    ///
    /// - Throws: ``SeedingError`` from the policy, or when its pairs break the campaign's rules.
    private static func chooseJointly(
        for outcome: inout ArmOutcome, variant: Int, joint: JointCampaign, plan: ExperimentPlan,
        models: [CompiledModel], embedding: NodeEmbedding?, streams: RandomStreams, threads: Int,
        progress: ProgressMeter
    ) throws {
        let members = plan.seededTargets(ofVariant: variant)
        guard
            let campaign = plan.targets.indices.first(where: {
                plan.targets[$0].variant == variant && plan.targets[$0].isCampaign
            })
        else { preconditionFailure("a joint plan has a campaign target per variant") }
        let policy = plan.policies[outcome.arm.policy]
        let context = JointSeedingContext(
            world: plan.world, items: members.map { plan.targets[$0].item }, models: members.map { models[$0] },
            limits: joint.limits, threads: threads, embedding: embedding, progress: progress)
        var rng = streams.generator(.seeding, outcome.arm.policy, campaign)
        let start = DispatchTime.now()
        let chosen = try joint.rules[outcome.arm.policy].choose(
            with: policy, count: outcome.arm.budget, in: context, using: &rng)
        outcome.selectionSeconds[campaign] = seconds(since: start)
        let n = plan.world.graph.nodeCount
        if let bad = chosen.pairs.first(where: {
            $0.user < 0 || Int($0.user) >= n || !members.indices.contains($0.itemIndex)
        }) {
            throw SeedingError(
                "policy '\(policy.name)' chose user \(bad.user) with item position \(bad.itemIndex), not a user of the graph's \(n) or an offered item"
            )
        }
        guard context.allows(chosen.pairs) else {
            throw SeedingError("policy '\(policy.name)' gave a user two items or an item more seeds than its limit")
        }
        precondition(chosen.marginalGains.map { $0.count == chosen.pairs.count } ?? true, "one gain per pair")
        for (rank, pair) in chosen.pairs.enumerated() {
            let target = members[pair.itemIndex]
            outcome.seeds[target].append(pair.user)
            outcome.ranks[target].append(rank)
            if let gains = chosen.marginalGains {
                outcome.marginalGains[target] = (outcome.marginalGains[target] ?? []) + [gains[rank]]
            }
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
