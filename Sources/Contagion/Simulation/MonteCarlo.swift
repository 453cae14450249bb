/// Counting-only Monte-Carlo runs of a model: the spread estimates of the benchmark and of
/// greedy seeding, without the bookkeeping of a full cascade record.
public enum MonteCarlo {
    /// Totals over a batch of runs.
    public struct Totals: Sendable, Equatable {
        /// Runs made.
        public var runs = 0
        /// Activated users summed over runs.
        public var activated = 0
        /// Squares of each run's activated count, summed (for the standard error).
        public var activatedSquares = 0.0
        /// Arcs examined summed over runs.
        public var arcsExamined = 0

        /// Zero runs.
        public init() {}

        /// The mean spread.
        public var meanSpread: Double { Double(activated) / Double(runs) }

        /// The standard error of the mean spread.
        public var standardError: Double {
            let n = Double(runs)
            let mean = meanSpread
            return (max(0, activatedSquares / n - mean * mean) / max(n - 1, 1)).squareRoot()
        }

        /// Adds another batch's totals.
        public mutating func add(_ other: Totals) {
            runs += other.runs
            activated += other.activated
            activatedSquares += other.activatedSquares
            arcsExamined += other.arcsExamined
        }
    }

    /// The most chunks a batch is cut into; each chunk draws from its own stream.
    static let maximumChunks = 64

    /// Runs `runs` cascades from `seeds` on up to `threads` threads.
    ///
    /// The runs are cut into `min(runs, 64)` near-equal chunks; chunk `c` draws the worlds of
    /// its runs from the generator at (`phase`, `batch`, `c`) of `streams`. The chunks depend on `runs` only,
    /// not on `threads`, so neither do the totals.
    public static func run(
        _ model: CompiledModel, seeds: [NodeID], runs: Int, threads: Int, streams: RandomStreams,
        phase: RandomPhase, batch: Int
    ) -> Totals {
        // Kernels activate seeds in ascending order; sorted once here, they sort nothing per run.
        model.visit(
            Batch(seeds: seeds.sorted(), runs: runs, threads: threads, streams: streams, phase: phase, batch: batch))
    }

    private struct Batch: DiffusionModelVisitor {
        let seeds: [NodeID]
        let runs: Int
        let threads: Int
        let streams: RandomStreams
        let phase: RandomPhase
        let batch: Int

        func visit<Model: DiffusionModel>(_ model: Model) -> Totals {
            let chunks = min(runs, MonteCarlo.maximumChunks)
            let parts = Parallel.map(count: chunks, threads: threads, makeWorkspace: { model.makeWorkspace() }) {
                chunk, workspace in
                var rng = streams.generator(phase, batch, chunk)
                var totals = Totals()
                for _ in 0..<(runs / chunks + (chunk < runs % chunks ? 1 : 0)) {
                    var counter = SpreadCounter()
                    model.run(
                        seeds: seeds, workspace: &workspace, observer: &counter, world: PossibleWorld(using: &rng))
                    totals.runs += 1
                    totals.activated += counter.activated
                    totals.activatedSquares += Double(counter.activated) * Double(counter.activated)
                    totals.arcsExamined += counter.arcsExamined
                }
                return totals
            }
            return parts.reduce(into: Totals()) { $0.add($1) }
        }
    }
}
