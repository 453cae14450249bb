import Foundation
import Testing

@testable import Contagion
@testable import ContagionCommandLine

/// `users.file` and `items.file`: the tables `contagion generate` writes, read back.
@Suite struct PopulationFilesTests {
    /// A small platform with a dataset: a block model of 60 users, 5 topics, 7 items.
    static let scenario = """
        {
          seed: 5,
          graph: { type: "stochastic_block_model", block_sizes: [30, 30], p_in: 0.2, p_out: 0.02 },
          users: { topics: 5, homophily: 0.9 },
          items: { count: 7 },
          model: { type: "content_aware" },
          feed: { recommenders: [{ type: "popularity" }], slots: 1 },
          simulation: { max_steps: 4 },
          dataset: { name: "small", embedding_segments: false },
        }
        """

    /// The scenario with `users` and `items` replaced by `sections`.
    static func scenario(with sections: String) -> String {
        scenario.replacingOccurrences(
            of: "users: { topics: 5, homophily: 0.9 },\n  items: { count: 7 },", with: sections)
    }

    /// Generates the dataset into `folder/data` and returns the world it was drawn from.
    static func generate(in folder: TemporaryFolder) throws -> World {
        let path = try folder.write("generate.json", scenario)
        #expect(CommandLineTool.run(["generate", path, "--out", folder.path(of: "data"), "--quiet"]) == 0)
        return try ScenarioLoader.load(path: path).makeWorld(baseDirectory: folder.path)
    }

    /// Builds the world of the scenario `text`, saved in `folder`.
    static func world(_ text: String, in folder: TemporaryFolder) throws -> World {
        try ScenarioLoader.load(path: folder.write("read.json", text)).makeWorld(baseDirectory: folder.path)
    }
}

extension PopulationFilesTests {
    /// Generate, read `users.csv` and `items.csv` back: the same users and items, value for value.
    @Test func aGeneratedWorldReadsBackIdentically() throws {
        let folder = try TemporaryFolder()
        let original = try Self.generate(in: folder)
        let world = try Self.world(
            Self.scenario(
                with:
                    #"users: { topics: 5, homophily: 0.9, file: "data/users.csv" }, items: { count: 7, file: "data/items.csv" },"#
                    .replacingOccurrences(of: ", items:", with: ",\n  items:")),
            in: folder)
        #expect(world.users.interests == original.users.interests)
        #expect(world.users.activity == original.users.activity)
        #expect(world.users.sharePropensity == original.users.sharePropensity)
        #expect(world.users.communities == original.users.communities)
        #expect(
            world.catalogue.topics == original.catalogue.topics && world.catalogue.prices == original.catalogue.prices)
        #expect(world.catalogue.appeal == original.catalogue.appeal)
        #expect(world.catalogue.categories == original.catalogue.categories)
    }

    /// A file with some columns replaces those values only (and empty fields none): the rest
    /// are what the parameters draw without a file.
    @Test func missingColumnsAndEmptyFieldsAreDrawn() throws {
        let folder = try TemporaryFolder()
        let original = try Self.generate(in: folder)
        let names = (0..<60).map { original.graph.name(of: NodeID($0)) }
        let rows = names.enumerated().map { user, name in "\(name),\(user == 3 ? "" : "0.25")" }
        _ = try folder.write("activity.csv", (["user,activity"] + rows).joined(separator: "\n") + "\n")
        _ = try folder.write("prices.csv", "price,item\n9.5,2\n,0\n1,1\n2,3\n3,4\n4,5\n5,6\n")
        let world = try Self.world(
            Self.scenario(
                with:
                    "users: { topics: 5, homophily: 0.9, file: \"activity.csv\" },\n  items: { count: 7, file: \"prices.csv\" },"
            ), in: folder)
        #expect(world.users.interests == original.users.interests)
        #expect(world.users.sharePropensity == original.users.sharePropensity)
        #expect(world.users.activity[3] == original.users.activity[3])
        #expect(world.users.activity.enumerated().allSatisfy { $0.offset == 3 || $0.element == 0.25 })
        #expect(world.catalogue.prices == [original.catalogue.prices[0], 1, 9.5, 2, 3, 4, 5])
        #expect(world.catalogue.topics == original.catalogue.topics)
    }

    /// Every bad file is one error naming the file and line, or the key it disagrees with.
    @Test(arguments: [
        ("user,activity\nnobody,0.5\n", "u.csv:2: user: expected a user of the graph, found 'nobody'"),
        ("user,activity\n0,1.5\n", "u.csv:2: activity: expected a number in [0, 1], found '1.5'"),
        ("user,community\n0,-1\n", "u.csv:2: community: expected an integer community in 0…59, found '-1'"),
        ("user,activity\n0,0.5\n0,0.5\n", "u.csv:3: user '0' is listed twice"),
        (
            "user,activity\n0,0.5\n",
            "u.csv: expected a row for every one of the graph's 60 users, found 1 (no row for '1')"
        ),
        ("name,activity\n0,0.5\n", "u.csv:1: expected a 'user' column"),
        ("user,interest_0,interest_2\n0,1,1\n", "u.csv:1: expected columns interest_0 … interest_1 without gaps"),
        ("user,interest_0,interest_1\n0,1,1\n", "users.topics: must equal the 2 interest columns of"),
        ("user,activity\n0,\"0.5\n", "u.csv:3: has an unclosed quote"),
        ("user,activity\n\n\n0,2\n", "u.csv:4: activity: expected a number in [0, 1], found '2'"),
        (
            "user,interest_0,interest_1,interest_2,interest_3,interest_4\n0,1e300,0,0,0,0\n",
            "u.csv:2: interest_0: expected a number ≥ 0, found '1e300'"
        ),
        ("user,community\n0,60\n", "u.csv:2: community: expected an integer community in 0…59, found '60'"),
    ])
    func badUserFilesAreErrorsAtTheirLine(contents: String, message: String) throws {
        try Self.expectRefused(
            "u.csv", contents, sections: "users: { topics: 5, file: \"u.csv\" },\n  items: { count: 7 },", message)
    }

    @Test(arguments: [
        ("item,price\n0,1\n", "items.count: must equal the 1 rows of"),
        (
            "item,price\n0,1\n1,1\n1,1\n3,1\n4,1\n5,1\n6,1\n",
            "i.csv:4: item: expected a new item number in 0…6, found '1'"
        ),
        ("item,price\n0,-1\n1,1\n2,1\n3,1\n4,1\n5,1\n6,1\n", "i.csv:2: price: expected a price ≥ 0, found '-1'"),
        ("price\n1\n1\n1\n1\n1\n1\n1\n", "i.csv:1: expected an 'item' column"),
        ("item,topic_0\n0,1\n1,1\n2,1\n3,1\n4,1\n5,1\n6,1\n", "users.topics: must equal the 1 topic columns of"),
    ])
    func badItemFilesAreErrors(contents: String, message: String) throws {
        try Self.expectRefused(
            "i.csv", contents, sections: "users: { topics: 5 },\n  items: { count: 7, file: \"i.csv\" },", message)
    }

    /// Building the world with `contents` saved as `name` and `sections` in the scenario fails
    /// with an error whose line contains `message`.
    static func expectRefused(
        _ name: String, _ contents: String, sections: String, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let folder = try TemporaryFolder()
        _ = try folder.write(name, contents)
        do {
            _ = try world(scenario(with: sections), in: folder)
            Issue.record("read without error", sourceLocation: sourceLocation)
        } catch let error as any InputError {
            #expect(error.description.contains(message), "\(error.description)", sourceLocation: sourceLocation)
        }
    }

    /// The manifest's scenario names the files by absolute paths, so that it reruns from anywhere.
    @Test func resolvedScenariosNameTheFilesAbsolutely() throws {
        let folder = try TemporaryFolder()
        let scenario = try ScenarioLoader.load(
            path: folder.write(
                "s.json",
                Self.scenario(
                    with: "users: { topics: 5, file: \"u.csv\" },\n  items: { count: 7, file: \"/data/i.csv\" },")))
        let resolved = scenario.resolvingPaths(against: "/base")
        #expect(resolved.users.file == "/base/u.csv" && resolved.items.file == "/data/i.csv")
    }

    /// `validate` refuses a missing file with exit code 2 and one line.
    @Test func aMissingFileIsRefusedByValidate() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "s.json", Self.scenario(with: "users: { topics: 5, file: \"gone.csv\" },\n  items: { count: 7 },"))
        #expect(CommandLineTool.run(["validate", path]) == 2)
        #expect(throws: PopulationFileError(path: folder.path(of: "gone.csv"), line: nil, message: "no such file")) {
            try ScenarioLoader.load(path: path).makeWorld(baseDirectory: folder.path)
        }
    }
}
