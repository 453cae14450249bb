import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// Every long phase names itself and counts its own unit, to the end.
@Suite struct ProgressMeterTests {
    /// Collects every snapshot a meter hands out.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var snapshots: [ProgressMeter.Snapshot] = []
        var all: [ProgressMeter.Snapshot] { lock.withLock { snapshots } }
        lazy var meter = ProgressMeter { [self] snapshot in lock.withLock { snapshots.append(snapshot) } }
        /// The phases in the order they began.
        var phases: [String] { RunCharts.ordered(all.map(\.phase)) }
        /// The last snapshot of `phase` counting `unit`.
        func last(_ phase: String, unit: String) -> ProgressMeter.Snapshot? {
            all.last { $0.phase == phase && $0.unit == unit }
        }
    }

    @Test func aRunReportsEveryPhaseAndCountsItsUnits() throws {
        let folder = try TemporaryFolder()
        let scenario = try ScenarioLoader.load(
            path: folder.write(
                "s.json",
                """
                { graph: { type: "barabasi_albert", nodes: 500 }, model: { type: "independent_cascade", probability: 0.1 },
                  policies: [{ type: "imm", epsilon: 0.5 }, { type: "celf", simulations: 20 }], budget: 3,
                  simulation: { replicates: 10 } }
                """))
        let recorder = Recorder()
        _ = try ScenarioRunner.run(
            scenario, baseDirectory: folder.path, outputDirectory: folder.path(of: "out"), threads: 2,
            progress: recorder.meter)
        #expect(
            recorder.phases == [
                "building the world", "choosing seeds: imm, k = 3 (arm 1 of 2)",
                "choosing seeds: celf, k = 3 (arm 2 of 2)",
                "simulating cascades", "writing the tables", "drawing report.html",
            ])
        let sets = try #require(recorder.last("choosing seeds: imm, k = 3 (arm 1 of 2)", unit: "RR sets for selection"))
        #expect(sets.finished >= sets.total && sets.total > 0)
        let seeds = try #require(
            recorder.last("choosing seeds: celf, k = 3 (arm 2 of 2)", unit: "seeds chosen by lazy greedy"))
        #expect(seeds.finished == 3 && seeds.total == 3)
        let runs = try #require(recorder.last("simulating cascades", unit: "runs"))
        #expect(runs.finished == 2 * 10 && runs.total == 2 * 10)
    }

    @Test func theEmbeddingCountsItsWalksAndEpochs() {
        let graph = BuiltinGraph.karateClub.makeGraph()
        var walks = WalkParameters()
        walks.walksPerNode = 40
        var skipGram = SkipGramParameters()
        skipGram.dimensions = 4
        skipGram.epochs = 2
        let recorder = Recorder()
        _ = GraphEmbedding(
            graph: graph, walks: walks, skipGram: skipGram, seed: 1, threads: 2, progress: recorder.meter)
        let walked = recorder.last("embedding the graph: random walks", unit: "walks")
        #expect(walked?.finished == 34 * 40 && walked?.total == 34 * 40)
        // Every worker counts its walks in steps of 1,024 and its remainder at the end.
        let trained = recorder.last("embedding the graph: skip-gram", unit: "walks × epochs")
        #expect(trained?.total == 34 * 40 * 2 && trained?.finished == 34 * 40 * 2)
    }

    @Test func theLineShowsTheCountAndTheTimeLeft() {
        var snapshot = ProgressMeter.Snapshot(
            phase: "simulating cascades", finished: 250, total: 1000, unit: "runs", seconds: 10)
        #expect(ProgressLine.describe(snapshot) == "simulating cascades: 250/1000 runs (25%) · about 30 s left")
        snapshot.detail = "return 3.5"
        snapshot.finished = 100
        #expect(
            ProgressLine.describe(snapshot)
                == "simulating cascades: 100/1000 runs (10%) · return 3.5 · about 1 min 30 s left")
        #expect(
            ProgressLine.describe(.init(phase: "writing the tables", finished: 0, total: 0, unit: "", seconds: 4))
                == "writing the tables")
        #expect(ProgressLine.duration(3 * 3600 + 5 * 60) == "3 h 05 min")
    }
}
