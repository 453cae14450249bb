import Foundation
import Testing

@testable import Contagion

/// Content mode `joint` in `contagion run`: one budget of (user, item) pairs per arm, each
/// item's cascades run from its own seeds, and the campaign compared on their total.
@Suite struct JointCampaignTests {
    static let campaign = """
        { seed: 5, graph: { type: "builtin", name: "karate_club" },
          items: { count: 4 }, model: { type: "content_aware" }, budget: 6,
          policies: [{ type: "degree", content: "affinity" }, { type: "imm" }, { type: "degree_discount" },
                     { type: "celf", simulations: 50 }],
          simulation: { replicates: 30, items: [0, 2, 3], content: "joint", item_limits: [2, 5, 5] } }
        """

    static func run(_ text: String = campaign, threads: Int = 2) throws -> (ExperimentPlan, ExperimentResult) {
        let scenario = try ScenarioTestSupport.load(text)
        let plan = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
        return (plan, try Experiment.run(plan, threads: threads))
    }

    @Test func eachArmPlacesItsBudgetOverTheItemsWithinTheirLimits() throws {
        let (plan, result) = try Self.run()
        #expect(plan.targets.map(\.item) == [0, 2, 3, SeedingTarget.campaign])
        #expect(plan.joint?.rules == [.affinity, .pairs, .bestItem, .pairs])
        for outcome in result.arms {
            #expect(outcome.seeds.map(\.count).reduce(0, +) == 6, "\(outcome.name)")
            #expect(zip(outcome.seeds.prefix(3), [2, 5, 5]).allSatisfy { $0.count <= $1 }, "\(outcome.name)")
            #expect(Set(outcome.seeds.flatMap { $0 }).count == 6, "\(outcome.name): a user gets one item")
            #expect(outcome.ranks.flatMap { $0 }.sorted() == Array(0..<6), "\(outcome.name)")
            #expect(outcome.selectionSeconds.map { $0 != nil } == [false, false, false, true])
        }
    }

    /// The campaign's run of replicate `r` is the sum of its items' runs of replicate `r`, and
    /// each item's run is that of its seeds alone in the item's world.
    @Test func theCampaignTotalSumsTheItemsRuns() throws {
        let (plan, result) = try Self.run()
        for arm in result.arms.indices {
            let total = result.runs(arm: arm, recommender: 0, itemIndex: 3)
            let items = (0..<3).map { result.runs(arm: arm, recommender: 0, itemIndex: $0) }
            for (offset, run) in total.enumerated() {
                let parts = items.map { $0[$0.startIndex + offset].statistics }
                #expect(run.statistics.adopters == parts.reduce(0) { $0 + $1.adopters })
                #expect(run.statistics.seeds == parts.reduce(0) { $0 + $1.seeds })
                #expect(abs(run.statistics.revenue - parts.reduce(0) { $0 + $1.revenue }) < 1e-9)
                #expect(run.statistics.depth == parts.map(\.depth).max())
                #expect(run.steps.reduce(0) { $0 + $1.adopters } == run.statistics.adopters)
            }
        }
        #expect(result.comparisons.cells.contains { $0.itemIndex == 3 })
        #expect(plan.itemLabel(3) == "all" && plan.itemLabel(1) == "2")
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let one = try Self.run(threads: 1).1
        let two = try Self.run(threads: 2).1
        #expect(one.runs.map(\.statistics) == two.runs.map(\.statistics))
        #expect(one.arms.map(\.seeds) == two.arms.map(\.seeds))
    }

    /// Under a model that ignores the item, a joint campaign still runs every listed item (its
    /// budget is split over them); mode `each` runs the first only.
    @Test func aJointCampaignRunsEveryItemEvenUnderIC() throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, items: { count: 3 },
              model: { type: "independent_cascade", probability: 0.1 }, budget: 4,
              policies: [{ type: "imm" }], simulation: { replicates: 5, items: [0, 1], content: "joint" } }
            """
        let (plan, result) = try Self.run(text)
        #expect(plan.targets.map(\.item) == [0, 1, SeedingTarget.campaign])
        #expect(result.arms[0].seeds.prefix(2).map(\.count).reduce(0, +) == 4)
    }

    @Test(arguments: [
        ("simulation: { item_limits: 3 }", "simulation.item_limits: applies only with content: joint"),
        ("simulation: { content: \"both\" }", "simulation.content: expected one of: each, joint, got 'both'"),
        (
            "simulation: { content: \"joint\", items: [0, 1], item_limits: [1, 2, 3] }",
            "simulation.item_limits: expected an integer or a list of one per listed item (2)"
        ),
        ("simulation: { content: \"joint\", item_limits: 0 }", "simulation.item_limits: must be ≥ 1, got 0"),
    ])
    func badJointSettingsAreErrorsAtTheirKey(setting: String, message: String) throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, items: { count: 3 }, policies: [{ type: "degree" }],
              \(setting) }
            """
        let (error, _) = try ScenarioTestSupport.error(text)
        #expect(error.description.contains(message), "\(error.description)")
    }

    @Test func anUnknownContentRuleIsAnErrorAtItsKey() throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree", content: "best" }] }
            """
        let (error, path) = try ScenarioTestSupport.error(text)
        #expect(
            error.description == "\(path): policies[0].content: expected one of: pairs, best_item, affinity, got 'best'"
        )
    }

    @Test func pairsForAUserOnlyPolicyIsAnErrorAtItsKey() throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, items: { count: 3 },
              policies: [{ type: "imm" }, { type: "degree", content: "pairs" }],
              simulation: { content: "joint", items: [0, 1] } }
            """
        let scenario = try ScenarioTestSupport.load(text)
        #expect(throws: ScenarioError.self) { try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/")) }
        do {
            _ = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
        } catch let error as ScenarioError {
            #expect(error.description.hasPrefix("policies[1].content: must be best_item or affinity"))
        }
    }
}
