import Foundation
import Testing

@testable import Contagion

/// Run until decided: batches of replicates until the criterion holds or the cap, the runs
/// being those of a fixed run of the same length.
@Suite struct PrecisionTargetTests {
    static func scenario(policies: String, precision: String, replicates: Int = 20) throws -> Scenario {
        try ScenarioTestSupport.load(
            """
            { seed: 3, graph: { type: "builtin", name: "karate_club" },
              model: { type: "independent_cascade", probability: 0.15 }, budget: 3, policies: [\(policies)],
              simulation: { replicates: \(replicates), precision: \(precision) } }
            """)
    }

    static func run(_ scenario: Scenario) throws -> ExperimentResult {
        try Experiment.run(scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/")), threads: 2)
    }

    /// Degree against random separates before the cap, at a whole number of batches; two
    /// policies that choose the same seeds never separate, so that run goes to the cap.
    @Test func stopsWhenSeparatedOrAtTheCap() throws {
        let clear = try Self.run(
            Self.scenario(policies: #"{ type: "random" }, { type: "degree" }"#, precision: "{ max_replicates: 200 }"))
        #expect(clear.precisionMet == true && clear.replicates < 200 && clear.replicates % 20 == 0)
        let same = try Self.run(
            Self.scenario(
                policies: #"{ type: "degree" }, { type: "explicit", users: ["33", "0", "32"] }"#,
                precision: "{ max_replicates: 60 }"))
        #expect(same.replicates == 60 && same.precisionMet == false)
    }

    /// With a width target the run stops at the first look where every interval is narrow
    /// enough; its runs are exactly those of a fixed run of that many replicates, and one
    /// batch fewer would not have met the target.
    @Test func widthStopsAtTheFirstLookThatMeetsIt() throws {
        let scenario = try Self.scenario(
            policies: #"{ type: "degree" }, { type: "pagerank" }"#,
            precision: #"{ until: "width", width: 1.5, max_replicates: 2000 }"#)
        let result = try Self.run(scenario)
        #expect(result.precisionMet == true && result.replicates > 20 && result.replicates < 2000)
        var fixed = scenario
        fixed.simulation.precision = nil
        fixed.simulation.replicates = result.replicates
        #expect(try Self.run(fixed).runs.map(\.statistics) == result.runs.map(\.statistics))
        fixed.simulation.replicates = result.replicates - 20
        let adopters = try #require(CascadeStatistics.metrics.firstIndex { $0.name == "adopters" })
        let shorter = try Self.run(fixed).comparisons.cells.first { $0.metric == adopters }
        #expect(try #require(shorter).summaries.contains { $0.upper95 - $0.lower95 > 1.5 })
        for cell in result.comparisons.cells where cell.metric == adopters {
            #expect(cell.summaries.allSatisfy { $0.upper95 - $0.lower95 <= 1.5 })
        }
    }

    /// Each look tests at 5% / looks, so a claim of separation holds at 5% over all looks.
    @Test func eachLookTestsAtASplitLevel() {
        let target = PrecisionTarget(criterion: .separated, batch: 50, maximumReplicates: 1000)
        #expect(target.looks == 20 && abs(target.levelPerLook - 0.0025) < 1e-15)
        #expect(PrecisionTarget(criterion: .separated, batch: 30, maximumReplicates: 100).looks == 4)
    }

    @Test(arguments: [
        (#"{ until: "width", max_replicates: 100 }"#, "simulation.precision.width: is required but missing"),
        (#"{ until: "soon", max_replicates: 100 }"#, "simulation.precision.until: must be separated or width"),
        (#"{ width: 2, max_replicates: 100 }"#, "simulation.precision.width: applies only with until: width"),
        ("{ max_replicates: 10 }", "simulation.precision: max_replicates must be ≥ replicates (20)"),
        ("{}", "simulation.precision.max_replicates: is required but missing"),
    ])
    func badTargetsAreErrorsAtTheirKey(precision: String, message: String) throws {
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "degree" }],
              simulation: { replicates: 20, precision: \(precision) } }
            """
        let (error, _) = try ScenarioTestSupport.error(text)
        #expect(error.description.contains(message), "\(error.description)")
    }
}
