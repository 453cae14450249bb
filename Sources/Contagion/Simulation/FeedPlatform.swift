import Foundation

/// The state of one ``FeedRun`` and its steps: launching the seeds, the online draw, social
/// exposures, the feed, and what every exposure leads to. Every draw but the recommender's is
/// a draw of the run's ``PossibleWorld`` keyed by what it concerns: online per (user, step);
/// click, purchase and share per (step, item, user, earlier exposures of the pair).
struct FeedPlatform {
    private static let exposedFlag: UInt16 = 1, clickedFlag: UInt16 = 2, purchasedFlag: UInt16 = 4
    private static let sharedFlag: UInt16 = 8, exposureUnit: UInt16 = 256, maximumExposures = 63

    private let run: FeedRun
    private var recommender: any Recommender
    /// One recorder per seeded item (none unless the run records cascades).
    private(set) var recorders: [CascadeRecorder]
    /// The recorder of each catalogue item, or −1.
    private var recorderOf: [Int]
    /// Per (user, item) that met: exposures so far and the exposed/clicked/purchased/shared flags.
    private var pairs: PairTable
    /// Every (user, item) click so far, what the recommender learns from.
    private var clicks: [(user: NodeID, item: Int32)] = []
    private let online: [UInt32]
    private let fatigue: [Double]
    private var isOnline: [Bool]
    /// Who shared what in the last step, and in this one.
    private var sharers: [(user: NodeID, item: Int32)] = []
    private var next: [(user: NodeID, item: Int32)] = []
    private var ranking: FeedRanking

    init(run: FeedRun, recommender: any Recommender) {
        let n = run.world.users.count
        let m = run.world.catalogue.count
        self.run = run
        self.recommender = recommender
        recorders =
            run.recordsCascades
            ? run.items.map { _ in CascadeRecorder(nodeCount: n, recordsEvents: run.recordsEvents) } : []
        recorderOf = [Int](repeating: -1, count: m)
        if run.recordsCascades {
            for (index, item) in run.items.enumerated() where recorderOf[item] < 0 { recorderOf[item] = index }
        }
        pairs = PairTable(columns: m, capacity: 4 * n)
        online = run.world.users.activity.map { bernoulliThreshold(Double($0)) }
        fatigue = (0...Self.maximumExposures).map { pow(run.truth.parameters.fatigue, Double($0)) }
        isOnline = [Bool](repeating: false, count: n)
        ranking = FeedRanking(userCount: n, itemCount: m, length: run.feed.slots * run.feed.retrainEvery + 8)
    }

    /// Whether nothing can happen any more: no sharers and no feed.
    var isQuiet: Bool { sharers.isEmpty && run.feed.slots == 0 }

    /// Step 0: every seed of a seeded item shares it, in ascending id order whatever the order
    /// given (so the run depends on the seed sets only).
    mutating func launch<Log: InteractionLog>(_ seeds: [[NodeID]], log: inout Log) {
        for (index, item) in run.items.enumerated() {
            for seed in seeds[index].sorted() where pairs.state(Int(seed), item) & Self.sharedFlag == 0 {
                if pairs.state(Int(seed), item) & Self.exposedFlag == 0 { ranking.markSeen(Int(seed)) }
                pairs.setState(Int(seed), item, Self.exposedFlag | Self.sharedFlag)
                Self.record(0, Int(seed), item, .share, .seed, -1, in: &log)
                if run.recordsCascades {
                    recorders[index].recordExposure(seed, source: -1, step: 0, channel: .seed)
                    recorders[index].recordActivation(seed, source: -1, step: 0, channel: .seed)
                }
                sharers.append((seed, Int32(item)))
            }
        }
    }

    /// Every user is online with probability `a_u` in this step.
    mutating func drawOnline(step: Int, in world: PossibleWorld) {
        let draws = world.aspect(.online).subworld(step)
        for user in isOnline.indices { isOnline[user] = draws.bernoulli(user, threshold: online[user]) }
    }

    /// Every (user, item) shared in the last step exposes each online follower who has not shared it.
    mutating func spreadSocially<Log: InteractionLog>(step: Int, draws: StepDraws, log: inout Log) {
        let graph = run.world.graph
        for (user, item) in sharers {
            for arc in graph.offsets[Int(user)]..<graph.offsets[Int(user) + 1] {
                let follower = Int(graph.targets[arc])
                guard isOnline[follower], pairs.state(follower, Int(item)) & Self.sharedFlag == 0 else { continue }
                expose(
                    follower, Int(item), click: run.truth.socialClickProbability(arc: arc, item: Int(item)),
                    source: user, step: step, channel: .social, draws: draws, log: &log)
            }
        }
    }

    /// Refits the recommender when due, then shows every online user its best unseen items.
    mutating func serveFeeds<Log: InteractionLog>(
        step: Int, context: RecommenderContext, draws: StepDraws, recommenderRNG: inout Xoshiro256StarStar,
        log: inout Log
    ) {
        let (n, m) = (run.world.users.count, run.world.catalogue.count)
        if (step - 1) % run.feed.retrainEvery == 0 {
            recommender.fit(
                InteractionMatrix(userCount: n, itemCount: m, pairs: clicks), context: context, using: &recommenderRNG)
            ranking.invalidate()
        }
        for user in 0..<n where isOnline[user] {
            let feedItems: [Int]
            do {
                // Read-only views for the ranking's closures (the ranking itself is mutated);
                // they end with this scope, before any exposure writes to the pairs, so no
                // copy-on-write is triggered.
                let pairs = self.pairs
                let recommender = self.recommender
                feedItems = ranking.next(run.feed.slots, for: user, using: &recommenderRNG) {
                    pairs.state(user, $0) & Self.exposedFlag != 0
                } score: {
                    recommender.score(user: user, into: &$0, using: &$1)
                }
            }
            for item in feedItems {
                expose(
                    user, item, click: run.truth.recommendedClickProbability(user: user, item: item), source: -1,
                    step: step, channel: .recommendation, draws: draws, log: &log)
            }
        }
    }

    /// Closes the step: the recorders learn how many can still spread; this step's sharers
    /// become the next step's.
    mutating func finishStep(_ step: Int) {
        if run.recordsCascades {
            var pending = [Int](repeating: 0, count: recorders.count)
            for (_, item) in next where recorderOf[Int(item)] >= 0 { pending[recorderOf[Int(item)]] += 1 }
            for index in recorders.indices { recorders[index].finishedStep(step, infectious: pending[index]) }
        }
        swap(&sharers, &next)
        next.removeAll(keepingCapacity: true)
    }

    /// One exposure of `user` to `item` and what follows from it: a click with `click` times
    /// the fatigue factor, then a purchase (once) and a share (once), each with the model's probability.
    private mutating func expose<Log: InteractionLog>(
        _ user: Int, _ item: Int, click: Double, source: NodeID, step: Int, channel: ExposureChannel,
        draws: StepDraws, log: inout Log
    ) {
        var state = pairs.state(user, item)
        let earlier = Int(state >> 8)
        let exposure = draws.exposure(user: user, item: item, earlier: earlier)
        let recorder = recorderOf[item]
        Self.record(step, user, item, .impression, channel, source, in: &log)
        if state & Self.exposedFlag == 0 {
            state |= Self.exposedFlag
            ranking.markSeen(user)
            if recorder >= 0 {
                recorders[recorder].recordExposure(NodeID(user), source: source, step: step, channel: channel)
            }
        }
        if earlier < Self.maximumExposures { state += Self.exposureUnit }
        defer { pairs.setState(user, item, state) }
        guard draws.click.bernoulli(exposure, threshold: bernoulliThreshold(click * fatigue[earlier])) else { return }
        if state & Self.clickedFlag == 0 {
            state |= Self.clickedFlag
            clicks.append((NodeID(user), Int32(item)))
            Self.record(step, user, item, .click, channel, source, in: &log)
            if recorder >= 0 {
                recorders[recorder].recordClick(NodeID(user), source: source, step: step, channel: channel)
            }
        }
        if state & Self.purchasedFlag == 0
            && draws.purchase.bernoulli(
                exposure, threshold: bernoulliThreshold(run.truth.purchaseProbability(user: user, item: item)))
        {
            state |= Self.purchasedFlag
            Self.record(step, user, item, .purchase, channel, source, in: &log)
            if recorder >= 0 {
                recorders[recorder].recordPurchase(
                    NodeID(user), source: source, step: step, price: run.world.catalogue.prices[item], channel: channel)
            }
        }
        if draws.share.bernoulli(
            exposure, threshold: bernoulliThreshold(run.truth.shareProbability(user: user, item: item)))
            && state & Self.sharedFlag == 0
        {
            state |= Self.sharedFlag
            Self.record(step, user, item, .share, channel, source, in: &log)
            next.append((NodeID(user), Int32(item)))
            if recorder >= 0 {
                recorders[recorder].recordActivation(NodeID(user), source: source, step: step, channel: channel)
            }
        }
    }

    private static func record<Log: InteractionLog>(
        _ step: Int, _ user: Int, _ item: Int, _ action: InteractionAction, _ channel: ExposureChannel,
        _ source: NodeID, in log: inout Log
    ) {
        log.record(
            Interaction(
                step: Int32(step), user: NodeID(user), item: Int32(item), action: action, channel: channel,
                source: source))
    }
}

/// The draws of one step of a ``FeedRun``'s world: the click, purchase and share families of
/// that step, each indexed by the exposure (item, user, earlier exposures of the pair).
struct StepDraws {
    let click: PossibleWorld
    let purchase: PossibleWorld
    let share: PossibleWorld

    /// The families of step `step` of `world`.
    init(step: Int, of world: PossibleWorld) {
        click = world.aspect(.click).subworld(step)
        purchase = world.aspect(.purchase).subworld(step)
        share = world.aspect(.share).subworld(step)
    }

    /// The index of an exposure within the step: `item` and `user` below 2³¹ and `earlier`
    /// below 64 fit in 68 bits, so the item is mixed in and the rest packed.
    @inline(__always)
    func exposure(user: Int, item: Int, earlier: Int) -> Int {
        Int(truncatingIfNeeded: SplitMix64.mix(UInt64(item) &+ 0x2545_F491_4F6C_DD1D)) ^ (user << 6 | earlier)
    }
}
