// libFuzzer targets for the three readers of untrusted text. Not part of the package: `.ci/fuzz`
// compiles this file together with `Sources/Contagion` into one module with
// `swiftc -sanitize=fuzzer,address`, and `CONTAGION_FUZZ_TARGET` picks the target:
//
//   scenario   the scenario decoder: JSON5 parser, schema, and for small accepted scenarios
//              the world, every command's checks and the memory estimate
//   set        a `--set KEY=VALUE` override applied to the quickstart scenario's tree
//   edges      the edge-list reader, with the format and header chosen by the first byte
//   graphs     the GraphML, GML, Matrix Market and Pajek readers, the format and the weights'
//              reading chosen by the first byte
//
// A target may throw any input error; a crash, a trap or a sanitizer report is a finding.

import Foundation

/// The target `CONTAGION_FUZZ_TARGET` names, read once.
private let fuzzTarget = ProcessInfo.processInfo.environment["CONTAGION_FUZZ_TARGET"] ?? ""

/// The tree `--set` overrides are applied to.
private let quickstartTree: JSONValue = .object([
    "name": .string("quickstart"), "seed": .integer(42), "budget": .integer(20),
    "graph": .object([
        "type": .string("stochastic_block_model"),
        "block_sizes": .array([.integer(50), .integer(50)]),
    ]),
    "policies": .array([.object(["type": .string("random")]), .object(["type": .string("degree")])]),
    "simulation": .object(["replicates": .integer(2), "items": .array([.integer(0)])]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func contagionFuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    switch fuzzTarget {
    case "scenario": fuzzScenario(data)
    case "set": fuzzOverride(data)
    case "edges": fuzzEdgeList(data)
    case "graphs": fuzzGraphFile(data)
    default:
        FileHandle.standardError.write(Data("set CONTAGION_FUZZ_TARGET to scenario, set, edges or graphs\n".utf8))
        exit(2)
    }
    return 0
}

/// Decodes the bytes as a scenario; a small one that is accepted goes on through every check.
private func fuzzScenario(_ data: Data) {
    guard let scenario = try? ScenarioLoader.decode(data, path: "/nonexistent/fuzz.json", readsPolicyFiles: false)
    else { return }
    // An edge-list path may name any file on this machine (a device, say): not followed.
    guard !(scenario.graph.source is EdgeListFileSettings), scenario.rl == nil else { return }
    let limit = MemoryLimit(bytes: 64 * 1_048_576)
    guard let nodes = scenario.graph.source.nodeCount, nodes <= 2_000,
        (try? scenario.checkWorldSize(for: .run, within: limit)) != nil,
        let world = try? scenario.makeWorld(baseDirectory: "/nonexistent")
    else { return }
    for command in scenario.commands {
        _ = try? scenario.check(command, baseDirectory: "/nonexistent") { world }
        _ = try? scenario.memoryEstimate(for: command, world: world, threads: 1)
    }
}

/// Applies `KEY=VALUE` (the first `=` splits) to the quickstart tree and decodes the result.
private func fuzzOverride(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    guard let equals = text.firstIndex(of: "=") else { return }
    let value = JSONValue.parseLiteral(String(text[text.index(after: equals)...]))
    guard let tree = try? quickstartTree.setting(String(text[..<equals]), to: value),
        let json = try? JSONEncoder().encode(tree)
    else { return }
    _ = try? ScenarioLoader.decode(json, path: "/nonexistent/fuzz.json", readsPolicyFiles: false)
}

/// Reads the bytes after the first as an edge list; the first byte picks CSV or whitespace
/// and the header setting.
private func fuzzEdgeList(_ data: Data) {
    guard let first = data.first else { return }
    let formats: [GraphFileFormat] = [.whitespace, .csv]
    let headers: [EdgeListHeader] = [.auto, .present, .absent]
    _ = try? EdgeListReader.read(
        data.dropFirst(), path: "fuzz.edges", format: formats[Int(first) % 2], header: headers[Int(first / 2) % 3],
        directed: first & 0x80 != 0)
}

/// Reads the bytes after the first as a GraphML, GML, Matrix Market or Pajek file; the first
/// byte picks the format, the weights' reading and the direction.
private func fuzzGraphFile(_ data: Data) {
    guard let first = data.first else { return }
    let formats: [GraphFileFormat] = [.graphml, .gml, .matrixMarket, .pajek]
    let directions: [Bool?] = [nil, false, true]
    _ = try? GraphFile.read(
        data.dropFirst(), path: "fuzz.graph", format: formats[Int(first) % 4],
        directed: directions[Int(first / 4) % 3], weights: EdgeWeights.allCases[Int(first / 12) % 3])
}
