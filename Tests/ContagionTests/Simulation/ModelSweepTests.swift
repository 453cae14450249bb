import Foundation
import Testing

@testable import Contagion

/// A list under `model` sweeps models in one scenario: each variant runs as it would alone,
/// in the same worlds, and the tables name it.
@Suite struct ModelSweepTests {
    static let sweep = """
        { seed: 5, graph: { type: "builtin", name: "karate_club" },
          model: [{ type: "independent_cascade", probability: 0.1 }, { type: "independent_cascade", probability: 0.3 },
                  { type: "linear_threshold" }],
          policies: [{ type: "degree" }, { type: "pagerank" }], budget: 3, simulation: { replicates: 40 } }
        """

    @Test func variantsAreNamedByTypeAndWhatDiffers() throws {
        let scenario = try ScenarioTestSupport.load(Self.sweep)
        #expect(
            scenario.models.labels == [
                "independent_cascade probability=0.1", "independent_cascade probability=0.3", "linear_threshold",
            ])
        #expect(scenario.model.type == "independent_cascade")  // the first, for generate and train
        let plan = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
        #expect(plan.targets.map(\.variant) == [0, 1, 2])
        #expect(plan.modelLabel(2) == "linear_threshold")
    }

    /// Each variant's runs equal those of a scenario with that model alone (same seeds, same
    /// worlds); with more transmission per arc in the same worlds, p = 0.3 reaches at least
    /// as many users as p = 0.1 in every replicate (the worlds are coupled monotonically).
    @Test func eachVariantRunsAsItWouldAlone() throws {
        let sweep = try ScenarioTestSupport.load(Self.sweep)
        let world = try sweep.makeWorld(baseDirectory: "/")
        let result = try Experiment.run(sweep.makePlan(world: world), threads: 2)
        for (variant, model) in sweep.models.list.enumerated() {
            var alone = sweep
            alone.models = ModelVariants(model)
            let single = try Experiment.run(alone.makePlan(world: world), threads: 2)
            let swept = result.runs.filter { $0.itemIndex == variant }
            #expect(swept.map(\.statistics) == single.runs.map(\.statistics), "variant \(variant)")
        }
        let low = result.runs.filter { $0.itemIndex == 0 }.map(\.statistics.adopters)
        let high = result.runs.filter { $0.itemIndex == 1 }.map(\.statistics.adopters)
        #expect(zip(low, high).allSatisfy { $0 <= $1 } && low != high)
    }

    @Test(arguments: [
        ("model: []", "model: must list at least one model, got []"),
        ("model: [{ type: \"sir\" }, { type: \"sir\" }]", "model[1]: lists the model 'sir' twice"),
        (
            "model: [{ type: \"content_aware\" }, { type: \"sir\" }], feed: { recommenders: [{ type: \"popularity\" }] }",
            "model: a list of models is for contagion run without a feed"
        ),
    ])
    func badSweepsAreErrorsAtTheirKey(setting: String, message: String) throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, \(setting), policies: [{ type: "degree" }] }
            """
        let (error, _) = try ScenarioTestSupport.error(text)
        #expect(error.description.contains(message), "\(error.description)")
    }
}
