import Foundation

/// How much memory a command may plan to use (`--memory-limit`): a command whose
/// ``MemoryEstimate`` exceeds it stops before it allocates, with exit code 2.
public struct MemoryLimit: Sendable, Equatable {
    /// The limit in bytes.
    public var bytes: Double

    /// A limit of `bytes`.
    public init(bytes: Double) { self.bytes = bytes }

    /// The default: 80 % of physical memory, leaving room for the system and the estimate's
    /// error (`.ci/memory-check` keeps it within 0.78–1.05 of the measured peak).
    public static var physicalShare: MemoryLimit {
        MemoryLimit(bytes: 0.8 * Double(ProcessInfo.processInfo.physicalMemory))
    }

    /// Reads `512MiB`, `16GiB`, `2TiB` or a plain number of MiB.
    ///
    /// - Returns: `nil` for anything else, or a limit that is not positive.
    public init?(_ text: String) {
        let units: [(String, Double)] = [
            ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
        ]
        let unit = units.first { text.hasSuffix($0.0) }
        guard let number = Double(text.dropLast(unit?.0.count ?? 0)), number.isFinite, number > 0 else { return nil }
        self.init(bytes: number * (unit?.1 ?? 1_048_576))
    }
}

/// A command that would need more memory than its ``MemoryLimit``.
public struct MemoryLimitError: InputError, Equatable {
    /// The scenario file.
    public var file: String?
    /// The command.
    public var command: ScenarioCommand
    /// What the bytes are: the parts of the estimate, or the world before it is built.
    public var detail: String
    /// The estimated bytes.
    public var needed: Double
    /// The limit.
    public var limit: Double

    public var description: String {
        (file.map { "\($0): " } ?? "")
            + "\(command.rawValue) needs about \(MemoryEstimate.mebibytes(needed)) (\(detail)), more than the memory limit "
            + "of \(MemoryEstimate.mebibytes(limit)); shrink the scenario, or raise --memory-limit if the memory is there"
    }
}

extension MemoryEstimate {
    /// Throws unless the estimated peak of `command` fits in `limit`.
    public func check(_ command: ScenarioCommand, within limit: MemoryLimit) throws(MemoryLimitError) {
        guard peakBytes > limit.bytes else { return }
        throw MemoryLimitError(command: command, detail: partsDescription, needed: peakBytes, limit: limit.bytes)
    }

    /// `contagion embed` of `graph`, read from an edge list or built from a scenario.
    public static func embedding(of graph: Graph, settings: EmbeddingSettings) -> MemoryEstimate {
        MemoryEstimate(parts: [
            Part(name: "process", bytes: processBytes), Part(name: "graph", bytes: Double(graph.memoryFootprint)),
            Part(name: "embedding", bytes: settings.estimatedBytes(nodes: Double(graph.nodeCount))),
        ])
    }
}

extension Scenario {
    /// The graph, users and catalogue in bytes, from the settings alone, or `nil` when the
    /// graph must be read to know (an edge list).
    public var worldBytesBeforeBuilding: Double? {
        guard let nodes = graph.source.nodeCount else { return nil }
        let arcs = graph.source.expectedArcCount(directed: graph.directed ?? false) ?? 0
        // Offsets, targets and tie strengths, the communities, and the population.
        return Double(nodes + 1) * 8 + arcs * 8 + Double(nodes) * 4
            + Self.populationBytes(users: nodes, items: items.count, topics: users.topics)
    }

    /// Throws if the world alone, estimated from the settings (``worldBytesBeforeBuilding``),
    /// would not fit in `limit`.
    public func checkWorldSize(for command: ScenarioCommand, within limit: MemoryLimit) throws(MemoryLimitError) {
        guard let bytes = worldBytesBeforeBuilding.map({ $0 + MemoryEstimate.processBytes }), bytes > limit.bytes
        else { return }
        throw MemoryLimitError(
            command: command, detail: "the graph, users and items alone", needed: bytes, limit: limit.bytes)
    }

    /// Builds the world for `command` once its memory is known to fit in `limit`: the world's
    /// size is checked from the settings before it is built, and the command's whole
    /// ``memoryEstimate(for:world:threads:)`` after.
    ///
    /// - Throws: ``MemoryLimitError``, or what ``makeWorld(baseDirectory:)`` and the estimate throw.
    public func makeWorld(
        for command: ScenarioCommand, baseDirectory: String, threads: Int, memoryLimit limit: MemoryLimit
    ) throws -> World {
        try checkWorldSize(for: command, within: limit)
        let world = try makeWorld(baseDirectory: baseDirectory)
        try memoryEstimate(for: command, world: world, threads: threads).check(command, within: limit)
        return world
    }
}
