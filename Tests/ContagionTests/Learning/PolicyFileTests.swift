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

// MARK: - Played outside its training setup

extension PolicyFileTests {
    /// A scenario playing the policy where it was trained gets no note; another model, budget,
    /// content mode or rounds each get one sentence, and an old file without a model record
    /// says so.
    @Test func playingOutsideTheTrainingSetupIsNoted() throws {
        let folder = try TemporaryFolder()
        let model = #"{ type: "independent_cascade", probability: 0.1 }"#
        func notes(_ overrides: [(String, String)] = [], file edit: (inout PolicyFile) -> Void = { _ in }) throws
            -> [String]
        {
            var file = Self.file()
            file.environment.budget = 3
            file.training.model = try ScenarioTestSupport.load(
                "{ graph: { type: \"builtin\", name: \"karate_club\" }, model: \(model), policies: [{ type: \"degree\" }] }"
            ).model.canonicalJSON
            file.training.items = 1
            edit(&file)
            try file.write(to: folder.path(of: "policy.json"))
            let text = """
                { graph: { type: "builtin", name: "karate_club" }, model: \(model), items: { count: 3 },
                  budget: 3, policies: [{ type: "rl", file: "policy.json" }] }
                """
            return try ScenarioLoader.load(path: folder.write("scenario.json", text), overrides: overrides)
                .policyNotes["rl"] ?? []
        }
        #expect(try notes() == [])
        #expect(try notes([("budget", "[3, 5]")]) == ["trained for k = 3, played at k = 3, 5"])
        let modelNote = try notes([("model", #"{ type: "linear_threshold" }"#)])
        #expect(modelNote.count == 1)
        #expect(
            modelNote.first?.hasPrefix(
                #"trained under the model {"probability":0.1,"type":"independent_cascade"}, played under {"#) == true)
        #expect(modelNote.first?.contains(#""type":"linear_threshold""#) == true)
        #expect(
            try notes([("simulation.items", "[0, 2]"), ("simulation.content", "joint")]) == [
                "trained on one item, played choosing each seed's item among 2"
            ])
        #expect(
            try notes(file: { $0.training.items = 4 }) == [
                "trained to choose each seed's item among 4, played for one item at a time (content each)"
            ])
        #expect(
            try notes(file: { $0.environment.rounds = 5 }) == [
                "trained to seed over 5 round(s), played over 1"
            ])
        #expect(
            try notes(file: { $0.training.model = nil }) == [
                "its file does not record the model it was trained under"
            ])
    }
}
