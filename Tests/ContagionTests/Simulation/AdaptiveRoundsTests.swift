import Foundation
import Testing

@testable import Contagion

/// `simulation.rounds` in `contagion run`: each replicate's later seeds are chosen on what the
/// earlier rounds' cascade showed in that replicate's world.
@Suite struct AdaptiveRoundsTests {
    static let campaign = """
        { seed: 4, graph: { type: "builtin", name: "karate_club" },
          model: { type: "independent_cascade", probability: 0.15 }, budget: 5,
          policies: [{ type: "degree" }, { type: "imm", epsilon: 0.5 }, { type: "imm", name: "imm_static", rounds: 1 },
                     { type: "degree_discount" }],
          simulation: { replicates: 12, rounds: 3 } }
        """

    static func run(_ text: String = campaign, threads: Int = 2) throws -> (ExperimentPlan, ExperimentResult) {
        let scenario = try ScenarioTestSupport.load(text)
        let plan = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
        return (plan, try Experiment.run(plan, threads: threads))
    }

    /// Every replicate places its whole budget (2 + 2 + 1) over the rounds, never seeding an
    /// active user; its outcome is the cascade of all its seeds in its world; the cascade
    /// observed after each round grows round by round.
    @Test func eachReplicateSeedsOnWhatItSaw() throws {
        let (plan, result) = try Self.run()
        #expect(plan.rounds == [3, 3, 1, 3])
        var rng = Xoshiro256StarStar(seed: 0)
        let model = plan.variants[0].model.compile(for: 0, in: plan.world, maximumSteps: .max, using: &rng)
        let streams = RandomStreams(masterSeed: plan.masterSeed)
        for (armIndex, outcome) in result.arms.enumerated() {
            let rounds = plan.rounds[outcome.arm.policy]
            #expect(outcome.seeds[0].count == RoundObservation.split(budget: 5, rounds: rounds)[0])
            #expect(outcome.laterSeeds[0].count == 12, "\(outcome.name)")
            for replicate in 0..<12 {
                let later = outcome.laterSeeds[0][replicate]
                let seeds = outcome.seeds[0] + later.map(\.user)
                #expect(Set(seeds).count == 5, "\(outcome.name) replicate \(replicate)")
                #expect(later.map(\.round) == (rounds > 1 ? [1, 1, 2] : []))
                let final = Array(result.runs(arm: armIndex, recommender: 0, itemIndex: 0))[replicate]
                let alone = Fixture.recordCascade(
                    model, seeds: seeds, world: streams.world(replicate: replicate, item: 0))
                #expect(final.statistics == alone, "\(outcome.name) replicate \(replicate)")
                let observed = result.roundRuns.filter { $0.arm == armIndex && $0.replicate == replicate }
                #expect(observed.map(\.round) == Array(0..<(rounds - 1)))
                let sizes = observed.map(\.statistics.adopters) + [final.statistics.adopters]
                #expect(sizes == sizes.sorted())
                #expect(observed.map(\.statistics.seeds) == [2, 4].prefix(rounds - 1).map { $0 })
            }
        }
        // The static arm is the static policy: the same cascades as a scenario without rounds.
        let (_, alone) = try Self.run(Self.campaign.replacingOccurrences(of: "rounds: 3", with: "rounds: 1"))
        #expect(
            result.runs(arm: 2, recommender: 0, itemIndex: 0).map(\.statistics)
                == alone.runs(arm: 2, recommender: 0, itemIndex: 0).map(\.statistics))
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let one = try Self.run(threads: 1).1
        let two = try Self.run(threads: 2).1
        #expect(one.runs.map(\.statistics) == two.runs.map(\.statistics))
        #expect(one.roundRuns.map(\.statistics) == two.roundRuns.map(\.statistics))
        #expect(one.arms.map(\.laterSeeds) == two.arms.map(\.laterSeeds))
    }

    @Test(arguments: [
        (
            #"model: { type: "content_aware" }"#,
            "simulation.rounds: more than one round needs a model whose cascades are their live-edge form"
        ),
        (
            "simulation: { rounds: 2, max_steps: 5 }",
            "simulation.rounds: more than one round needs cascades without a step limit"
        ),
        ("simulation: { rounds: 4 }", "simulation.rounds: must be ≤ the smallest budget of degree (k = 3)"),
        (
            #"simulation: { rounds: 2, content: "joint", items: [0, 1] }, items: { count: 2 }"#,
            "simulation.rounds: more than one round needs content: each"
        ),
    ])
    func roundsThatCannotBePlayedAreErrorsAtTheirKey(setting: String, message: String) throws {
        let model = setting.hasPrefix("model") ? "" : #"model: { type: "independent_cascade", probability: 0.1 },"#
        let simulation = setting.hasPrefix("model") ? "simulation: { rounds: 2 }," : ""
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, \(model) \(simulation) budget: 3,
              policies: [{ type: "degree" }], \(setting) }
            """
        let scenario = try ScenarioTestSupport.load(text)
        do {
            _ = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
            Issue.record("planned")
        } catch let error as ScenarioError {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    /// Later rounds never seed an active user: `rl` skips observed adopters, `explicit` takes
    /// the next listed users not yet active, and with fewer inactive users than seeds left
    /// every policy seeds them all.
    @Test func laterRoundsSkipActiveUsers() throws {
        let graph = Fixture.star(leaves: 6)
        let context = Fixture.context(graph)
        var active = [Bool](repeating: true, count: 7)
        active[4] = false
        active[6] = false
        let observation = RoundObservation(active: active, seeds: [0], budget: 4, rounds: 2, round: 1)
        var rng = Xoshiro256StarStar(seed: 1)
        let rl = RLSeeds(file: PolicyFileTests.file())
        #expect(
            try rl.selectNextRound(count: 1, in: context, after: observation, using: &rng).allSatisfy {
                !active[Int($0)]
            })
        #expect(Set(try rl.selectNextRound(count: 3, in: context, after: observation, using: &rng)) == [4, 6])
        let explicit = ExplicitSeeds(userNames: ["0", "1", "6", "4"])
        #expect(try explicit.selectNextRound(count: 1, in: context, after: observation, using: &rng) == [6])
        #expect(try IMM().selectNextRound(count: 2, in: context, after: observation, using: &rng) == [4, 6])
    }

    @Test func itemLimitsBelowTheBudgetAreAnErrorAtTheirKey() throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, items: { count: 3 }, budget: 5, policies: [{ type: "imm" }],
              simulation: { content: "joint", items: [0, 1], item_limits: 2 } }
            """
        let scenario = try ScenarioTestSupport.load(text)
        do {
            _ = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
            Issue.record("planned")
        } catch let error as ScenarioError {
            #expect(
                error.description
                    == "simulation.item_limits: must leave room for every budget: they sum to 4, less than k = 5")
        }
    }
}
