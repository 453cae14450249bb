import Testing

@testable import Contagion

/// The recommender-in-the-loop run against the content-aware kernel and its own rules.
@Suite struct FeedSimulationTests {
    let world = Fixture.world(EmbeddingFixture.communities(blocks: 3, size: 60, inside: 0.1, between: 0.01))
    var parameters: ContentAwareParameters {
        var p = ContentAwareParameters()
        p.clickIntercept = -1
        return p
    }

    func feedRun(slots: Int, items: [Int], events: Bool = false, in world: World? = nil) -> FeedRun {
        var feed = FeedParameters()
        feed.slots = slots
        let world = world ?? self.world
        return FeedRun(
            world: world, truth: FeedClickModel(world: world, parameters: parameters), feed: feed, maximumSteps: 20,
            items: items, recordsEvents: events)
    }

    func context(_ world: World? = nil) -> RecommenderContext {
        let world = world ?? self.world
        return RecommenderContext(
            world: world, truth: FeedClickModel(world: world, parameters: parameters), embedding: nil)
    }

    /// Without a feed, one seeded item spreads by the content-aware law: the mean adopters,
    /// clicks and revenue of the two simulations agree within 5 standard errors of their difference.
    @Test func withoutAFeedAnItemSpreadsAsTheContentAwareKernelSpreadsIt() {
        let seeds: [NodeID] = [0, 70, 130]
        let runs = 1500
        let kernel = ContentAware(world: world, item: 2, parameters: parameters, maximumSteps: 20)
        var workspace = kernel.makeWorkspace()
        var recorder = CascadeRecorder(nodeCount: world.graph.nodeCount, recordsEvents: false)
        var kernelStats: [CascadeStatistics] = []
        var rng = Xoshiro256StarStar(seed: 1)
        for _ in 0..<runs {
            recorder.reset()
            kernel.run(seeds: seeds, workspace: &workspace, observer: &recorder, world: PossibleWorld(using: &rng))
            kernelStats.append(CascadeStatistics(recorder))
        }
        let simulation = feedRun(slots: 0, items: [2])
        var feedStats: [CascadeStatistics] = []
        var feedRNG = Xoshiro256StarStar(seed: 2)
        var recommenderRNG = Xoshiro256StarStar(seed: 3)
        for _ in 0..<runs {
            let outcome = simulation.run(
                seeds: [seeds], recommender: RandomRecommender(), context: context(),
                world: PossibleWorld(using: &feedRNG),
                recommenderRNG: &recommenderRNG)
            feedStats.append(CascadeStatistics(outcome.recorders[0]))
        }
        let metrics: [(CascadeStatistics) -> Double] = [
            { Double($0.adopters) }, { Double($0.clicks) }, { Double($0.exposed) }, { $0.revenue },
        ]
        for metric in metrics {
            let a = SampleSummary(kernelStats.map(metric))
            let b = SampleSummary(feedStats.map(metric))
            let standardError = (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
            #expect(abs(a.mean - b.mean) <= 5 * standardError)
            #expect(a.mean > 3)
        }
    }

    /// The oracle's feed on a platform without follower arcs (so the feed is the only way to
    /// see an item): with one slot, a user's first recommendation is the item they are most
    /// likely to click, and no user is ever recommended an item they clicked earlier.
    @Test func theFeedShowsTheRecommendersBestUnclickedItems() {
        let isolated = Fixture.world(Fixture.graph(150, []))
        let context = context(isolated)
        let items = Array(0..<isolated.catalogue.count)
        let simulation = feedRun(slots: 1, items: items, events: true, in: isolated)
        var rng = Xoshiro256StarStar(seed: 4)
        var recommenderRNG = Xoshiro256StarStar(seed: 5)
        let outcome = simulation.run(
            seeds: items.map { _ in [NodeID(0)] }, recommender: OracleRecommender(), context: context,
            world: PossibleWorld(using: &rng),
            recommenderRNG: &recommenderRNG)
        var firstRecommendation: [NodeID: (step: Int32, item: Int)] = [:]
        var clickStep: [Int: Int32] = [:]
        for (item, recorder) in outcome.recorders.enumerated() {
            for event in recorder.events where event.action == .click {
                clickStep[Int(event.user) * items.count + item] = min(
                    clickStep[Int(event.user) * items.count + item] ?? .max, event.step)
            }
        }
        var recommendations = 0
        for (item, recorder) in outcome.recorders.enumerated() {
            for event in recorder.events where event.channel == .recommendation && event.action == .exposure {
                recommendations += 1
                #expect((clickStep[Int(event.user) * items.count + item] ?? .max) >= event.step)
                if event.step < firstRecommendation[event.user]?.step ?? .max {
                    firstRecommendation[event.user] = (event.step, item)
                }
            }
        }
        #expect(recommendations > 0)
        let truth = context.truth
        var checked = 0
        for (user, first) in firstRecommendation where first.step == 1 && user != 0 {
            let best = items.max {
                truth.recommendedClickProbability(user: Int(user), item: $0)
                    < truth.recommendedClickProbability(user: Int(user), item: $1)
            }
            #expect(first.item == best)
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test func everyInteractionNamesItsChannel() {
        let simulation = feedRun(slots: 2, items: [0, 1])
        var rng = Xoshiro256StarStar(seed: 6)
        var recommenderRNG = Xoshiro256StarStar(seed: 7)
        let outcome = simulation.run(
            seeds: [[0, 1], [2]], recommender: PopularityRecommender(), context: context(),
            world: PossibleWorld(using: &rng),
            recommenderRNG: &recommenderRNG)
        let channels = Set(outcome.interactions.map(\.channel))
        #expect(channels == [.seed, .social, .recommendation])
        let launches = outcome.interactions.filter { $0.channel == .seed }
        #expect(launches.map(\.user) == [0, 1, 2] && launches.allSatisfy { $0.action == .share && $0.step == 0 })
        let noFeed = feedRun(slots: 0, items: [0, 1]).run(
            seeds: [[0, 1], [2]], recommender: PopularityRecommender(), context: context(),
            world: PossibleWorld(using: &rng),
            recommenderRNG: &recommenderRNG)
        #expect(!noFeed.interactions.contains { $0.channel == .recommendation })
    }

    /// The full log: every click follows an impression of the same pair in the same step and
    /// channel, and a social interaction names a friend the user follows.
    @Test func everyClickFollowsAnImpressionAndSocialSourcesAreFriends() {
        struct Log: InteractionLog {
            var interactions: [Interaction] = []
            var finishedSteps: [Int] = []
            mutating func record(_ interaction: Interaction) { interactions.append(interaction) }
            mutating func finishedStep(_ step: Int) { finishedSteps.append(step) }
        }
        var log = Log()
        var rng = Xoshiro256StarStar(seed: 8)
        var recommenderRNG = Xoshiro256StarStar(seed: 9)
        _ = feedRun(slots: 1, items: [0, 1]).run(
            seeds: [[0, 1], [2]], recommender: PopularityRecommender(), context: context(),
            world: PossibleWorld(using: &rng),
            recommenderRNG: &recommenderRNG, log: &log)
        #expect(log.finishedSteps == Array(0...20))
        var impressions = Set<[Int32]>()
        var clicks = 0
        for interaction in log.interactions {
            let key = [interaction.step, interaction.user, interaction.item]
            switch interaction.action {
            case .impression: impressions.insert(key)
            case .click:
                #expect(impressions.contains(key))
                clicks += 1
            default: break
            }
            if interaction.channel == .social {
                #expect(world.graph.successors(of: interaction.source).contains(interaction.user))
            } else {
                #expect(interaction.source == -1)
            }
        }
        #expect(clicks > 20)
    }
}

extension FeedSimulationTests {
    /// IMM optimises the social live-edge form; with a feed in the loop that is an
    /// approximation even when the model's own form is exact, and the run says so.
    @Test func seedingForTheLiveEdgeFormIsLabelledWhenAFeedRuns() throws {
        let scenario = try ScenarioTestSupport.load(
            """
            {
              graph: { type: "builtin", name: "karate_club" },
              model: { type: "content_aware", fatigue: 1 },
              users: { activity: { alpha: 1000, beta: 0.001 } },
              items: { count: 3 },
              budget: 2,
              policies: [{ type: "imm", epsilon: 0.5 }, { type: "degree" }],
              feed: { recommenders: [{ type: "popularity" }] },
              simulation: { replicates: 2, max_steps: 3 },
            }
            """)
        let world = try scenario.makeWorld(baseDirectory: "/")
        let result = try Experiment.run(try scenario.makePlan(world: world), threads: 1)
        #expect(result.arms[0].approximation == "the feed's exposures are not part of the live-edge form")
        #expect(result.arms[1].approximation == nil)
    }
}
