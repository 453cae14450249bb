import Contagion
import Foundation

/// `contagion embed`: DeepWalk / node2vec vectors of a scenario's graph or an edge list, in
/// the word2vec text format.
enum EmbedCommand {
    static let spec = CommandSpec(
        name: "embed",
        summary: "Embed a graph's nodes (DeepWalk / node2vec + skip-gram) and write word2vec text vectors.",
        positionals: [
            (
                "INPUT",
                "A scenario (.json, .json5: its graph and `embedding` section) or a graph file (SNAP or CSV edge list, GraphML, GML, Matrix Market, Pajek)."
            )
        ],
        options: [
            .init(name: "out", kind: .text, placeholder: "FILE", help: "Where to write the vectors (required)."),
            .init(name: "dimensions", kind: .positiveInteger, placeholder: "D", help: "Vector dimension (64)."),
            .init(name: "walk-length", kind: .positiveInteger, placeholder: "L", help: "Nodes per walk (40)."),
            .init(name: "walks-per-node", kind: .positiveInteger, placeholder: "R", help: "Walks from each node (10)."),
            .init(name: "p", kind: .positiveNumber, placeholder: "P", help: "node2vec return parameter (1)."),
            .init(name: "q", kind: .positiveNumber, placeholder: "Q", help: "node2vec in-out parameter (1)."),
            .init(name: "window", kind: .positiveInteger, placeholder: "W", help: "Skip-gram window (5)."),
            .init(name: "negatives", kind: .integer, placeholder: "K", help: "Negative samples per pair (5)."),
            .init(name: "epochs", kind: .positiveInteger, placeholder: "E", help: "Passes over the walks (1)."),
            .init(
                name: "deterministic", kind: .flag, placeholder: "",
                help: "One thread, byte-identical vectors for a seed (the default for scenarios)."),
            .init(
                name: "parallel", kind: .flag, placeholder: "",
                help: "All threads, lock-free; not bit-reproducible (the default for edge lists)."),
            .init(
                name: "directed", kind: .flag, placeholder: "",
                help: "Read every arc as one-way (default: as the file says; edge lists undirected)."),
            .init(
                name: "header", kind: .text, placeholder: "true|false|auto",
                help: "Whether the edge list's first line is a header (default auto: refused when unclear)."),
            .init(name: "seed", kind: .integer, placeholder: "N", help: "Master seed (scenario's, or 1)."),
            .init(name: "threads", kind: .positiveInteger, placeholder: "N", help: "Worker threads (all cores)."),
            Commands.memoryLimit,
            Commands.set,
            .init(name: "quiet", kind: .flag, placeholder: "", help: "No progress line and no summary line."),
            ProgressLine.option,
        ])

    static func run(_ arguments: ParsedArguments) throws {
        guard let out = arguments.value("out") else {
            throw UsageError(message: "error: embed needs --out FILE", usage: spec.usage)
        }
        if arguments.flag("deterministic") && arguments.flag("parallel") {
            throw UsageError(message: "error: choose one of --deterministic and --parallel", usage: spec.usage)
        }
        // Check the options before reading a possibly large graph (and again once the
        // scenario's settings are known).
        var probe = EmbeddingSettings()
        try apply(arguments, to: &probe)
        let input = arguments.positionals[0]
        let isScenario = input.hasSuffix(".json") || input.hasSuffix(".json5")
        var settings = EmbeddingSettings()
        settings.skipGram.mode = .parallel
        let graph: Graph
        var seed = UInt64(1)
        if isScenario {
            if arguments.value("header") != nil {
                throw UsageError(
                    message: "error: --header applies to an edge list; a scenario sets graph.header", usage: spec.usage)
            }
            let scenario = try Commands.loadScenario(arguments, for: spec)
            graph = try Commands.attributing(to: input) {
                try scenario.makeWorld(
                    for: .embed, baseDirectory: Commands.baseDirectory(of: input),
                    threads: arguments.integer("threads") ?? Parallel.coreCount,
                    memoryLimit: Commands.memoryLimit(arguments, for: spec))
            }.graph
            settings = scenario.embedding
            seed = scenario.seed
        } else {
            if !(arguments.values["set"] ?? []).isEmpty {
                throw UsageError(message: "error: --set applies to a scenario, not an edge list", usage: spec.usage)
            }
            guard let header = EdgeListHeader(arguments.value("header") ?? "auto") else {
                throw UsageError(
                    message: "error: --header expects true, false or auto, got '\(arguments.value("header") ?? "")'",
                    usage: spec.usage)
            }
            graph = try GraphFile.read(path: input, header: header, directed: arguments.flag("directed") ? true : nil)
            seed = arguments.value("seed").flatMap { UInt64($0) } ?? seed
        }
        try apply(arguments, to: &settings)
        let threads = arguments.integer("threads") ?? Parallel.coreCount
        // The options may have changed the walks or dimensions: check the embedding again.
        let limit = try Commands.memoryLimit(arguments, for: spec)
        try Commands.attributing(to: input) {
            try MemoryEstimate.embedding(of: graph, settings: settings).check(.embed, within: limit)
        }
        let folder = try OutputFolder(
            path: URL(fileURLWithPath: out).deletingLastPathComponent().path,
            files: [URL(fileURLWithPath: out).lastPathComponent])
        let progress = try ProgressLine(arguments, spec: spec)
        let result = GraphEmbedding(
            graph: graph, walks: settings.walks, skipGram: settings.skipGram, seed: seed, threads: threads,
            progress: progress.meter)
        progress.finish()
        let text = Word2VecFormat.text(of: result.embedding) { graph.name(of: NodeID($0)) }
        let name = URL(fileURLWithPath: out).lastPathComponent
        do {
            try folder.write(name, contents: Data(text.utf8))
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        if !arguments.flag("quiet") {
            print(
                String(
                    format: "embedded %d nodes in %d dimensions: %d walks (%.2f s), %d words trained %@ (%.2f s) → %@",
                    graph.nodeCount, settings.skipGram.dimensions, result.walkCount, result.walkSeconds,
                    result.tokenCount, settings.skipGram.mode.rawValue, result.trainingSeconds, out))
        }
    }

    /// The options that set `embedding` keys, by key.
    static let keyOptions = [
        "dimensions": "dimensions", "walk_length": "walk-length", "walks_per_node": "walks-per-node", "p": "p",
        "q": "q", "window": "window", "negatives": "negatives", "epochs": "epochs",
    ]

    /// Command-line options override the scenario's (or the defaults), checked by the same
    /// code as the scenario's `embedding` section: an option is refused exactly when the same
    /// value in a scenario would be.
    static func apply(_ arguments: ParsedArguments, to settings: inout EmbeddingSettings) throws {
        var values: [String: JSONValue] = [:]
        for (key, option) in keyOptions {
            if let text = arguments.value(option) { values[key] = JSONValue.parseLiteral(text) }
        }
        if arguments.flag("deterministic") { values["training"] = .string("deterministic") }
        if arguments.flag("parallel") { values["training"] = .string("parallel") }
        do {
            settings = try settings.overriding(values)
        } catch let error as ScenarioError {
            let option = keyOptions[error.keyPath].map { "option '--\($0)'" } ?? "options --p and --q"
            throw UsageError(message: "error: \(option): \(error.message)", usage: spec.usage)
        }
    }
}
