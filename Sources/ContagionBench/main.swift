import Contagion
import Foundation

/// contagion-bench: throughput of the cascade kernels on fixed workloads.
///
///     swift run -c release contagion-bench                      # BA 100k and 1M, all modes
///     swift run -c release contagion-bench --quick              # small graph, for CI
///     swift run -c release contagion-bench --edges F --seeds S [--reference BIN] [--only MODE]
///                                                               # --only: that cascade mode alone, no seeding
///     swift run -c release contagion-bench --edges F --seeds S --opim [--epsilons E,E…] [--repeats R] [--seeds-out DIR]
///                                                               # only OPIM-C (ε = 0.5, 0.1), first and warm runs, seeds to DIR
///     swift run -c release contagion-bench --seeding            # only RR sets, IMM, the rl policy and CELF
///     swift run -c release contagion-bench --embedding          # only walks and skip-gram
///     swift run -c release contagion-bench --dataset            # only contagion generate (100k, 1M users)
///     swift run -c release contagion-bench --scale [NODES]      # OPIM-C and IMM on BA(NODES, 4), 10⁸ arcs by default
///
/// With `--edges/--seeds` it runs a given edge list and seed file (the workload of the C reference
/// loop, `Docs/Performance.md`) and, given the compiled `reference_ic` binary, runs it too and
/// prints the ratio.
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let seconds = Double(option("--seconds") ?? "") ?? 2.0
let cores = Parallel.coreCount

/// The workloads of a graph: IC p = 0.01, IC p = 0.1, weighted cascade, LT (weights 1/indeg).
///
/// Each workload names the modes of the C reference that implement the same law; the ratio
/// is taken against the fastest of them (for uniform IC: one draw per arc, `ic`, or
/// geometric skipping, `icg`).
func workloads(_ graph: Graph) -> [(mode: String, referenceArguments: [[String]], model: CompiledModel)] {
    var rng = SplitMix64(seed: 1)
    let weighted = CascadeProbabilityPreset.weightedCascade.probabilities(on: graph, using: &rng)
    return [
        (
            "ic p=0.01", [["ic", "0.01"], ["icg", "0.01"]],
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.01)))
        ),
        (
            "ic p=0.1", [["ic", "0.1"], ["icg", "0.1"]],
            .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.1)))
        ),
        (
            "weighted cascade", [["wc", "0"]],
            .cascade(IndependentCascade(graph: graph, probabilities: PerArcProbabilities(weighted)))
        ),
        ("linear threshold", [["lt", "0"]], .linearThreshold(LinearThreshold(graph: graph, useTieStrength: false))),
    ]
}

/// Runs batches of cascades on `threads` threads until `budget` seconds have passed; returns
/// the totals and the seconds they took.
func measure(_ model: CompiledModel, seeds: [NodeID], threads: Int, budget: Double) -> (MonteCarlo.Totals, Double) {
    let streams = RandomStreams(masterSeed: 2024)
    var totals = MonteCarlo.Totals()
    var elapsed = 0.0
    var runs = threads
    var batch = 0
    while elapsed < budget {
        let start = Date()
        let part = MonteCarlo.run(
            model, seeds: seeds, runs: runs, threads: threads, streams: streams, phase: .benchmark, batch: batch)
        let seconds = Date().timeIntervalSince(start)
        elapsed += seconds
        totals.add(part)
        batch += 1
        if seconds < budget / 10 { runs *= 2 }
    }
    return (totals, elapsed)
}

func format(_ value: Double) -> String {
    switch value {
    case 1e9...: return String(format: "%.2fG", value / 1e9)
    case 1e6...: return String(format: "%.2fM", value / 1e6)
    case 1e3...: return String(format: "%.1fk", value / 1e3)
    default: return String(format: "%.1f", value)
    }
}

func peakMemory() -> String {
    MemoryUsage.peakResidentBytes().map { String(format: "%.0f MiB", Double($0) / 1_048_576) } ?? "n/a"
}

func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// Measures every workload on one thread and on all cores; with a reference binary, runs it
/// on the same files and prints the ratio of runs per second.
func benchmark(graph: Graph, label: String, seeds: [NodeID], reference: (binary: String, edges: String, seeds: String)?)
{
    print("\n## \(label): \(graph.nodeCount) nodes, \(graph.arcCount) arcs, \(seeds.count) seeds")
    print(
        column("mode", 18) + column("threads", 9) + column("runs/s", 10) + column("arcs/s", 10)
            + column("mean spread", 13)
            + (reference == nil ? "" : column("C runs/s", 10) + "ratio (to the fastest C mode)"))
    for workload in workloads(graph) where option("--only").map({ workload.mode == $0 }) ?? true {
        var referenceRate: Double?
        if let reference {
            referenceRate = workload.referenceArguments.compactMap { runReference(reference, arguments: $0) }.max()
        }
        for threads in Set([1, cores]).sorted() {
            let (totals, elapsed) = measure(workload.model, seeds: seeds, threads: threads, budget: seconds)
            let runsPerSecond = Double(totals.runs) / elapsed
            var line =
                column(workload.mode, 18) + column("\(threads)", 9) + column(format(runsPerSecond), 10)
                + column(format(Double(totals.arcsExamined) / elapsed), 10)
                + column(String(format: "%.1f", totals.meanSpread), 13)
            if let referenceRate {
                line += column(format(referenceRate), 10) + String(format: "%.2f×", runsPerSecond / referenceRate)
            }
            print(line)
        }
    }
    print("peak memory: \(peakMemory())")
}

/// Runs `reference_ic EDGES SEEDS MODE P RUNS` with enough runs for about `seconds` and
/// returns its runs per second.
func runReference(_ reference: (binary: String, edges: String, seeds: String), arguments: [String]) -> Double? {
    func run(_ runs: Int) -> (runsPerSecond: Double, simSeconds: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: reference.binary)
        process.arguments = [reference.edges, reference.seeds] + arguments + [String(runs)]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let rate = json["runs_per_s"] as? Double, let sim = json["sim_s"] as? Double
        else { return nil }
        return (rate, sim)
    }
    guard let probe = run(100) else { return nil }
    let runs = max(100, Int(Double(100) * seconds / max(probe.simSeconds, 1e-6)))
    return run(runs)?.runsPerSecond
}

func readSeeds(_ path: String, graph: Graph) -> [NodeID] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: \(path): cannot be read\n".utf8))
        exit(2)
    }
    var index: [String: NodeID] = [:]
    for node in 0..<graph.nodeCount { index[graph.name(of: NodeID(node))] = NodeID(node) }
    return text.split(whereSeparator: \.isWhitespace).map { token in
        guard let node = index[String(token)] else {
            FileHandle.standardError.write(Data("error: \(path): seed '\(token)' is not in the graph\n".utf8))
            exit(2)
        }
        return node
    }
}

print("contagion-bench \(ContagionVersion.string): \(cores) cores, \(seconds) s per measurement")
if let edges = option("--edges") {
    guard let seedFile = option("--seeds") else {
        FileHandle.standardError.write(Data("error: --edges needs --seeds FILE\n".utf8))
        exit(2)
    }
    let loadStart = Date()
    let graph: Graph
    do { graph = try GraphFile.read(path: edges, format: .whitespace, directed: false) } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(2)
    }
    print(
        String(format: "loaded %@ in %.2f s (peak memory %@)", edges, Date().timeIntervalSince(loadStart), peakMemory())
    )
    if arguments.contains("--opim") {
        let epsilons = option("--epsilons").map { $0.split(separator: ",").compactMap { Double($0) } } ?? [0.5, 0.1]
        SeedingBenchmark.opim(
            graph, k: 50, epsilons: epsilons, threads: cores, repeats: Int(option("--repeats") ?? "") ?? 5,
            seedsFolder: option("--seeds-out"))
        exit(0)
    }
    let reference = option("--reference").map { (binary: $0, edges: edges, seeds: seedFile) }
    benchmark(graph: graph, label: edges, seeds: readSeeds(seedFile, graph: graph), reference: reference)
    if option("--only") != nil { exit(0) }
    SeedingBenchmark.reverseReachableSets(graph, threads: cores, budget: seconds)
    SeedingBenchmark.imm(graph, k: 50, epsilons: [0.5, 0.1], threads: cores)
    SeedingBenchmark.opim(graph, k: 50, epsilons: [0.5, 0.1], threads: cores)
} else {
    if let index = arguments.firstIndex(of: "--scale") {
        let nodes = index + 1 < arguments.count ? Int(arguments[index + 1]) ?? 12_500_000 : 12_500_000
        SeedingBenchmark.scale(nodes: nodes, threads: cores)
        exit(0)
    }
    let isQuick = arguments.contains("--quick")
    let seedingOnly = arguments.contains("--seeding")
    let embeddingOnly = arguments.contains("--embedding")
    if arguments.contains("--dataset") {
        DatasetBenchmark.header()
        for users in [100_000, 1_000_000] { DatasetBenchmark.run(users: users, threads: cores) }
        exit(0)
    }
    let sizes = isQuick ? [10_000] : [100_000, 1_000_000]
    for n in sizes {
        var rng = Xoshiro256StarStar(seed: 20_240_601)
        let start = Date()
        let graph = GraphGenerators.barabasiAlbert(
            nodeCount: n, edgesPerNode: 4, directed: false, tieStrength: .constant(1), using: &rng)
        print(String(format: "\ngenerated BA(%d, 4) in %.2f s", n, Date().timeIntervalSince(start)))
        var seedRNG = Xoshiro256StarStar(seed: 7)
        var seeds: [NodeID] = []
        while seeds.count < 50 {
            let candidate = NodeID(seedRNG.nextIndex(below: n))
            if !seeds.contains(candidate) { seeds.append(candidate) }
        }
        if !seedingOnly && !embeddingOnly {
            benchmark(graph: graph, label: "Barabási–Albert n=\(n), m=4", seeds: seeds, reference: nil)
        }
        if !embeddingOnly {
            SeedingBenchmark.reverseReachableSets(graph, threads: cores, budget: seconds)
            SeedingBenchmark.imm(graph, k: 50, epsilons: isQuick ? [0.5] : [0.5, 0.1], threads: cores)
            SeedingBenchmark.opim(graph, k: 50, epsilons: isQuick ? [0.5] : [0.5, 0.1], threads: cores)
            LearningBenchmark.run(graph, k: 50, episodes: isQuick ? 10 : 100, threads: cores)
        }
        if !seedingOnly {
            // Deterministic (one-thread) training of the 1M-node corpus takes ~10 minutes: parallel only there.
            EmbeddingBenchmark.run(
                graph, threads: cores, walksPerNode: isQuick ? 2 : 10,
                modes: n > 100_000 ? [.parallel] : [.parallel, .deterministic])
        }
    }
    if embeddingOnly { exit(0) }
    if !seedingOnly {
        DatasetBenchmark.header()
        DatasetBenchmark.run(users: isQuick ? 10_000 : 100_000, threads: cores)
    }
    var rng = Xoshiro256StarStar(seed: 20_240_601)
    let small = GraphGenerators.barabasiAlbert(
        nodeCount: 10_000, edgesPerNode: 4, directed: false, tieStrength: .constant(1), using: &rng)
    SeedingBenchmark.celf(small, k: 10, simulations: isQuick ? 10 : 100, threads: cores)
}
