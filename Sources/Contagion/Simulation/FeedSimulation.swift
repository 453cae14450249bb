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
/// - Complexity: per step O(n + arcs out of sharers + online users · (scoring + m log r));
///   memory 2·n·m bytes of per-(user, item) state.
struct FeedRun {
    let world: World
    let truth: FeedClickModel
    let feed: FeedParameters
    let maximumSteps: Int
    /// The seeded items, in plan order; each gets a recorder.
    let items: [Int]
    let recordsEvents: Bool

    /// What a run produced: one record per seeded item, and every interaction.
    struct Outcome {
        var recorders: [CascadeRecorder]
        var interactions: [Interaction]
    }

    private static let exposedFlag: UInt8 = 1, clickedFlag: UInt8 = 2, purchasedFlag: UInt8 = 4, sharedFlag: UInt8 = 8

    /// Runs the platform from `seeds` (one list per seeded item) with `recommender`.
    ///
    /// - Parameters:
    ///   - rng: the run's draws (online, clicks, purchases, shares).
    ///   - recommenderRNG: the recommender's own draws (fits, random feeds), kept apart so that
    ///     recommenders differ only in what they show, not in the run's other draws.
    func run(
        seeds: [[NodeID]], recommender prototype: any Recommender, context: RecommenderContext,
        rng: inout Xoshiro256StarStar, recommenderRNG: inout Xoshiro256StarStar
    ) -> Outcome {
        let n = world.users.count
        let m = world.catalogue.count
        let graph = world.graph
        var recommender = prototype
        var recorders = items.map { _ in CascadeRecorder(nodeCount: n, recordsEvents: recordsEvents) }
        var recorderOf = [Int](repeating: -1, count: m)
        for (index, item) in items.enumerated() where recorderOf[item] < 0 { recorderOf[item] = index }
        var flags = [UInt8](repeating: 0, count: n * m)
        var exposures = [UInt8](repeating: 0, count: n * m)
        var interactions: [Interaction] = []
        let online = world.users.activity.map { bernoulliThreshold(Double($0)) }
        let fatigue = (0..<64).map { pow(truth.parameters.fatigue, Double($0)) }
        var isOnline = [Bool](repeating: false, count: n)
        var sharers: [(user: NodeID, item: Int32)] = []
        var next: [(user: NodeID, item: Int32)] = []
        var scores = [Float](repeating: 0, count: m)

        func log(_ step: Int, _ user: Int, _ item: Int, _ action: InteractionAction, _ channel: ExposureChannel) {
            interactions.append(
                Interaction(step: Int32(step), user: NodeID(user), item: Int32(item), action: action, channel: channel))
        }

        /// One exposure of `user` to `item` and what follows from it.
        func expose(_ user: Int, _ item: Int, click: Double, source: NodeID, step: Int, channel: ExposureChannel) {
            let index = user * m + item
            let recorder = recorderOf[item]
            let earlier = Int(exposures[index])
            exposures[index] = UInt8(min(earlier + 1, 63))
            if flags[index] & Self.exposedFlag == 0 {
                flags[index] |= Self.exposedFlag
                if recorder >= 0 {
                    recorders[recorder].recordExposure(NodeID(user), source: source, step: step, channel: channel)
                }
            }
            guard rng.bernoulli(threshold: bernoulliThreshold(click * fatigue[earlier])) else { return }
            if flags[index] & Self.clickedFlag == 0 {
                flags[index] |= Self.clickedFlag
                log(step, user, item, .click, channel)
                if recorder >= 0 {
                    recorders[recorder].recordClick(NodeID(user), source: source, step: step, channel: channel)
                }
            }
            if flags[index] & Self.purchasedFlag == 0
                && rng.bernoulli(threshold: bernoulliThreshold(Double(truth.purchase[index])))
            {
                flags[index] |= Self.purchasedFlag
                log(step, user, item, .purchase, channel)
                if recorder >= 0 {
                    recorders[recorder].recordPurchase(
                        NodeID(user), source: source, step: step, price: world.catalogue.prices[item], channel: channel)
                }
            }
            if rng.bernoulli(threshold: bernoulliThreshold(Double(truth.share[index])))
                && flags[index] & Self.sharedFlag == 0
            {
                flags[index] |= Self.sharedFlag
                log(step, user, item, .share, channel)
                next.append((NodeID(user), Int32(item)))
                if recorder >= 0 {
                    recorders[recorder].recordActivation(NodeID(user), source: source, step: step, channel: channel)
                }
            }
        }

        for (index, item) in items.enumerated() {
            for seed in seeds[index] where flags[Int(seed) * m + item] & Self.sharedFlag == 0 {
                flags[Int(seed) * m + item] |= Self.exposedFlag | Self.sharedFlag
                recorders[index].recordExposure(seed, source: -1, step: 0, channel: .seed)
                recorders[index].recordActivation(seed, source: -1, step: 0, channel: .seed)
                sharers.append((seed, Int32(item)))
            }
        }
        for step in 1...max(1, maximumSteps) {
            for user in 0..<n { isOnline[user] = rng.bernoulli(threshold: online[user]) }
            for (user, item) in sharers {
                for arc in graph.offsets[Int(user)]..<graph.offsets[Int(user) + 1] {
                    let follower = Int(graph.targets[arc])
                    guard isOnline[follower], flags[follower * m + Int(item)] & Self.sharedFlag == 0 else { continue }
                    expose(
                        follower, Int(item), click: truth.socialClickProbability(arc: arc, item: Int(item)),
                        source: user,
                        step: step, channel: .social)
                }
            }
            if feed.slots > 0 {
                if (step - 1) % feed.retrainEvery == 0 {
                    let clicks = InteractionMatrix(userCount: n, itemCount: m, interactions: interactions)
                    recommender.fit(clicks, context: context, using: &recommenderRNG)
                }
                for user in 0..<n where isOnline[user] {
                    recommender.score(user: user, into: &scores, using: &recommenderRNG)
                    let feedItems = TopK.indices(of: scores, count: feed.slots) {
                        flags[user * m + $0] & Self.exposedFlag != 0
                    }
                    for item in feedItems {
                        expose(
                            user, item, click: Double(truth.recommendedClick[user * m + item]), source: -1, step: step,
                            channel: .recommendation)
                    }
                }
            }
            var pending = [Int](repeating: 0, count: recorders.count)
            for (_, item) in next where recorderOf[Int(item)] >= 0 { pending[recorderOf[Int(item)]] += 1 }
            for index in recorders.indices { recorders[index].finishedStep(step, infectious: pending[index]) }
            swap(&sharers, &next)
            next.removeAll(keepingCapacity: true)
            if sharers.isEmpty && feed.slots == 0 { break }
        }
        return Outcome(recorders: recorders, interactions: interactions)
    }
}
