import Foundation
import Testing

@testable import Contagion

@Suite struct ScenarioBuildTests {
    /// The karate scenario with `overrides`, its world and the error `makePlan` throws.
    static func planError(_ overrides: [(String, String)]) throws -> ScenarioError? {
        let scenario = try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: overrides)
        let world = try scenario.makeWorld(baseDirectory: "/")
        do {
            _ = try scenario.makePlan(world: world)
            return nil
        } catch let error as ScenarioError {
            return error
        }
    }
}

// MARK: - The plan

extension ScenarioBuildTests {
    @Test func budgetAboveTheUserCountNamesTheBudgetKey() throws {
        let error = try #require(try Self.planError([("budget", "35")]))
        #expect(error.keyPath == "budget")
        #expect(error.message == "must be ≤ the graph's 34 users, got 35")
    }

    @Test func policyBudgetAboveTheUserCountNamesThePolicyKey() throws {
        let error = try #require(try Self.planError([("policies[1].k", "40")]))
        #expect(error.keyPath == "policies[1].k")
        #expect(error.message == "must be ≤ the graph's 34 users, got 40")
    }

    @Test func budgetEqualToTheUserCountIsAllowed() throws {
        #expect(try Self.planError([("budget", "34"), ("policies[1].k", "34")]) == nil)
    }

    @Test func planCarriesTheScenario() throws {
        let scenario = try ScenarioTestSupport.load(ScenarioTestSupport.karate)
        let plan = try scenario.makePlan(world: try scenario.makeWorld(baseDirectory: "/"))
        #expect(plan.arms == [SeedingArm(policy: 0, budget: 2), SeedingArm(policy: 1, budget: 3)])
        #expect(plan.baseline == 0)
        #expect(plan.policies.map(\.name) == ["random", "degree"])
        #expect(plan.replicates == 5)
        #expect(plan.maximumSteps == 10)
        #expect(plan.masterSeed == 7)
        #expect(plan.recordsEvents == false)
        #expect(plan.items == [0])
    }

    @Test func onlyItemDependentModelsRunEveryItem() throws {
        let independent = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("simulation.items", "[2, 0, 1]")])
        #expect(try independent.makePlan(world: independent.makeWorld(baseDirectory: "/")).items == [2])
        let contentAware = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [("simulation.items", "[2, 0, 1]"), ("model", #"{ type: "content_aware" }"#)])
        #expect(try contentAware.makePlan(world: contentAware.makeWorld(baseDirectory: "/")).items == [2, 0, 1])
    }
}

// MARK: - The world

extension ScenarioBuildTests {
    @Test func builtinGraphWithItsFactionsAsCommunities() throws {
        let scenario = try ScenarioTestSupport.load(ScenarioTestSupport.karate)
        let world = try scenario.makeWorld(baseDirectory: "/")
        #expect(world.graph.nodeCount == 34)
        #expect(world.users.count == 34)
        #expect(world.users.communities == world.graph.communities)
        #expect(world.catalogue.count == 10)
        #expect(world.users.topicCount == 8)
    }

    @Test func communitiesNonePutsEveryoneTogether() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("users.communities", "none")])
        let world = try scenario.makeWorld(baseDirectory: "/")
        #expect(world.users.communities == [Int32](repeating: 0, count: 34))
    }

    @Test func relativeEdgeListPathsResolveAgainstTheScenarioFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path(of: "data"), withIntermediateDirectories: true)
        try folder.write("data/edges.txt", "a b\nb c\nc a\nc d\n")
        let path = try folder.write(
            "scenario.json",
            #"{ graph: { type: "file", path: "data/edges.txt", header: false, directed: true }, budget: 1, policies: [{ type: "degree" }] }"#
        )
        let scenario = try ScenarioLoader.load(path: path)
        #expect(
            (scenario.graph.source as? EdgeListFileSettings)?.resolvedPath(baseDirectory: folder.path)
                == folder.path(of: "data/edges.txt"))
        let world = try scenario.makeWorld(baseDirectory: folder.path)
        #expect(world.graph.nodeNames == ["a", "b", "c", "d"])
        #expect(world.graph.arcCount == 4)
        #expect(world.graph.isDirected)
        // No labels in the file: label propagation gives every user a community.
        #expect(world.users.communities.count == 4)
    }

    @Test func absoluteEdgeListPathsAreUsedAsIs() throws {
        let scenario = try ScenarioTestSupport.load(
            #"{ graph: { type: "file", path: "/data/edges.txt" }, policies: [{ type: "degree" }] }"#)
        #expect(
            (scenario.graph.source as? EdgeListFileSettings)?.resolvedPath(baseDirectory: "/elsewhere")
                == "/data/edges.txt")
    }

    @Test func missingEdgeListIsAnEdgeListError() throws {
        let folder = try TemporaryFolder()
        let scenario = try ScenarioTestSupport.load(
            #"{ graph: { type: "file", path: "absent.txt" }, policies: [{ type: "degree" }] }"#)
        #expect(throws: EdgeListError(path: folder.path(of: "absent.txt"), line: nil, message: "no such file")) {
            try scenario.makeWorld(baseDirectory: folder.path)
        }
    }

    @Test func theGraphDependsOnlyOnTheSeed() throws {
        let text =
            #"{ seed: 5, graph: { type: "erdos_renyi", nodes: 60, mean_degree: 3 }, policies: [{ type: "random" }] }"#
        let a = try ScenarioTestSupport.load(text).makeWorld(baseDirectory: "/")
        let b = try ScenarioTestSupport.load(text, overrides: [("items.count", "3")]).makeWorld(baseDirectory: "/")
        let c = try ScenarioTestSupport.load(text, overrides: [("seed", "6")]).makeWorld(baseDirectory: "/")
        #expect(GraphTestSupport.isIdentical(a.graph, b.graph))
        #expect(!GraphTestSupport.isIdentical(a.graph, c.graph))
        #expect(a.users.interests == b.users.interests)
    }
}
