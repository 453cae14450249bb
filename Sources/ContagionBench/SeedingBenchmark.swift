import Contagion
import Foundation

/// The influence-maximisation workloads: RR sets per second, IMM end to end, CELF.
enum SeedingBenchmark {
    /// The three models of the RR-set and IMM measurements, on `graph`.
    static func models(_ graph: Graph) -> [(name: String, model: CompiledModel)] {
        var rng = SplitMix64(seed: 1)
        let weighted = CascadeProbabilityPreset.weightedCascade.probabilities(on: graph, using: &rng)
        return [
            (
                "ic p=0.01",
                .uniformCascade(IndependentCascade(graph: graph, probabilities: UniformArcProbability(0.01)))
            ),
            (
                "weighted cascade",
                .cascade(IndependentCascade(graph: graph, probabilities: PerArcProbabilities(weighted)))
            ),
            ("linear threshold", .linearThreshold(LinearThreshold(graph: graph, useTieStrength: false))),
        ]
    }

    /// RR sets per second for each model, sampling for about `budget` seconds on `threads` threads.
    static func reverseReachableSets(_ graph: Graph, threads: Int, budget: Double) {
        print("\nRR sets (\(threads) threads)")
        print(column("model", 18) + column("RR sets/s", 12) + column("mean size", 11) + "bytes/set")
        for (name, model) in models(graph) {
            let liveEdge = LiveEdgeModel(model)
            var sets = ReverseReachableSets(nodeCount: graph.nodeCount)
            var target = ReverseReachableSets.blockSize * threads
            let start = Date()
            while Date().timeIntervalSince(start) < budget {
                sets.extend(
                    to: target, model: liveEdge, streams: RandomStreams(masterSeed: 9), family: 0, threads: threads)
                target *= 2
            }
            let elapsed = Date().timeIntervalSince(start)
            print(
                column(name, 18) + column(format(Double(sets.count) / elapsed), 12)
                    + column(String(format: "%.2f", Double(sets.totalSize) / Double(sets.count)), 11)
                    + String(format: "%.1f", Double(sets.memoryBytes) / Double(sets.count)))
        }
    }

    /// IMM end to end for `k` seeds at each ε (the setup, building the live-edge form with its
    /// reverse graph, included and also shown alone), with the RR sets' memory and the process's peak.
    static func imm(_ graph: Graph, k: Int, epsilons: [Double], threads: Int) {
        print("\nIMM, k = \(k), ℓ = 1 (\(threads) threads)")
        print(
            column("model", 18) + column("ε", 6) + column("seconds", 9) + column("of which setup", 16)
                + column("RR sets", 10)
                + column("LB", 10) + column("est. spread", 13) + column("RR bytes", 10) + "peak RSS")
        for (name, model) in models(graph) {
            for epsilon in epsilons {
                MemoryUsage.resetPeak()
                var rng = Xoshiro256StarStar(seed: 3)
                let start = Date()
                let liveEdge = LiveEdgeModel(model)
                let setup = Date().timeIntervalSince(start)
                guard let run = try? IMM(epsilon: epsilon).run(count: k, model: liveEdge, threads: threads, using: &rng)
                else { continue }
                print(
                    column(name, 18) + column(String(epsilon), 6)
                        + column(String(format: "%.2f", Date().timeIntervalSince(start)), 9)
                        + column(String(format: "%.3f", setup), 16)
                        + column(format(Double(run.selectionSets)), 10) + column(format(run.lowerBound), 10)
                        + column(String(format: "%.1f", run.estimatedSpread), 13)
                        + column(megabytes(run.peakSetBytes), 10) + peakMemory())
            }
        }
    }

    /// OPIM-C for `k` seeds at each ε: the time of each cell's first run (fresh collections; only
    /// the process's first cell also meets a fresh allocator) and the median of `repeats` more
    /// (warm), the sets per half it stopped at, its estimate and the ratio it certified (on one
    /// and on `threads` threads). With
    /// `seedsFolder`, each model and ε's seeds go to `opim-MODEL-EPSILON.seeds` there (node
    /// names, one per line), for scoring by an outside evaluator.
    static func opim(
        _ graph: Graph, k: Int, epsilons: [Double], threads: Int, repeats: Int = 1, seedsFolder: String? = nil
    ) {
        let repeats = max(1, repeats)
        print("\nOPIM-C, k = \(k), δ = 1/n: seconds of each cell's first run and the median of \(repeats) more (warm)")
        print(
            column("model", 18) + column("ε", 6) + column("threads", 9) + column("first s", 9) + column("warm s", 9)
                + column("rounds", 8)
                + column("RR sets", 10) + column("est. spread", 13) + column("lower", 10) + column("OPT ≤", 10)
                + column("ratio", 8) + "peak RSS")
        for (name, model) in models(graph) {
            let liveEdge = LiveEdgeModel(model)
            for epsilon in epsilons {
                for threadCount in Set([1, threads]).sorted() {
                    MemoryUsage.resetPeak()
                    var times: [Double] = []
                    var result: OPIM.Run?
                    for _ in 0...repeats {
                        var rng = Xoshiro256StarStar(seed: 3)
                        let start = Date()
                        result = try? OPIM(epsilon: epsilon).run(
                            count: k, model: liveEdge, threads: threadCount, using: &rng)
                        times.append(Date().timeIntervalSince(start))
                    }
                    guard let run = result else { continue }
                    let warm = times.dropFirst().sorted()
                    let median = warm[warm.count / 2]
                    print(
                        column(name, 18) + column(String(epsilon), 6) + column(String(threadCount), 9)
                            + column(String(format: "%.4f", times[0]), 9) + column(String(format: "%.4f", median), 9)
                            + column(String(run.rounds), 8) + column(format(Double(2 * run.setsPerHalf)), 10)
                            + column(String(format: "%.1f", run.estimatedSpread), 13)
                            + column(String(format: "%.1f", run.certificate.spreadLowerBound ?? 0), 10)
                            + column(String(format: "%.1f", run.certificate.optimumUpperBound), 10)
                            + column(String(format: "%.3f", run.certificate.ratio ?? 0), 8) + peakMemory())
                    if let seedsFolder {
                        let file =
                            "\(seedsFolder)/opim-\(name.replacingOccurrences(of: " ", with: "_"))-\(epsilon).seeds"
                        let text = run.seeds.map { graph.name(of: $0) }.joined(separator: "\n") + "\n"
                        try? text.write(toFile: file, atomically: true, encoding: .utf8)
                    }
                }
            }
        }
    }

    /// CELF for `k` seeds with `simulations` worlds per estimate, weighted cascade.
    static func celf(_ graph: Graph, k: Int, simulations: Int, threads: Int) {
        let model = models(graph)[1]
        MemoryUsage.resetPeak()
        var rng = Xoshiro256StarStar(seed: 3)
        let start = Date()
        let worlds = LiveEdgeWorlds(
            model: LiveEdgeModel(model.model), count: simulations, streams: RandomStreams(masterSeed: rng.next()),
            threads: threads)
        let seeds = CELF.greedy(count: k, on: worlds, threads: threads)
        let elapsed = Date().timeIntervalSince(start)
        print(
            String(
                format: "\nCELF, %@, k = %d, %d simulations (%d threads): %.2f s, spread estimate %.1f, peak RSS %@",
                model.name, k, simulations, threads, elapsed,
                Double(worlds.spread(of: seeds)) / Double(simulations), peakMemory()))
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MiB", Double(bytes) / 1_048_576) }
}

extension SeedingBenchmark {
    /// The scale point: a generated Barabási–Albert graph of `nodes` users and `8·nodes` arcs
    /// (10⁸ arcs at the default 12.5M), then OPIM-C (ε = 0.5 and 0.1) and IMM (ε = 0.5) for
    /// 50 seeds on all threads under the weighted cascade and LT, each with its time and the
    /// process's peak memory; the resident memory of the graph with its live-edge form is
    /// also given per arc.
    static func scale(nodes: Int, threads: Int) {
        var rng = Xoshiro256StarStar(seed: 20_240_601)
        var start = Date()
        let graph = GraphGenerators.barabasiAlbert(
            nodeCount: nodes, edgesPerNode: 4, directed: false, tieStrength: .constant(1), using: &rng)
        print(
            String(
                format: "\nscale point: BA(%d, 4), %@ arcs, generated in %.1f s, resident %@", nodes,
                format(Double(graph.arcCount)), Date().timeIntervalSince(start), residentMemory()))
        print(
            column("model", 18) + column("policy", 8) + column("ε", 6) + column("seconds", 9) + column("RR sets", 10)
                + column("est. spread", 13) + column("ratio", 8) + "peak RSS")
        for (name, model) in models(graph).dropFirst() {
            start = Date()
            let liveEdge = LiveEdgeModel(model)
            print(
                String(
                    format: "%@: live-edge form in %.1f s; graph and live-edge form resident %@ (%.1f bytes/arc)",
                    name, Date().timeIntervalSince(start), residentMemory(),
                    Double(MemoryUsage.residentBytes() ?? 0) / Double(graph.arcCount)))
            for epsilon in [0.5, 0.1] {
                MemoryUsage.resetPeak()
                var rng = Xoshiro256StarStar(seed: 3)
                start = Date()
                guard
                    let run = try? OPIM(epsilon: epsilon).run(count: 50, model: liveEdge, threads: threads, using: &rng)
                else { continue }
                print(
                    column(name, 18) + column("opim", 8) + column(String(epsilon), 6)
                        + column(String(format: "%.2f", Date().timeIntervalSince(start)), 9)
                        + column(format(Double(2 * run.setsPerHalf)), 10)
                        + column(String(format: "%.0f", run.estimatedSpread), 13)
                        + column(String(format: "%.3f", run.certificate.ratio ?? 0), 8) + peakMemory())
            }
            MemoryUsage.resetPeak()
            var immRNG = Xoshiro256StarStar(seed: 3)
            start = Date()
            guard let run = try? IMM(epsilon: 0.5).run(count: 50, model: liveEdge, threads: threads, using: &immRNG)
            else { continue }
            print(
                column(name, 18) + column("imm", 8) + column("0.5", 6)
                    + column(String(format: "%.2f", Date().timeIntervalSince(start)), 9)
                    + column(format(Double(run.selectionSets)), 10)
                    + column(String(format: "%.0f", run.estimatedSpread), 13) + column("", 8) + peakMemory())
        }
    }

    static func residentMemory() -> String {
        MemoryUsage.residentBytes().map { String(format: "%.0f MiB", Double($0) / 1_048_576) } ?? "n/a"
    }
}
