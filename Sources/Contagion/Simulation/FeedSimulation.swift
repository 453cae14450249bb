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

    /// Runs the platform from `seeds` (one list per seeded item) with `recommender`.
    ///
    /// - Parameters:
    ///   - world: the run's possible world (online, clicks, purchases, shares).
    ///   - recommenderRNG: the recommender's own draws (fits, random feeds), kept apart so that
    ///     recommenders differ only in what they show, not in the run's other draws.
    func run(
        seeds: [[NodeID]], recommender: any Recommender, context: RecommenderContext,
        world: PossibleWorld, recommenderRNG: inout Xoshiro256StarStar
    ) -> Outcome {
        var collector = Collector()
        let recorders = run(
            seeds: seeds, recommender: recommender, context: context, world: world, recommenderRNG: &recommenderRNG,
            log: &collector)
        return Outcome(recorders: recorders, interactions: collector.interactions)
    }

    /// Runs the platform, handing every interaction (impressions included) to `log`; returns
    /// the seeded items' recorders (none unless ``recordsCascades``).
    func run<Log: InteractionLog>(
        seeds: [[NodeID]], recommender: any Recommender, context: RecommenderContext,
        world: PossibleWorld, recommenderRNG: inout Xoshiro256StarStar, log: inout Log
    ) -> [CascadeRecorder] {
        var platform = FeedPlatform(run: self, recommender: recommender)
        platform.launch(seeds, log: &log)
        log.finishedStep(0)
        for step in 1...max(1, maximumSteps) {
            let draws = StepDraws(step: step, of: world)
            platform.drawOnline(step: step, in: world)
            platform.spreadSocially(step: step, draws: draws, log: &log)
            if feed.slots > 0 {
                platform.serveFeeds(
                    step: step, context: context, draws: draws, recommenderRNG: &recommenderRNG, log: &log)
            }
            platform.finishStep(step)
            log.finishedStep(step)
            if platform.isQuiet { break }
        }
        return platform.recorders
    }
}
