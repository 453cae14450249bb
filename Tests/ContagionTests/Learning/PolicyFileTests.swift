import Foundation
import Testing

@testable import Contagion

/// policy.json round trips and refuses what it cannot use; the rl policy plays it.
@Suite struct PolicyFileTests {
    static func file(seed: UInt64 = 1) -> PolicyFile {
        var rng = Xoshiro256StarStar(seed: seed)
        let network = MultilayerPerceptron(layerSizes: [CandidateFeatures.count, 8, 1], using: &rng)
        return PolicyFile(
            policy: QNetworkPolicy(network: network), environment: .init(),
            training: .init(scenario: "test", seed: seed, episodes: 3, learner: .init(), usesEmbedding: false))
    }

    @Test func roundTripsBitForBit() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "policy.json")
        try Self.file().write(to: path)
        #expect(try PolicyFile.read(path: path) == Self.file())
        #expect(try folder.listing() == ["policy.json"])
    }

    @Test(arguments: [
        ("not json", "is not a policy file (not JSON)"),
        (#"{"format": "contagion-rl-policy"}"#, "is not a policy file (missing key"),
        ("FORMAT", "format is 'other', expected 'contagion-rl-policy'"),
        ("VERSION", "is version 2; this build reads version 1"),
        ("FEATURES", "was trained on features [degree]"),
        ("SHAPE", "do not make a network"),
    ])
    func badFilesAreRefusedWithTheReason(contents: String, message: String) throws {
        let folder = try TemporaryFolder()
        var text = contents
        if contents == contents.uppercased() {
            let encoder = JSONEncoder()
            var file = Self.file()
            switch contents {
            case "FORMAT": file.format = "other"
            case "VERSION": file.version = 2
            case "FEATURES": file.features = ["degree"]
            default: file.parameters.removeLast()
            }
            text = String(decoding: try encoder.encode(file), as: UTF8.self)
        }
        let path = try folder.write("policy.json", text)
        #expect(throws: PolicyFileError.self) { try PolicyFile.read(path: path) }
        do { _ = try PolicyFile.read(path: path) } catch let error as PolicyFileError {
            #expect(error.description.hasPrefix(path + ": "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
        #expect(throws: PolicyFileError.self) { try PolicyFile.read(path: folder.path(of: "missing.json")) }
    }

    /// A scenario's rl policy reads its file relative to the scenario; a bad file is an error at
    /// the policy's `file` key.
    @Test func scenariosLoadThePolicyFile() throws {
        let folder = try TemporaryFolder()
        try Self.file().write(to: folder.path(of: "policy.json"))
        let text = """
            { graph: { type: "builtin", name: "karate_club" }, model: { type: "independent_cascade", probability: 0.1 },
              budget: 3, policies: [{ type: "rl", file: "policy.json" }] }
            """
        let scenario = try ScenarioLoader.load(path: folder.write("scenario.json", text))
        #expect((scenario.policies[0].policy as? RLSeedsSettings)?.policyFile == Self.file())
        try folder.write("policy.json", "{}")
        do {
            _ = try ScenarioLoader.load(path: folder.path(of: "scenario.json"))
            Issue.record("loaded")
        } catch let error as ScenarioError {
            #expect(error.description.contains("policies[0].file: ") && error.description.contains("policy.json"))
        }
    }

    /// The rl policy returns `k` distinct users, the same every time, and on a star the hub first.
    @Test func rlSeedsAreDistinctAndDeterministic() throws {
        let policy = RLSeeds(file: Self.file())
        let world = Fixture.world(Fixture.star(leaves: 20))
        let model = CompiledModel.uniformCascade(
            IndependentCascade(graph: world.graph, probabilities: UniformArcProbability(0.2)))
        let context = SeedingContext(world: world, item: 0, model: model, threads: 1)
        var rng = Xoshiro256StarStar(seed: 1)
        let seeds = try policy.selectSeeds(count: 5, in: context, using: &rng)
        let again = try policy.selectSeeds(count: 5, in: context, using: &rng)
        #expect(Set(seeds).count == 5 && seeds == again)
    }
}
