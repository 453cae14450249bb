import Testing

@testable import Contagion

@Suite struct BuiltinGraphTests {
    @Test func karateClubHasZacharysSizeAndFactions() throws {
        let graph = BuiltinGraph.karateClub.makeGraph()
        #expect(graph.nodeCount == 34)
        #expect(graph.arcCount == 156)
        #expect(graph.arcCount / 2 == 78)
        #expect(!graph.isDirected)
        #expect(GraphTestSupport.isSimple(graph))
        #expect(GraphTestSupport.isSymmetric(graph))
        let factions = try #require(graph.communities)
        #expect(factions.count == 34)
        #expect(factions.filter { $0 == 0 }.count == 17)
        #expect(factions[0] == 0)  // Mr. Hi
        #expect(factions[33] == 1)  // the Officer
        #expect(Set(factions) == [0, 1])
        #expect(graph.nodeNames == nil)
        #expect(graph.name(of: 33) == "33")
    }

    @Test func karateClubDegreesMatchTheDataSet() {
        let degrees = GraphTestSupport.outDegrees(BuiltinGraph.karateClub.makeGraph())
        // NetworkX karate_club_graph: the instructor (0) and the officer (33) are the hubs.
        #expect(degrees[0] == 16)
        #expect(degrees[33] == 17)
        #expect(degrees[32] == 12)
        #expect(degrees[2] == 10)
        #expect(degrees[11] == 1)
        #expect(degrees.reduce(0, +) == 156)
    }

    @Test func florentineFamiliesHasFifteenFamiliesAndTheMediciAtTheCentre() throws {
        let graph = BuiltinGraph.florentineFamilies.makeGraph()
        #expect(graph.nodeCount == 15)
        #expect(graph.arcCount == 40)
        #expect(GraphTestSupport.isSymmetric(graph))
        #expect(graph.communities == nil)
        let names = try #require(graph.nodeNames)
        func degree(_ family: String) throws -> Int {
            let index = try #require(names.firstIndex(of: family))
            return graph.outDegree(of: NodeID(index))
        }
        #expect(try degree("Medici") == 6)
        #expect(try degree("Strozzi") == 4)
        #expect(try degree("Guadagni") == 4)
        #expect(try degree("Pazzi") == 1)
        #expect(!names.contains("Pucci"))
        #expect(GraphTestSupport.outDegrees(graph).max() == 6)
    }

    @Test func namesAreTheScenarioKeywords() {
        #expect(BuiltinGraph(rawValue: "karate_club") == .karateClub)
        #expect(BuiltinGraph(rawValue: "florentine_families") == .florentineFamilies)
        #expect(BuiltinGraph.allCases.count == 2)
    }
}
