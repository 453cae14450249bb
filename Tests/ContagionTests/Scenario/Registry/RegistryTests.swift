import Foundation
import Testing

@testable import Contagion

/// The registries: the only lists of kinds, each kind decoding from its own keys and
/// round-tripping through the manifest's encoding.
@Suite struct RegistryTests {
    /// Every registry, as (section label, type names, summaries, keys per type).
    static var registries: [(section: String, types: [String], summaries: [String], keys: [[String]])] {
        func describe<Entry>(_ section: String, _ registry: Registry<Entry>) -> (
            section: String, types: [String], summaries: [String], keys: [[String]]
        ) {
            (section, registry.types, registry.kinds.map(\.summary), registry.kinds.map(\.keys))
        }
        return [
            describe("model", PropagationModels.registry), describe("policies", SeedingPolicies.registry),
            describe("recommenders", Recommenders.registry), describe("graph", GraphSources.registry),
        ]
    }

    @Test func typesAreUniqueAndEveryKindHasASummary() {
        for registry in Self.registries {
            #expect(Set(registry.types).count == registry.types.count, "\(registry.section)")
            #expect(registry.summaries.allSatisfy { !$0.isEmpty && !$0.hasSuffix(".") }, "\(registry.section)")
        }
        #expect(
            PropagationModels.registry.types == [
                "independent_cascade", "linear_threshold", "content_aware", "sir", "sis",
            ])
        #expect(SeedingPolicies.registry.types.count == 10)
        #expect(Recommenders.registry.types.count == 9)
        #expect(GraphSources.registry.types.count == 7)
    }

    @Test func anUnknownTypeListsTheRegisteredOnesInOrder() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: [("policies[0].type", #""greedy""#)])
        }
        #expect(error.keyPath == "policies[0].type")
        #expect(
            error.message == "expected one of: \(SeedingPolicies.registry.types.joined(separator: ", ")), got 'greedy'")
    }

    @Test func aKeyOfAnotherKindIsRefusedWithTheKeysAllowed() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioTestSupport.load(
                ScenarioTestSupport.karate, overrides: [("policies[0]", #"{ type: "imm", damping: 0.5 }"#)])
        }
        #expect(error.keyPath == "policies[0].damping")
        #expect(
            error.message == "unknown key (expected one of: content, ell, epsilon, k, name, objective, rounds, type)")
    }

    @Test func aModelOfEveryTypeRoundTripsThroughItsEncoding() throws {
        for type in PropagationModels.registry.types {
            let scenario = try ScenarioTestSupport.load(
                ScenarioTestSupport.karate, overrides: [("model", #"{ type: "\#(type)" }"#)])
            let encoded = try JSONEncoder().encode(scenario.model)
            let decoded = try JSONDecoder().decode(ModelSettings.self, from: encoded)
            #expect(decoded == scenario.model, "\(type)")
            #expect(decoded.type == type)
        }
    }

    @Test func defaultRecommendersAreEveryRegisteredType() {
        #expect(
            Recommenders.registry.defaultEntries.map(\.type) == Recommenders.registry.types.filter { $0 != "neural" })
    }

    @Test func entriesOfDifferentKindsOrSettingsAreNotEqual() {
        #expect(ModelSettings(IndependentCascadeSettings()) != ModelSettings(LinearThresholdSettings()))
        #expect(
            ModelSettings(IndependentCascadeSettings(probability: .uniform(0.1)))
                != ModelSettings(IndependentCascadeSettings(probability: .uniform(0.2))))
        #expect(ModelSettings(SIRSettings()) != ModelSettings(SISSettings()))
        #expect(ModelSettings(SIRSettings()) == ModelSettings(SIRSettings()))
    }

    @Test func generatedGraphsKnowTheirSizeAndEdgeListsAreRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("edges.txt", "a b\nb c\n")
        let sbm = try ScenarioTestSupport.load(
            #"{ graph: { type: "stochastic_block_model", block_sizes: [3, 4] }, policies: [{ type: "random" }] }"#)
        #expect(sbm.graph.source.nodeCount == 7)
        let file = GraphSettings(EdgeListFileSettings(path: "edges.txt", header: .absent))
        #expect(file.source.nodeCount == nil)
        #expect(try file.nodeCount(baseDirectory: folder.path) == 3)
    }
}

/// Every registered kind has its documentation: a section on its page and its keys in
/// `Docs/Scenarios.md`.
@Suite struct RegistryDocumentationTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Docs")

    static func page(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    /// The headings of `page` at any level.
    static func headings(_ page: String) -> [String] {
        page.split(separator: "\n").filter { $0.hasPrefix("#") }.map { String($0) }
    }

    @Test func everyModelPolicyAndGraphSourceHasASection() throws {
        let pages: [(String, [String], String)] = [
            ("Models.md", PropagationModels.registry.types, "## "),
            ("Policies.md", SeedingPolicies.registry.types, "## "),
            ("Scenarios.md", GraphSources.registry.types, "### "),
        ]
        for (name, types, level) in pages {
            let headings = Self.headings(try Self.page(name))
            for type in types {
                #expect(
                    headings.contains { $0.hasPrefix(level) && $0.contains(type) }, "\(name) has no section for \(type)"
                )
            }
        }
    }

    @Test func everyOutputTableHasASection() throws {
        let headings = Self.headings(try Self.page("Outputs.md"))
        for table in ExperimentTables.all {
            #expect(headings.contains("## \(table.fileName)"), "Outputs.md has no section for \(table.fileName)")
            #expect(!table.summary.isEmpty)
        }
    }

    @Test func everyRecommenderHasARowInTheRecommenderTable() throws {
        let page = try Self.page("Recommenders.md")
        for type in Recommenders.registry.types {
            #expect(page.contains("| `\(type)` |"), "Recommenders.md has no row for \(type)")
        }
    }

    @Test func everyKeyOfEveryKindIsInTheScenarioReference() throws {
        let page = try Self.page("Scenarios.md")
        let headings = Self.headings(page)
        for registry in RegistryTests.registries {
            for (type, keys) in zip(registry.types, registry.keys) {
                #expect(
                    page.contains("`\(type)`") || headings.contains { $0.contains(type) },
                    "Scenarios.md does not name \(registry.section) type \(type)")
                for key in keys {
                    #expect(page.contains("`\(key)`"), "Scenarios.md does not document \(type).\(key)")
                }
            }
        }
    }
}
