import Foundation

/// The recommender in the loop: how many feed slots each online user gets per step and how
/// often the recommender relearns from the clicks so far.
public struct FeedParameters: Sendable, Equatable {
    /// Items the recommender puts in each online user's feed per step (`r`).
    public var slots = 2
    /// The recommender is refitted at steps 1, 1 + e, 1 + 2e, … on every click before the step.
    public var retrainEvery = 5

    /// The documented defaults: 2 slots, retrained every 5 steps.
    public init() {}
}

/// Receives every interaction of a ``FeedRun`` as it happens, in the run's order.
protocol InteractionLog {
    /// Takes one interaction.
    mutating func record(_ interaction: Interaction)
    /// Called after the last interaction of `step`.
    mutating func finishedStep(_ step: Int)
}

/// One run of the platform with the recommender in the loop: every catalogue item circulates
/// at once, through the seeds, the social graph and the feed.
///
/// Step 0: every seed of a seeded item shares it. Each later step `t`:
/// 1. every user is online with probability `a_u`, drawn once per (user, step);
/// 2. social: every (user, item) that shared at `t − 1` exposes each online follower `v`
///    who has not shared the item; `v` clicks with the model's social click probability times
///    `γ^e` after `e` earlier exposures to the item (any channel);
/// 3. feed: every online user gets the recommender's `r` best items that they have not seen
///    yet (through any channel); each is an exposure with click probability `p_rec(u, i)`.
/// A click leads to a purchase (once per user and item) with `p_buy` and, independently, to a
/// share with `p_share`; a sharer exposes their followers at `t + 1`. A share that follows a
/// recommendation starts a new cascade tree. The recommender is refitted on all clicks so far
/// at steps 1, 1 + e, …; the run lasts ``FeedRun/maximumSteps`` steps.
///
/// Per-(user, item) state is a ``PairTable`` of the pairs that met, so memory follows the
/// interactions, not n × m. Between refits a recommender's scores are fixed, so each user's
/// ranking is computed once per refit (the best unseen items, a few more than the feed can
/// show before the next refit) and the feed walks it, skipping what the user has seen since:
/// the same feed as ranking every item every step.
///
/// - Complexity: per step O(n + arcs out of sharers + feed exposures); per refit and user
///   (when they come online) one scoring of the catalogue and O(m log L); memory
///   O(n·(L + 1) + pairs met), L = r·e + 8.
struct FeedRun {
    let world: World
    let truth: FeedClickModel
    let feed: FeedParameters
    let maximumSteps: Int
    /// The seeded items, in plan order.
    let items: [Int]
    /// Whether each seeded item gets a ``CascadeRecorder`` (n·12 bytes each).
    var recordsCascades = true
    let recordsEvents: Bool

    /// What a run produced: one record per seeded item, and every interaction but impressions.
    struct Outcome {
        var recorders: [CascadeRecorder]
        var interactions: [Interaction]
    }

    /// Keeps every interaction but impressions.
    private struct Collector: InteractionLog {
        var interactions: [Interaction] = []
        mutating func record(_ interaction: Interaction) {
            if interaction.action != .impression { interactions.append(interaction) }
        }
        mutating func finishedStep(_ step: Int) {}
    }

    private static let exposedFlag: UInt16 = 1, clickedFlag: UInt16 = 2, purchasedFlag: UInt16 = 4
    private static let sharedFlag: UInt16 = 8, exposureUnit: UInt16 = 256, maximumExposures = 63

    /// Runs the platform from `seeds` (one list per seeded item) with `recommender`.
    ///
    /// - Parameters:
    ///   - rng: the run's draws (online, clicks, purchases, shares).
    ///   - recommenderRNG: the recommender's own draws (fits, random feeds), kept apart so that
    ///     recommenders differ only in what they show, not in the run's other draws.
    func run(
        seeds: [[NodeID]], recommender: any Recommender, context: RecommenderContext,
        rng: inout Xoshiro256StarStar, recommenderRNG: inout Xoshiro256StarStar
    ) -> Outcome {
        var collector = Collector()
        let recorders = run(
            seeds: seeds, recommender: recommender, context: context, rng: &rng, recommenderRNG: &recommenderRNG,
            log: &collector)
        return Outcome(recorders: recorders, interactions: collector.interactions)
    }

    /// Runs the platform, handing every interaction (impressions included) to `log`; returns
    /// the seeded items' recorders (none unless ``recordsCascades``).
    func run<Log: InteractionLog>(
        seeds: [[NodeID]], recommender prototype: any Recommender, context: RecommenderContext,
        rng: inout Xoshiro256StarStar, recommenderRNG: inout Xoshiro256StarStar, log: inout Log
    ) -> [CascadeRecorder] {
        let n = world.users.count
        let m = world.catalogue.count
        let graph = world.graph
        var recommender = prototype
        var recorders =
            recordsCascades ? items.map { _ in CascadeRecorder(nodeCount: n, recordsEvents: recordsEvents) } : []
        var recorderOf = [Int](repeating: -1, count: m)
        if recordsCascades {
            for (index, item) in items.enumerated() where recorderOf[item] < 0 { recorderOf[item] = index }
        }
        var pairs = PairTable(columns: m, capacity: 4 * n)
        var clicks: [(user: NodeID, item: Int32)] = []
        let online = world.users.activity.map { bernoulliThreshold(Double($0)) }
        let fatigue = (0...Self.maximumExposures).map { pow(truth.parameters.fatigue, Double($0)) }
        var isOnline = [Bool](repeating: false, count: n)
        var sharers: [(user: NodeID, item: Int32)] = []
        var next: [(user: NodeID, item: Int32)] = []
        var ranking = FeedRanking(userCount: n, itemCount: m, length: feed.slots * feed.retrainEvery + 8)

        func record(
            _ step: Int, _ user: Int, _ item: Int, _ action: InteractionAction, _ channel: ExposureChannel,
            _ source: NodeID
        ) {
            log.record(
                Interaction(
                    step: Int32(step), user: NodeID(user), item: Int32(item), action: action, channel: channel,
                    source: source))
        }

        /// One exposure of `user` to `item` and what follows from it.
        func expose(_ user: Int, _ item: Int, click: Double, source: NodeID, step: Int, channel: ExposureChannel) {
            var state = pairs.state(user, item)
            let earlier = Int(state >> 8)
            let recorder = recorderOf[item]
            record(step, user, item, .impression, channel, source)
            if state & Self.exposedFlag == 0 {
                state |= Self.exposedFlag
                ranking.markSeen(user)
                if recorder >= 0 {
                    recorders[recorder].recordExposure(NodeID(user), source: source, step: step, channel: channel)
                }
            }
            if earlier < Self.maximumExposures { state += Self.exposureUnit }
            defer { pairs.setState(user, item, state) }
            guard rng.bernoulli(threshold: bernoulliThreshold(click * fatigue[earlier])) else { return }
            if state & Self.clickedFlag == 0 {
                state |= Self.clickedFlag
                clicks.append((NodeID(user), Int32(item)))
                record(step, user, item, .click, channel, source)
                if recorder >= 0 {
                    recorders[recorder].recordClick(NodeID(user), source: source, step: step, channel: channel)
                }
            }
            if state & Self.purchasedFlag == 0
                && rng.bernoulli(threshold: bernoulliThreshold(truth.purchaseProbability(user: user, item: item)))
            {
                state |= Self.purchasedFlag
                record(step, user, item, .purchase, channel, source)
                if recorder >= 0 {
                    recorders[recorder].recordPurchase(
                        NodeID(user), source: source, step: step, price: world.catalogue.prices[item], channel: channel)
                }
            }
            if rng.bernoulli(threshold: bernoulliThreshold(truth.shareProbability(user: user, item: item)))
                && state & Self.sharedFlag == 0
            {
                state |= Self.sharedFlag
                record(step, user, item, .share, channel, source)
                next.append((NodeID(user), Int32(item)))
                if recorder >= 0 {
                    recorders[recorder].recordActivation(NodeID(user), source: source, step: step, channel: channel)
                }
            }
        }

        for (index, item) in items.enumerated() {
            for seed in seeds[index] where pairs.state(Int(seed), item) & Self.sharedFlag == 0 {
                if pairs.state(Int(seed), item) & Self.exposedFlag == 0 { ranking.markSeen(Int(seed)) }
                pairs.setState(Int(seed), item, Self.exposedFlag | Self.sharedFlag)
                record(0, Int(seed), item, .share, .seed, -1)
                if recordsCascades {
                    recorders[index].recordExposure(seed, source: -1, step: 0, channel: .seed)
                    recorders[index].recordActivation(seed, source: -1, step: 0, channel: .seed)
                }
                sharers.append((seed, Int32(item)))
            }
        }
        log.finishedStep(0)
        for step in 1...max(1, maximumSteps) {
            for user in 0..<n { isOnline[user] = rng.bernoulli(threshold: online[user]) }
            for (user, item) in sharers {
                for arc in graph.offsets[Int(user)]..<graph.offsets[Int(user) + 1] {
                    let follower = Int(graph.targets[arc])
                    guard isOnline[follower], pairs.state(follower, Int(item)) & Self.sharedFlag == 0 else { continue }
                    expose(
                        follower, Int(item), click: truth.socialClickProbability(arc: arc, item: Int(item)),
                        source: user, step: step, channel: .social)
                }
            }
            if feed.slots > 0 {
                if (step - 1) % feed.retrainEvery == 0 {
                    recommender.fit(
                        InteractionMatrix(userCount: n, itemCount: m, pairs: clicks), context: context,
                        using: &recommenderRNG)
                    ranking.invalidate()
                }
                for user in 0..<n where isOnline[user] {
                    let feedItems = ranking.next(feed.slots, for: user, using: &recommenderRNG) {
                        pairs.state(user, $0) & Self.exposedFlag != 0
                    } score: {
                        recommender.score(user: user, into: &$0, using: &$1)
                    }
                    for item in feedItems {
                        expose(
                            user, item, click: truth.recommendedClickProbability(user: user, item: item), source: -1,
                            step: step, channel: .recommendation)
                    }
                }
            }
            if recordsCascades {
                var pending = [Int](repeating: 0, count: recorders.count)
                for (_, item) in next where recorderOf[Int(item)] >= 0 { pending[recorderOf[Int(item)]] += 1 }
                for index in recorders.indices { recorders[index].finishedStep(step, infectious: pending[index]) }
            }
            log.finishedStep(step)
            swap(&sharers, &next)
            next.removeAll(keepingCapacity: true)
            if sharers.isEmpty && feed.slots == 0 { break }
        }
        return recorders
    }
}
