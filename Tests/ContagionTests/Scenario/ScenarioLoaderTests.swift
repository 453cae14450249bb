import Foundation
import Testing

@testable import Contagion

@Suite struct ScenarioLoaderTests {}

// MARK: - Reading files

extension ScenarioLoaderTests {
    @Test func json5CommentsTrailingCommasAndUnquotedKeys() throws {
        let text = """
            // A line comment before the object.
            {
              /* a block
                 comment */
              name: "json5",   // trailing comment
              "seed": 42,
              graph: { type: "builtin", name: "florentine_families", },
              policies: [ { type: "degree", }, ],
            }
            """
        let scenario = try ScenarioTestSupport.load(text)
        #expect(scenario.name == "json5")
        #expect(scenario.seed == 42)
        #expect(scenario.graph.type == "builtin")
        #expect((scenario.graph.source as? BuiltinGraphSettings)?.name == .florentineFamilies)
        #expect(scenario.policies.map(\.type) == ["degree"])
    }

    @Test func missingKeysTakeTheirDefaults() throws {
        let scenario = try ScenarioTestSupport.load(
            #"{ graph: { type: "erdos_renyi" }, policies: [{ type: "random" }] }"#, name: "tiny-defaults.json5")
        #expect(scenario.name == "tiny-defaults")
        #expect(scenario.seed == 1)
        #expect(scenario.budget == 10)
        let graph = try #require(scenario.graph.source as? ErdosRenyiSettings)
        #expect(graph.nodes == 1000)
        #expect(graph.meanDegree == 8)
        #expect(scenario.graph.directed == false)
        #expect(scenario.graph.tieStrength == TieStrengthSettings())
        #expect(scenario.graph.tieStrength?.distributionValue == .uniform(min: 0.1, max: 1))
        #expect(scenario.users == UserSettings())
        #expect(scenario.items == ItemSettings())
        #expect(scenario.model == ModelSettings())
        #expect(scenario.model.type == "content_aware")
        #expect(scenario.simulation == SimulationSettings())
        #expect(scenario.simulation.replicates == 100)
        #expect(scenario.simulation.maxSteps == nil)
        #expect(scenario.stepLimit == .max)  // content-aware cascades end by themselves

        #expect(scenario.simulation.items == [0])
        #expect(scenario.simulation.events == false)
        #expect(scenario.output.directory == nil)
        #expect(scenario.policies[0].name == "random")
        #expect(scenario.policies[0].k == nil)
        #expect(scenario.budgets(ofPolicy: 0) == 10)
    }

    @Test func policyDefaultsDependOnTheType() throws {
        let text = """
            {
              graph: { type: "builtin", name: "karate_club" },
              budget: 4,
              policies: [
                { type: "explicit", users: ["0", "33", "5"] },
                { type: "degree_discount" },
                { type: "pagerank", k: 2 },
              ],
            }
            """
        let scenario = try ScenarioTestSupport.load(text)
        #expect(scenario.policies.map(\.name) == ["explicit", "degree_discount", "pagerank"])
        #expect((scenario.policies[0].policy as? ExplicitSeedsSettings)?.users == ["0", "33", "5"])
        #expect(scenario.budgets(ofPolicy: 0) == 3)  // explicit: the users listed
        #expect((scenario.policies[1].policy as? DegreeDiscountSettings)?.probability == nil)  // the model's
        #expect(scenario.budgets(ofPolicy: 1) == 4)
        #expect((scenario.policies[2].policy as? PageRankSettings)?.damping == 0.85)
        #expect(scenario.budgets(ofPolicy: 2) == 2)
    }

    @Test func modelDefaultsDependOnTheType() throws {
        func model(_ text: String) throws -> ModelSettings {
            try ScenarioTestSupport.load(
                #"{ graph: { type: "builtin", name: "karate_club" }, policies: [{ type: "random" }], model: \#(text) }"#
            ).model
        }
        func cascade(_ text: String) throws -> ProbabilitySetting? {
            try (model(text).model as? IndependentCascadeSettings)?.probability
        }
        #expect(try cascade(#"{ type: "independent_cascade" }"#) == .weightedCascade)
        #expect(try cascade(#"{ type: "independent_cascade", probability: "trivalency" }"#) == .trivalency)
        #expect(try cascade(#"{ type: "independent_cascade", probability: 0.25 }"#) == .uniform(0.25))
        #expect(try (model(#"{ type: "linear_threshold" }"#).model as? LinearThresholdSettings)?.weights == .uniform)
        let sir = try #require(try model(#"{ type: "sir" }"#).model as? SIRSettings)
        #expect(sir.transmission == .uniform(0.05))
        #expect(sir.recovery == 0.2)
        #expect(try model(#"{ type: "sis" }"#).model is SISSettings)
        #expect(try model(#"{}"#) == ModelSettings())
    }

    @Test func theNameKeyWinsOverTheFileName() throws {
        let scenario = try ScenarioTestSupport.load(ScenarioTestSupport.karate, name: "file-name.json")
        #expect(scenario.name == "file-name")
        let named = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, name: "file-name.json", overrides: [("name", "given")])
        #expect(named.name == "given")
    }
}

// MARK: - Errors

extension ScenarioLoaderTests {
    @Test func unknownKeyNamesItsPathAndTheAllowedKeys() throws {
        let (error, path) = try ScenarioTestSupport.error(
            #"{ graph: { type: "erdos_renyi", nodez: 10 }, policies: [{ type: "random" }] }"#)
        #expect(error.file == path)
        #expect(error.keyPath == "graph.nodez")
        #expect(
            error.description
                == "\(path): graph.nodez: unknown key (expected one of: directed, mean_degree, nodes, tie_strength, type)"
        )
    }

    @Test func keyOfAnotherGraphTypeIsUnknown() throws {
        let (error, path) = try ScenarioTestSupport.error(
            #"{ graph: { type: "builtin", name: "karate_club", nodes: 10 }, policies: [{ type: "random" }] }"#)
        #expect(error.description == "\(path): graph.nodes: unknown key (expected one of: name, type)")
    }

    @Test func unknownTopLevelKey() throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("replicates", "5")])
        #expect(
            error.description
                == "\(path): replicates: unknown key (expected one of: baseline, budget, dataset, embedding, feed, graph, items, model, name, "
                + "output, policies, rl, seed, simulation, users)")
    }

    @Test func wrongTypeNamesWhatWasFound() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("budget", #""ten""#)])
        #expect(error.keyPath == "budget")
        #expect(error.description == "\(path): budget: expected an integer or a list of integers, got \"ten\"")
        let (boolean, _) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("simulation.events", "3")])
        #expect(boolean.keyPath == "simulation.events")
        #expect(boolean.message.hasPrefix("expected true or false"))
    }

    @Test func outOfRangeValues() throws {
        let cases: [(key: String, value: String, description: String)] = [
            ("policies[1].k", "0", "policies[1].k: must be ≥ 1, got 0"),
            ("budget", "0", "budget: must be ≥ 1, got 0"),
            ("simulation.replicates", "0", "simulation.replicates: must be in [1, 1000000000], got 0"),
            ("simulation.max_steps", "1000000000", "simulation.max_steps: must be in [1, 1000000], got 1000000000"),
            ("simulation.items", "[0, 0]", "simulation.items[1]: must list each item once, got 0 twice"),
            ("items.count", "9223372036854775807", "items.count: must be in [1, 2147483646], got 9223372036854775807"),
            ("name", #""..""#, "name: must name a folder: no '/', not '.' or '..', got '..'"),
            ("name", #""""#, "name: must be 1 to 200 characters, got ''"),
            ("name", #""a\u0007b""#, "name: must not contain control characters, got 'a\\u{7}b'"),
            ("policies[0].name", #""x\ny""#, "policies[0].name: must not contain control characters, got 'x\\ny'"),
            ("model.probability", "1.5", "model.probability: must be in [0, 1], got 1.5"),
            ("users.topics", "0", "users.topics: must be in [1, 1024], got 0"),
            ("name", #""a/b""#, "name: must name a folder: no '/', not '.' or '..', got 'a/b'"),
        ]
        for (key, value, description) in cases {
            let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [(key, value)])
            #expect(error.description == "\(path): \(description)")
        }
    }

    @Test func unknownGraphType() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("graph.type", "lattice")])
        #expect(
            error.description
                == "\(path): graph.type: expected one of: erdos_renyi, barabasi_albert, watts_strogatz, "
                + "stochastic_block_model, configuration_model, file, builtin, got 'lattice'")
    }

    @Test func unknownModelType() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("model.type", "bass")])
        #expect(
            error.description
                == "\(path): model.type: expected one of: independent_cascade, linear_threshold, content_aware, sir, sis, got 'bass'"
        )
    }

    @Test func unknownPolicyType() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[0].type", "greedy")])
        #expect(
            error.description
                == "\(path): policies[0].type: expected one of: explicit, random, degree, degree_discount, pagerank, celf, imm, opim, embedding, rl, got 'greedy'"
        )
    }

    @Test func missingRequiredKeys() throws {
        let (policies, path) = try ScenarioTestSupport.error(#"{ graph: { type: "builtin", name: "karate_club" } }"#)
        #expect(policies.description == "\(path): policies: is required but missing")
        let (graph, graphPath) = try ScenarioTestSupport.error(#"{ policies: [{ type: "random" }] }"#)
        #expect(graph.description == "\(graphPath): graph: is required but missing")
        let (name, namePath) = try ScenarioTestSupport.error(
            #"{ graph: { type: "builtin" }, policies: [{ type: "random" }] }"#)
        #expect(name.description == "\(namePath): graph.name: is required but missing")
    }

    @Test func emptyPolicyList() throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("policies", "[]")])
        #expect(error.description == "\(path): policies: must list at least one policy, got []")
    }

    @Test func duplicatePolicyNames() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[1].name", "random")])
        #expect(error.keyPath == "policies[1].name")
        #expect(error.description == "\(path): policies[1].name: must be unique, got 'random' twice")
    }

    @Test func simulationItemOutOfRange() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("simulation.items", "[0, 12]")])
        #expect(error.description == "\(path): simulation.items[1]: must be < items.count (10), got 12")
        let (smaller, smallerPath) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("items.count", "2"), ("simulation.items", "[1, 2]")])
        #expect(smaller.description == "\(smallerPath): simulation.items[1]: must be < items.count (2), got 2")
    }

    @Test func missingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(of: "absent.json")
        #expect(throws: ScenarioError(file: path, keyPath: "", message: "no such file")) {
            try ScenarioLoader.load(path: path)
        }
        #expect(ScenarioError(file: path, keyPath: "", message: "no such file").description == "\(path): no such file")
    }

    /// The loader's own JSON5 parser names the line and column of every problem, including
    /// what Foundation's parser would crash on or accept silently.
    @Test(arguments: [
        (String(repeating: "[", count: 100_000), "1:65", "expected at most 64 nested objects and lists, found '['"),
        ("{ seed: 1, seed: 2 }", "1:12", "expected each key once in an object, found 'seed' a second time"),
        ("{ seed: 01 }", "1:9", "expected a number without a leading zero (JSON5 reads 01 as no number), found '01'"),
        ("{ seed: 1E400 }", "1:9", "expected a number within ±1.7976931348623157e308, found '1E400'"),
        (
            "{ seed: 18446744073709551616 }", "1:9",
            "expected an integer within 64 bits (from -9223372036854775808 to 18446744073709551615), "
                + "found '18446744073709551616'"
        ),
        ("{ seed: inf }", "1:9", "expected a value (object, list, string, number, true, false or null), found 'inf'"),
        ("{ \"a\u{0}\": 1 }", "1:5", "expected no NUL byte in a string, found the control character U+0000"),
        (
            "{ 'a\nb': 1 }", "1:5",
            "expected the string to close before the line ends, found the control character U+000A"
        ),
        ("{ /* never closed", "1:3", "expected '*/' to close the comment, found '/'"),
        ("{ seed: 1, ", "1:12", "expected a key or '}', found the end of the file"),
        ("{ graph: }", "1:10", "expected a value (object, list, string, number, true, false or null), found '}'"),
        ("not json at all", "1:1", "expected a value (object, list, string, number, true, false or null), found 'not'"),
        ("", "1:1", "expected a value (object, list, string, number, true, false or null), found the end of the file"),
        ("// comment\n{\n  seed: 1,,\n}", "3:11", "expected a key or '}', found ','"),
        ("{ a: [1, 2 }", "1:12", "expected ',' or ']', found '}'"),
    ])
    func invalidJSONNamesLineAndColumn(text: String, location: String, message: String) throws {
        let (error, path) = try ScenarioTestSupport.error(text)
        #expect(error.description == "\(path):\(location): \(message)")
        #expect(!error.description.contains("DecodingError"))
    }

    @Test func descriptionWithoutAFile() {
        #expect(
            ScenarioError(keyPath: "budget", message: "must be ≥ 1, got 0").description == "budget: must be ≥ 1, got 0")
        #expect(ScenarioError(keyPath: "", message: "no such file").description == "no such file")
    }
}

// MARK: - Overrides

extension ScenarioLoaderTests {
    @Test func overridesReplaceValuesAtKeyPaths() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [
                ("budget", "3"), ("policies[1].k", "4"), ("model.probability", "0.25"), ("simulation.items", "[0, 1]"),
            ])
        #expect(scenario.budget == 3)
        #expect(scenario.policies[1].k == 4)
        #expect(scenario.budgets(ofPolicy: 0) == 3)
        #expect((scenario.model.model as? IndependentCascadeSettings)?.probability == .uniform(0.25))
        #expect(scenario.simulation.items == [0, 1])
        // Untouched keys keep the file's values.
        #expect(scenario.seed == 7)
        #expect(scenario.simulation.replicates == 5)
    }

    @Test func overridesCreateMissingKeys() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [
                ("output.directory", "results/run1"), ("items.price.sigma", "0"), ("simulation.events", "true"),
            ])
        #expect(scenario.output.directory == "results/run1")
        #expect(scenario.items.price.sigma == 0)
        #expect(scenario.simulation.events)
        #expect(scenario.simulation.replicates == 5)
    }

    @Test func overridesApplyInOrder() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("budget", "3"), ("budget", "5")])
        #expect(scenario.budget == 5)
    }

    @Test func overrideValuesAreJSON5OrText() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [
                ("name", "plain-text"), ("policies[0]", #"{ type: "pagerank", damping: 0.5 }"#),
                ("policies[1].name", #""2026""#),
            ])
        #expect(scenario.name == "plain-text")
        #expect(scenario.policies[0].type == "pagerank")
        #expect((scenario.policies[0].policy as? PageRankSettings)?.damping == 0.5)
        #expect(scenario.policies[1].name == "2026")
    }

    @Test func overrideThatIntroducesABadValueIsCheckedLikeTheFile() throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("graph.nodez", "3")])
        #expect(error.description == "\(path): graph.nodez: unknown key (expected one of: name, type)")
    }

    @Test func overrideIndexOutOfRange() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[5].k", "1")])
        #expect(error.description == "\(path): policies[5].k: index 5 is out of range (the list has 2)")
    }

    @Test func overrideThroughAScalar() throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("budget.x", "1")])
        #expect(error.description == "\(path): budget.x: does not lead through objects and lists")
    }

    @Test func malformedOverridePath() throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("a..b", "1")])
        #expect(error.description == "\(path): a..b: malformed key path")
    }
}

// MARK: - Numbers the JSON tree must carry exactly

extension ScenarioLoaderTests {
    @Test(
        arguments: [0, 9_007_199_254_740_993, 9_223_372_036_854_775_807, 9_223_372_036_854_775_808, .max] as [UInt64])
    func seedsAreExactOverTheWholeUnsignedRange(seed: UInt64) throws {
        let scenario = try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: [("seed", String(seed))])
        #expect(scenario.seed == seed)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func nonFiniteNumbersAreRejected(text: String) throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("model.probability", text)])
        #expect(error.description == "\(path): model.probability: must be a finite number")
    }

    /// A number that does not fit the key's integer type (`budget: 2.5`, `seed: -1`) is an
    /// error at its key (Foundation reports it as corrupted data with no key path).
    @Test(arguments: [
        ("budget", "2.5", "expected an integer or a list of integers, got 2.5"),
        ("seed", "-1", "expected a non-negative integer, got -1"),
        ("simulation.replicates", "1e30", "expected an integer, got 1e+30"),
        ("policies[1].k", "0.5", "expected an integer or a list of integers, got 0.5"),
    ])
    func numberThatDoesNotFitTheIntegerTypeIsAnErrorAtItsKey(key: String, value: String, message: String) throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [(key, value)])
        #expect(error.description == "\(path): \(key): \(message)")
    }
}

// MARK: - Policies

extension ScenarioLoaderTests {
    @Test func explicitPolicyListingAUserTwice() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[0]", #"{ type: "explicit", users: ["0", "5", "0"] }"#)])
        #expect(error.description == "\(path): policies[0].users[2]: lists user '0' twice")
    }

    @Test func explicitPolicyWithMoreSeedsThanUsers() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[0]", #"{ type: "explicit", users: ["0", "5"], k: 3 }"#)])
        #expect(error.description == "\(path): policies[0].k: must be ≤ the 2 users listed, got 3")
        let fewer = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("policies[0]", #"{ type: "explicit", users: ["0", "5"], k: 1 }"#)])
        #expect(fewer.budgets(ofPolicy: 0) == 1)
    }

    @Test func keyOfAnotherPolicyTypeIsUnknown() throws {
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("policies[0].damping", "0.5")])
        #expect(
            error.description
                == "\(path): policies[0].damping: unknown key (expected one of: content, k, name, rounds, type)")
    }
}

// MARK: - Budget sweeps, baseline, CELF and IMM

extension ScenarioLoaderTests {
    @Test func budgetsAreANumberOrAList() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate, overrides: [("budget", "[1, 5, 10]"), ("policies[1].k", "[2, 3]")])
        #expect(scenario.budget.values == [1, 5, 10])
        #expect(scenario.budgets(ofPolicy: 0) == [1, 5, 10])
        #expect(scenario.budgets(ofPolicy: 1) == [2, 3])
        let plan = try scenario.makePlan(world: scenario.makeWorld(baseDirectory: "/"))
        #expect(plan.arms.map(\.budget) == [1, 5, 10, 2, 3])
        #expect(plan.arms.map(\.policy) == [0, 0, 0, 1, 1])
    }

    @Test(arguments: [
        ("[]", "budget: must list at least one budget, got []"),
        ("[1, 0]", "budget: must be ≥ 1, got 0"),
        ("[2, 2]", "budget: lists budget 2 twice"),
        (#"[1, "a"]"#, #"budget: expected an integer or a list of integers, got [1,"a"]"#),
    ])
    func badBudgetLists(value: String, description: String) throws {
        let (error, path) = try ScenarioTestSupport.error(ScenarioTestSupport.karate, overrides: [("budget", value)])
        #expect(error.description == "\(path): \(description)")
    }

    @Test func baselineDefaultsToTheFirstPolicyAndMustNameOne() throws {
        #expect(try ScenarioTestSupport.load(ScenarioTestSupport.karate).baseline == "random")
        #expect(
            try ScenarioTestSupport.load(ScenarioTestSupport.karate, overrides: [("baseline", #""degree""#)]).baseline
                == "degree")
        let (error, path) = try ScenarioTestSupport.error(
            ScenarioTestSupport.karate, overrides: [("baseline", #""imm""#)])
        #expect(error.description == "\(path): baseline: must name a policy (one of: random, degree), got 'imm'")
    }

    @Test func celfAndImmTakeTheirParameters() throws {
        let scenario = try ScenarioTestSupport.load(
            ScenarioTestSupport.karate,
            overrides: [
                (
                    "policies",
                    #"[{ type: "celf", simulations: 50 }, { type: "imm", epsilon: 0.3, ell: 2 }, { type: "imm", name: "imm-default" }]"#
                )
            ])
        #expect((scenario.policies[0].policy as? CELFSettings)?.simulations == 50)
        let imm = scenario.policies.compactMap { $0.policy as? IMMSettings }
        #expect(imm.map(\.epsilon) == [0.3, 0.1] && imm.map(\.ell) == [2, 1])
        #expect(try scenario.policies.map { try $0.makePolicy().optimisesLiveEdgeModel } == [true, true, true])
        for (override, description) in [
            (#"{ type: "imm", epsilon: 1 }"#, "policies[0].epsilon: must be in (0, 1), got 1.0"),
            (#"{ type: "imm", ell: 0 }"#, "policies[0].ell: must be > 0, got 0.0"),
            (#"{ type: "celf", simulations: 0 }"#, "policies[0].simulations: must be ≥ 1, got 0"),
            (
                #"{ type: "celf", epsilon: 0.1 }"#,
                "policies[0].epsilon: unknown key (expected one of: content, k, name, objective, rounds, simulations, type)"
            ),
        ] {
            let (error, path) = try ScenarioTestSupport.error(
                ScenarioTestSupport.karate, overrides: [("policies[0]", override)])
            #expect(error.description == "\(path): \(description)")
        }
    }
}
