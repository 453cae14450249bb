import Foundation
import Testing

@testable import Contagion

/// The split, the rating model and the dataset section on their own.
@Suite struct DatasetPartsTests {
    @Test func theSplitKeepsOrderHeaderAndShares() throws {
        let folder = try TemporaryFolder()
        let rows = (0..<103).map { "row \($0)\n" }.joined()
        let source = try folder.write("all.inter", "a:token\tb:float\n" + rows)
        let parts = ["train", "valid", "test"].map { URL(fileURLWithPath: folder.path(of: "\($0).inter")) }
        let sizes = try ChronologicalSplit.split(
            URL(fileURLWithPath: source), rowCount: 103, train: 0.8, valid: 0.1, into: parts)
        #expect(sizes == [82, 10, 11])
        let texts = try parts.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.allSatisfy { $0.hasPrefix("a:token\tb:float\n") })
        #expect(texts.map { $0.dropFirst("a:token\tb:float\n".count) }.joined() == rows)
        #expect(texts[1].contains("row 82\n") && texts[2].hasSuffix("row 102\n"))
    }

    /// Without noise a rating is `clamp(round(3 + 1.5·z), 1, 5)` exactly; deciles split the
    /// sampled affinities into tenths.
    @Test func ratingsFollowStandardisedAffinity() {
        let world = Fixture.world(Fixture.star(leaves: 200))
        let truth = FeedClickModel(world: world, parameters: ContentAwareParameters())
        var settings = DatasetSettings()
        settings.ratingNoise = 0
        settings.ratingProbability = 1
        var rng = Xoshiro256StarStar(seed: 1)
        let model = RatingModel(truth: truth, settings: settings, using: &rng)
        for z in stride(from: -3.0, through: 3.0, by: 0.25) {
            let affinity = model.mean + z * model.standardDeviation
            let expected = Int(min(5, max(1, (3 + 1.5 * z).rounded())))
            #expect(model.rating(affinity: affinity, using: &rng) == expected)
        }
        #expect(model.decile(of: -.infinity) == 0 && model.decile(of: .infinity) == 9)
        #expect(model.decile(of: model.decileEdges[4]) == 5)
        settings.ratingProbability = 0
        #expect(RatingModel(truth: truth, settings: settings, using: &rng).rating(affinity: 1, using: &rng) == nil)
        #expect(
            [1, 2, 3, 4, 5].map(RatingModel.sentiment) == [
                "negative", "negative", "neutral", "positive", "positive",
            ])
    }

    @Test(arguments: [
        ("dataset: { train_fraction: 1.2 }", "dataset.train_fraction"),
        ("dataset: { valid_fraction: 0.3 }", "dataset.valid_fraction"),
        ("dataset: { seeds_per_item: -1 }", "dataset.seeds_per_item"),
        ("dataset: { name: 'a/b' }", "dataset.name"),
        ("dataset: { colour: 1 }", "dataset.colour"),
        ("dataset: { rating_probability: 2 }", "dataset.rating_probability"),
    ])
    func badDatasetKeysAreNamed(section: String, keyPath: String) throws {
        let (error, _) = try ScenarioTestSupport.error(
            "{ graph: { type: 'builtin', name: 'karate_club' }, \(section) }")
        #expect(error.description.contains(keyPath), "\(error)")
    }

    @Test func aDatasetScenarioNeedsNoPolicyButRunDoes() throws {
        let scenario = try ScenarioTestSupport.load(
            "{ graph: { type: 'builtin', name: 'karate_club' }, dataset: {} }")
        #expect(scenario.policies.isEmpty && scenario.dataset == DatasetSettings())
        let world = try scenario.makeWorld(baseDirectory: ".")
        #expect(throws: ScenarioError.self) { try scenario.makePlan(world: world) }
        let (error, _) = try ScenarioTestSupport.error("{ graph: { type: 'builtin', name: 'karate_club' } }")
        #expect(error.description.contains("policies"))
    }

    @Test(arguments: [
        ("model.type", "independent_cascade", "model.type: contagion generate needs the content_aware model"),
        ("feed", "{ recommenders: [{ type: 'random' }, { type: 'popularity' }] }", "feed.recommenders: "),
        ("dataset.seeds_per_item", "50", "dataset.seeds_per_item: must be ≤ the graph's 34 users"),
    ])
    func scenariosThatCannotMakeADatasetAreRefused(key: String, value: String, message: String) throws {
        do {
            _ = try DatasetFixture.generate(
                "{ graph: { type: 'builtin', name: 'karate_club' }, simulation: { max_steps: 3 }, "
                    + "dataset: { embedding_segments: false } }",
                overrides: [(key, value)])
            Issue.record("generated")
        } catch let error as ScenarioError {
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
