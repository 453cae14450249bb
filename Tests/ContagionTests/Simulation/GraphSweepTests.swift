import Foundation
import Testing

@testable import Contagion

/// A list under `graph` sweeps graphs in one scenario: each graph runs the whole experiment as
/// it would alone, and every table names it in its `graph` column.
@Suite struct GraphSweepTests {
    static let sweep = """
        { seed: 9,
          graph: [{ type: "barabasi_albert", nodes: 300, edges_per_node: 2 },
                  { type: "barabasi_albert", nodes: 300, edges_per_node: 4 },
                  { type: "builtin", name: "karate_club" }],
          model: [{ type: "independent_cascade", probability: 0.1 }, { type: "linear_threshold" }],
          policies: [{ type: "degree" }, { type: "pagerank" }], budget: [2, 4], simulation: { replicates: 30 } }
        """

    /// The tables' rows of `graph` with the `graph` field dropped, header first.
    static func rows(_ table: String, in folder: String, graph: String) throws -> [String] {
        let lines = try String(contentsOfFile: folder + "/" + table, encoding: .utf8).split(separator: "\n")
        let fields = lines.map { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) }
        #expect(fields[0][0] == "graph")
        return [String(fields[0][1])] + fields.dropFirst().filter { $0[0] == graph }.map { String($0[1]) }
    }

    @Test func graphsAreNamedByTypeAndWhatDiffers() throws {
        let scenario = try ScenarioTestSupport.load(Self.sweep)
        #expect(
            scenario.graphs.labels == [
                "barabasi_albert edges_per_node=2", "barabasi_albert edges_per_node=4", "builtin",
            ])
        #expect(scenario.graph.type == "barabasi_albert")  // the first, for generate, train and embed
    }

    /// Every table of the sweep holds, for each graph, exactly the rows a scenario with that
    /// graph alone writes (timings aside), graph after graph; the manifest lists each graph.
    @Test func eachGraphRunsAsItWouldAlone() throws {
        let folder = try TemporaryFolder()
        let sweep = try ScenarioTestSupport.load(Self.sweep)
        let out = folder.path(of: "sweep")
        let report = try ScenarioRunner.run(sweep, baseDirectory: "/", outputDirectory: out, threads: 2)
        #expect(report.graphs.map(\.nodes) == [300, 300, 34])
        let tables = ["runs.csv", "steps.csv", "summary.csv", "comparisons.csv", "curves.csv", "seeds.csv"]
        for (index, label) in sweep.graphs.labels.enumerated() {
            let aloneOut = folder.path(of: "alone\(index)")
            _ = try ScenarioRunner.run(
                sweep.onlyGraph(index), baseDirectory: "/", outputDirectory: aloneOut, threads: 1)
            for table in tables {
                let swept = try Self.rows(table, in: out, graph: label)
                let alone = try Self.rows(table, in: aloneOut, graph: sweep.onlyGraph(index).graphs.labels[0])
                #expect(swept.count > 1 && swept == alone, "\(table), graph \(label)")
            }
        }
        let manifest = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
                as? [String: Any])
        #expect(manifest["nodes"] == nil && manifest["replicates_run"] == nil)
        let graphs = try #require(manifest["graphs"] as? [[String: Any]])
        #expect(graphs.map { $0["graph"] as? String } == sweep.graphs.labels)
        #expect(graphs.map { $0["replicates_run"] as? Int } == [30, 30, 30])
        #expect(graphs.map { $0["arcs"] as? Int }.last == 156)
        // The printed ranking names the graph of every cell.
        #expect(report.ranking.filter { $0.hasPrefix("graph ") }.count == 3 * 2 * 2)
    }

    @Test(arguments: [
        ("graph: []", "graph: must list at least one graph, got []"),
        (
            "graph: [{ type: \"builtin\", name: \"karate_club\" }, { type: \"builtin\", name: \"karate_club\" }]",
            "graph[1]: lists the graph 'builtin' twice"
        ),
        (
            "graph: [{ type: \"builtin\", name: \"karate_club\" }, { type: \"erdos_renyi\" }], dataset: {}",
            "graph: a list of graphs is for contagion run"
        ),
        (
            "graph: [{ type: \"builtin\", name: \"karate_club\" }, { type: \"erdos_renyi\", nodes: 0 }]",
            "graph[1].nodes: must be"
        ),
    ])
    func badSweepsAreErrorsAtTheirKey(setting: String, message: String) throws {
        let text = "{ \(setting), model: { type: \"independent_cascade\" }, policies: [{ type: \"degree\" }] }"
        let (error, _) = try ScenarioTestSupport.error(text)
        #expect(error.description.contains(message), "\(error.description)")
    }
}
