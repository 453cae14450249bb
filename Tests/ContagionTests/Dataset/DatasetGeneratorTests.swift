import Foundation
import Testing

@testable import Contagion

/// `contagion generate`'s files, read back as a user would read them.
@Suite struct DatasetGeneratorTests {
    static let files = [
        "dataset.md", "graph.csv", "interactions.csv", "items.csv", "report.html", "statistics.csv", "tiny.inter",
        "tiny.item", "tiny.test.inter", "tiny.train.inter", "tiny.user", "tiny.valid.inter", "users.csv",
    ]

    @Test func theFilesParseBackAndAgreeWithTheCard() throws {
        let (folder, report, scenario) = try DatasetFixture.generate()
        let out = folder.path(of: "out")
        #expect(try folder.listing("out") == Self.files)
        #expect(report.files == Self.files)
        let interactions = try DatasetFixture.rows(out + "/interactions.csv")
        #expect(interactions[0] == DatasetLog.columns)
        let rows = interactions.dropFirst()
        #expect(rows.count == report.interactions)
        let card = try String(contentsOfFile: out + "/dataset.md", encoding: .utf8)
        for action in InteractionAction.allCases {
            let count = rows.filter { $0[3] == action.rawValue }.count
            #expect(card.contains("| \(action.rawValue) | \(count) |"), "\(action): \(count)")
        }
        // Time order, and causes before effects at the same second.
        let times = rows.map { Int($0[0])! }
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        var seen = Set<[String]>()
        for row in rows {
            let key = [row[0], row[1], row[2]]
            switch row[3] {
            case "impression": seen.insert(key + ["impression"])
            case "click": #expect(seen.contains(key + ["impression"]))
            case "purchase": seen.insert(key + ["purchase"])
            case "rating":
                #expect(seen.contains(key + ["purchase"]))
                let stars = Int(row[4])!
                #expect((1...5).contains(stars) && row[5] == RatingModel.sentiment(of: stars))
            default: break
            }
            if row[3] != "rating" { #expect(row[4].isEmpty && row[5].isEmpty) }
        }
        // RecBole: one .inter row per click, split in time order into three parts.
        let clicks = rows.filter { $0[3] == "click" }
        let inter = try DatasetFixture.rows(out + "/tiny.inter", separator: "\t")
        #expect(inter[0] == DatasetLog.recBoleColumns)
        #expect(inter.dropFirst().map { [$0[0], $0[1], $0[3], $0[4]] } == clicks.map { [$0[1], $0[2], $0[0], $0[6]] })
        let parts = try ["train", "valid", "test"].map {
            try DatasetFixture.rows(out + "/tiny.\($0).inter", separator: "\t")
        }
        #expect(parts.allSatisfy { $0[0] == DatasetLog.recBoleColumns })
        #expect(Array(parts.map { $0.dropFirst() }.joined()) == Array(inter.dropFirst()))
        #expect(parts[0].count - 1 == Int(Double(clicks.count) * 0.8))
        // The static tables.
        let world = try scenario.makeWorld(baseDirectory: folder.path)
        #expect(try DatasetFixture.rows(out + "/users.csv").count == 901)
        #expect(try DatasetFixture.rows(out + "/tiny.user", separator: "\t").count == 901)
        #expect(try DatasetFixture.rows(out + "/items.csv").count == 25)
        #expect(try DatasetFixture.rows(out + "/graph.csv").count == world.graph.arcCount + 1)
        #expect(card.contains("\(clicks.count) clicks") == false)  // the split line names each part
        #expect(card.contains("`tiny.train.inter` \(parts[0].count - 1) clicks"))
    }

    @Test func theFilesAreIdenticalAtAnyThreadCount() throws {
        let one = try DatasetFixture.generate(threads: 1)
        let two = try DatasetFixture.generate(threads: 2)
        for name in Self.files {
            let a = try Data(contentsOf: URL(fileURLWithPath: one.folder.path(of: "out/\(name)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: two.folder.path(of: "out/\(name)")))
            #expect(a == b, "\(name)")
        }
    }
}

extension DatasetGeneratorTests {
    /// Latent interests drive behaviour: recomputing each impression's affinity from the
    /// written interest and topic vectors, the click rate of the top third of affinities beats
    /// the bottom third's by more than 5 standard errors.
    @Test func clickRatesRiseWithAffinity() throws {
        let (folder, _, _) = try DatasetFixture.generate()
        let out = folder.path(of: "out")
        let users = try DatasetFixture.rows(out + "/users.csv").dropFirst()
        let items = try DatasetFixture.rows(out + "/items.csv").dropFirst()
        var interests: [String: [Double]] = [:]
        for row in users { interests[row[0]] = row[6...].map { Double($0)! } }
        let topics = items.map { $0[4...].map { Double($0)! } }
        func affinity(_ user: String, _ item: String) -> Double {
            let a = interests[user]!
            let b = topics[Int(item)!]
            let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
            return dot / norms
        }
        var exposures: [(affinity: Double, clicked: Bool)] = []
        var clickedAt = Set<[String]>()
        let rows = try DatasetFixture.rows(out + "/interactions.csv").dropFirst()
        for row in rows where row[3] == "click" { clickedAt.insert([row[0], row[1], row[2]]) }
        var counted = Set<[String]>()
        for row in rows where row[3] == "impression" {
            // One impression per (second, user, item) carries the click, if any.
            let key = [row[0], row[1], row[2]]
            exposures.append((affinity(row[1], row[2]), clickedAt.contains(key) && counted.insert(key).inserted))
        }
        exposures.sort { $0.affinity < $1.affinity }
        let third = exposures.count / 3
        func rate(_ slice: ArraySlice<(affinity: Double, clicked: Bool)>) -> (p: Double, variance: Double) {
            let p = Double(slice.filter(\.clicked).count) / Double(slice.count)
            return (p, p * (1 - p) / Double(slice.count))
        }
        let low = rate(exposures[..<third])
        let high = rate(exposures[(exposures.count - third)...])
        #expect(exposures.count > 3000)
        #expect(high.p - low.p > 5 * (low.variance + high.variance).squareRoot(), "\(low.p) → \(high.p)")
    }

    /// On the split of a dataset logged with a random feed, per-user NDCG@10 orders the
    /// recommenders oracle > learned (item_cf, MF) > popularity > random, each step by more
    /// than 3 standard errors of the paired per-user difference. (user_cf beats popularity by
    /// only 1.5 standard errors at this size; Docs/Datasets.md.)
    @Test func recommendersRankAsExpectedOnTheSplit() throws {
        let (folder, _, scenario) = try DatasetFixture.generate(
            overrides: [("graph.block_sizes", "[900, 900, 900]"), ("graph.p_in", "0.01")])
        let out = folder.path(of: "out")
        let world = try scenario.makeWorld(baseDirectory: folder.path)
        let parameters = try #require(scenario.model.model.funnel)
        let context = RecommenderContext(
            world: world, truth: FeedClickModel(world: world, parameters: parameters), embedding: nil)
        func pairs(_ parts: [String]) throws -> [(user: NodeID, item: Int32)] {
            try parts.flatMap { part in
                try DatasetFixture.rows(out + "/tiny.\(part).inter", separator: "\t").dropFirst().map {
                    (NodeID($0[0])!, Int32($0[1])!)
                }
            }
        }
        let n = world.users.count
        let m = world.catalogue.count
        let training = InteractionMatrix(userCount: n, itemCount: m, pairs: try pairs(["train", "valid"]))
        let test = InteractionMatrix(userCount: n, itemCount: m, pairs: try pairs(["test"]))
        let users = (0..<n).filter { user in test.items(of: user).contains { !training.hasClicked(user, Int($0)) } }
        #expect(users.count > 150)
        func gains(_ prototype: any Recommender) -> [Double] {
            var recommender = prototype
            var rng = Xoshiro256StarStar(seed: 4)
            recommender.fit(training, context: context, using: &rng)
            return users.map { user in
                let relevant = Set(test.items(of: user).map(Int.init).filter { !training.hasClicked(user, $0) })
                return RecommenderEvaluation.ndcg(
                    recommender.recommend(for: user, count: 10, clicks: training, using: &rng), relevant: relevant,
                    k: 10)
            }
        }
        func expectBetter(_ a: [Double], _ b: [Double], _ label: String) {
            let difference = SampleSummary(zip(a, b).map { $0 - $1 })
            #expect(difference.mean > 3 * difference.standardError, "\(label): \(difference.mean)")
        }
        let oracle = gains(OracleRecommender())
        let learned = [gains(ItemKNNRecommender()), gains(MatrixFactorizationRecommender())]
        let popularity = gains(PopularityRecommender())
        let random = gains(RandomRecommender())
        for (index, scores) in learned.enumerated() {
            expectBetter(oracle, scores, "oracle over learned \(index)")
            expectBetter(scores, popularity, "learned \(index) over popularity")
        }
        expectBetter(popularity, random, "popularity over random")
    }
}
