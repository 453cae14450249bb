import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// `contagion train` as a user runs it.
@Suite struct TrainCommandTests {
    static let scenario = """
        // Train on small preferential-attachment graphs.
        {
          graph: { type: "barabasi_albert", nodes: 150, edges_per_node: 2 },
          model: { type: "independent_cascade", probability: "weighted_cascade" },
          rl: { episodes: 12, graph_every: 4, budget: 3, candidates: 10, reward_sets: 2000,
                learner: { hidden_layers: [8], batch_size: 8, exploration_episodes: 6 } },
        }
        """

    @Test func writesThePolicyAndTheCurveDeterministically() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("train.json", Self.scenario)
        for name in ["a", "b"] {
            #expect(
                CommandLineTool.run(["train", path, "--out", folder.path(of: "\(name)/policy.json"), "--quiet"]) == 0)
        }
        let a = try PolicyFile.read(path: folder.path(of: "a/policy.json"))
        let b = try PolicyFile.read(path: folder.path(of: "b/policy.json"))
        #expect(a == b)
        #expect(a.training.episodes == 12 && a.environment.budget == 3 && a.layerSizes == [15, 8, 1])
        #expect(a.training.objective == .adopters)
        let curve = try String(contentsOfFile: folder.path(of: "a/training.csv"), encoding: .utf8)
        let rows = curve.split(separator: "\n")
        #expect(rows.first == "episode,graph,return,epsilon,loss" && rows.count == 13)
        #expect(rows.last!.hasPrefix("11,2,"))
        #expect(try folder.listing("a") == ["policy.json", "report.html", "training.csv"])
        // The training report holds no wall-clock figure: identical for identical trainings.
        let reports = try ["a", "b"].map {
            try Data(contentsOf: URL(fileURLWithPath: folder.path(of: "\($0)/report.html")))
        }
        #expect(reports[0] == reports[1])
    }

    /// `rl.objective: revenue` under the content-aware model is recorded in the policy file,
    /// and it changes the rewards: the learning curve is not the adopters' one.
    @Test func aRevenueObjectiveIsRecordedAndRewarded() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("train.json", Self.scenario)
        var curves: [String] = []
        for objective in ["adopters", "revenue"] {
            let options = ["--set", "model={type:\"content_aware\"}", "--set", "rl.objective=\(objective)"]
            let policy = folder.path(of: "\(objective)/p.json")
            #expect(CommandLineTool.run(["train", path, "--out", policy, "--quiet"] + options) == 0)
            #expect(try PolicyFile.read(path: policy).training.objective?.rawValue == objective)
            curves.append(try String(contentsOfFile: folder.path(of: "\(objective)/training.csv"), encoding: .utf8))
        }
        #expect(curves[0] != curves[1])
    }

    /// With `uses_embedding` every training graph is embedded, the file says so, and a scenario
    /// playing the policy trains its graph's embedding for it.
    @Test func aPolicyTrainedWithEmbeddingsAsksForOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("train.json", Self.scenario)
        let options = ["--set", "rl.uses_embedding=true", "--set", "embedding.dimensions=4"]
        #expect(CommandLineTool.run(["train", path, "--out", folder.path(of: "p.json"), "--quiet"] + options) == 0)
        let file = try PolicyFile.read(path: folder.path(of: "p.json"))
        #expect(file.training.usesEmbedding)
        let evaluation = try folder.write(
            "eval.json",
            """
            { graph: { type: "barabasi_albert", nodes: 100, edges_per_node: 2 }, budget: 3,
              model: { type: "independent_cascade", probability: 0.1 },
              policies: [{ type: "rl", file: "p.json" }] }
            """)
        #expect(try ScenarioLoader.load(path: evaluation).needsEmbedding)
    }

    @Test(arguments: [
        ["--out", "p.json", "--set", "rl.budget=0"],
        ["--out", "p.json", "--set", "rl.items=[50]"],
        ["--out", "p.json", "--set", "rl.learner.batch_size=0"],
        ["--out", "p.json", "--set", "rl.hidden_layers=[4]"],
        ["--out", "p.json", "--set", "rl.budget=500"],
        ["--out", "/proc/nope/p.json"],
        [],
    ])
    func badInputExitsTwo(options: [String]) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("train.json", Self.scenario)
        let options = options.map { $0 == "p.json" ? folder.path(of: "p.json") : $0 }
        #expect(CommandLineTool.run(["train", path, "--quiet"] + options) == 2)
        #expect(try folder.listing() == ["train.json"])
    }
}
