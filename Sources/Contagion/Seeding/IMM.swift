import Foundation

/// IMM: influence maximisation via martingales (Tang, Shi & Xiao, SIGMOD 2015).
///
/// Samples random reverse-reachable sets (``ReverseReachableSets``) and picks the `k` nodes
/// that cover the most of them (``MaximumCoverage``). The number of sets is chosen so that,
/// with probability at least `1 − n^−ℓ`, the seeds' expected spread is at least
/// `(1 − 1/e − ε)·OPT`:
/// 1. Sampling: with `ε′ = √2·ε` and `λ′ = (2 + 2ε′/3)·(ln C(n, k) + ℓ·ln n + ln log₂ n)·n / ε′²`,
///    for `i = 1, 2, …` try `x = n / 2^i`: draw `λ′/x` sets, select; when the seeds cover a
///    fraction `F` with `n·F ≥ (1 + ε′)·x`, `LB = n·F / (1 + ε′)` is a lower bound on OPT.
/// 2. Selection: draw `θ = λ*/LB` sets, where `λ* = 2n·((1 − 1/e)·α + β)² / ε²`,
///    `α = √(ℓ·ln n + ln 2)` and `β = √((1 − 1/e)·(ln C(n, k) + ℓ·ln n + ln 2))`, and select.
///
/// `ℓ` is raised to `ℓ·(1 + ln 2 / ln n)` first, as in the paper, so both phases together fail
/// with probability at most `n^−ℓ`. Under a weighted ``SpreadObjective`` (roots drawn by worth),
/// the estimator is `W·F` and OPT is at least the largest worth `w_max` instead of 1, so `n` is
/// replaced by `W` wherever it scales a spread (`λ′`, `λ*`, `x = W / 2^i`, `W·F`) and the
/// search runs over `log₂(W / w_max)` halvings (the `ln log₂` term of `λ′` with it); the
/// counting terms `ln C(n, k)` and `ℓ·ln n` keep `n`. The selection phase draws fresh sets rather than reusing
/// those of the first phase: reuse makes the two phases dependent and voids the guarantee
/// (Chen, "An Issue in the Martingale Analysis of the Influence Maximization Algorithm IMM",
/// 2018). Works on any ``LiveEdgeModel``; for models that are not arc-independent it
/// optimises their live-edge approximation.
///
/// - Complexity: `O((k + ℓ)·(n + arcs)·log n / ε²)` expected time (Tang et al., Theorem 3);
///   memory is that of the RR sets of the larger phase.
public struct IMM: LiveEdgeSeedingPolicy {
    /// The label in outputs (default `imm`).
    public let name: String
    /// `ε`: the approximation slack, in (0, 1).
    public let epsilon: Double
    /// `ℓ`: the guarantee holds with probability `1 − n^−ℓ`.
    public let ell: Double
    /// What the seeds should maximise (default the adopters).
    public let objective: SpreadObjective

    /// IMM with approximation slack `epsilon` and confidence exponent `ell`, maximising `objective`.
    public init(name: String = "imm", epsilon: Double = 0.1, ell: Double = 1, objective: SpreadObjective = .adopters) {
        precondition(epsilon > 0 && epsilon < 1 && ell > 0)
        self.name = name
        self.epsilon = epsilon
        self.ell = ell
        self.objective = objective
    }

    /// The live-edge form of `model` weighted by the objective.
    func liveEdgeModel(_ model: CompiledModel) throws -> LiveEdgeModel {
        try LiveEdgeModel(model, objective: objective, policy: name)
    }

    /// The seeds with their gains: `n` (or `W`) times the fraction of selection-phase RR sets
    /// each newly covers (they sum to ``Run/estimatedSpread``), and the upper bound on the
    /// optimum its selection sets certify.
    public func chooseSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenSeeds
    {
        let run = try run(
            count: count, model: try liveEdgeModel(context.model), threads: context.threads, boundsOptimum: true,
            progress: context.progress, using: &rng)
        return ChosenSeeds(seeds: run.seeds, marginalGains: run.marginalGains, certificate: run.optimumBound)
    }

    /// What one run of IMM did.
    public struct Run: Sendable {
        /// The seeds, best first.
        public var seeds: [NodeID]
        /// The lower bound on OPT found by the sampling phase.
        public var lowerBound: Double
        /// RR sets drawn in the selection phase (`θ`).
        public var selectionSets: Int
        /// `n` (or `W`) times the fraction of selection-phase sets the seeds cover: an unbiased
        /// estimate of their spread (or objective).
        public var estimatedSpread: Double
        /// Per seed, `n` (or `W`) times the fraction of selection-phase sets it newly covers
        /// (they sum to ``estimatedSpread``).
        public var marginalGains: [Double]
        /// The largest memory the RR sets (with the sampling phase's coverage index) held, in bytes.
        public var peakSetBytes: Int
        /// With `boundsOptimum`: the upper bound on the optimum from the selection sets at
        /// failure probability `1/n` (``SpreadCertificate``; no lower bound, since the seeds
        /// were chosen on those sets). Else `nil`.
        public var optimumBound: SpreadCertificate?
    }

    /// The most RR sets a run may ask for (their offsets alone would take 16 GiB); the memory
    /// check stops a scenario long before, unless `--memory-limit` was raised past reason.
    static let maximumSets = 1 << 31

    /// `sets` rounded up, or an error when ε and ℓ ask for more than ``maximumSets``.
    private func setCount(_ sets: Double) throws -> Int {
        guard sets <= Double(Self.maximumSets) else {
            throw SeedingError(
                "policy '\(name)': IMM with ε = \(epsilon), ℓ = \(ell) needs \(String(format: "%.3g", sets)) RR sets, more than \(Self.maximumSets)"
            )
        }
        return Int(sets.rounded(.up))
    }

    /// Runs both phases on `model` and reports the details; `progress` counts the RR sets of
    /// each phase. With `boundsOptimum` the greedy also bounds the optimum (``Run/optimumBound``).
    ///
    /// - Throws: ``SeedingError`` when the graph has fewer than two nodes, or ε and ℓ ask for
    ///   more than ``maximumSets`` RR sets.
    public func run(
        count k: Int, model: LiveEdgeModel, threads: Int, boundsOptimum: Bool = false,
        progress: ProgressMeter = .silent, using rng: inout Xoshiro256StarStar
    ) throws -> Run {
        let n = model.graph.nodeCount
        let sample = try selectionSets(count: k, model: model, threads: threads, progress: progress, using: &rng)
        let sets = sample.sets
        let selection = MaximumCoverage.greedy(sets, count: min(max(k, 1), n), boundsOptimum: boundsOptimum)
        return Run(
            seeds: selection.seeds, lowerBound: sample.lowerBound, selectionSets: sets.count,
            estimatedSpread: sets.estimate(covering: selection.coveredSets),
            marginalGains: selection.gains.map { sets.estimate(covering: $0) },
            peakSetBytes: max(sample.samplingBytes, sets.memoryBytes),
            optimumBound: selection.optimumBound.map {
                SpreadCertificate(
                    scale: sets.scale, optimumCoverageBound: $0, selectionSets: sets.count, a: log(Double(n)))
            })
    }

    /// IMM's two phases up to the greedy: the sampling phase's lower bound on OPT for `k`
    /// seeds, and the fresh selection-phase sets `θ = λ*/LB` it asks for.
    ///
    /// - Throws: as ``run(count:model:threads:boundsOptimum:progress:using:)``.
    func selectionSets(
        count k: Int, model: LiveEdgeModel, threads: Int, progress: ProgressMeter,
        using rng: inout Xoshiro256StarStar
    ) throws -> (sets: ReverseReachableSets, lowerBound: Double, samplingBytes: Int) {
        let n = model.graph.nodeCount
        guard n >= 2 else { throw SeedingError("policy '\(name)': IMM needs at least 2 users, got \(n)") }
        let k = min(max(k, 1), n)
        let scale = model.spreadScale
        let smallestOptimum = model.weights.maximum
        let bounds = Self.Bounds(
            nodeCount: n, seeds: k, epsilon: epsilon, ell: ell, scale: scale, smallestOptimum: smallestOptimum)
        let streams = RandomStreams(masterSeed: rng.next())
        var sets = ReverseReachableSets(for: model)
        var index = CoverageIndex(nodeCount: n)
        var lowerBound = smallestOptimum
        for i in 1..<max(2, Int(log2(bounds.range).rounded(.up))) {
            let x = scale / pow(2, Double(i))
            let target = try setCount(bounds.lambdaPrime / x)
            let drawn = sets.count
            sets.extend(
                to: target, model: model, streams: streams, family: 0, threads: threads,
                progress: {
                    progress.count($0 - drawn, of: target - drawn, unit: "new RR sets to bound OPT, round \(i)")
                })
            index.update(with: sets)
            let greedy = MaximumCoverage.greedy(sets, index: index, count: k)
            let covered = sets.estimate(covering: greedy.coveredSets)
            if covered >= (1 + bounds.epsilonPrime) * x {
                lowerBound = covered / (1 + bounds.epsilonPrime)
                break
            }
        }
        let samplingBytes = sets.memoryBytes + index.memoryBytes
        index = CoverageIndex(nodeCount: 0)
        sets = ReverseReachableSets(for: model)
        let target = try setCount(bounds.lambdaStar / lowerBound)
        sets.extend(
            to: target, model: model, streams: streams, family: 1, threads: threads,
            progress: { progress.count($0, of: target, unit: "RR sets for selection") })
        return (sets, lowerBound, samplingBytes)
    }

    /// IMM's sample-size constants for `n` nodes, `k` seeds, `ε` and `ℓ` (Tang et al. 2015,
    /// equations 9 and 6, with `ℓ` already raised by `1 + ln 2 / ln n`), for an objective of
    /// scale `W` (`n` for the spread) whose optimum is at least `w_max` (1 for the spread).
    public struct Bounds: Sendable, Equatable {
        /// `ℓ·(1 + ln 2 / ln n)`.
        public var ell: Double
        /// `ε′ = √2·ε`.
        public var epsilonPrime: Double
        /// `W / w_max` (at least 2): the range the sampling phase halves its guess of OPT over.
        public var range: Double
        /// `λ′ = (2 + 2ε′/3)·(ln C(n, k) + ℓ·ln n + ln log₂(W / w_max))·W / ε′²`.
        public var lambdaPrime: Double
        /// `λ* = 2W·((1 − 1/e)·α + β)² / ε²`.
        public var lambdaStar: Double

        /// The constants for the given problem size; `scale` defaults to `n` and
        /// `smallestOptimum` to 1, the spread's.
        public init(
            nodeCount: Int, seeds: Int, epsilon: Double, ell rawEll: Double, scale: Double? = nil,
            smallestOptimum: Double = 1
        ) {
            let n = Double(nodeCount)
            let scale = scale ?? n
            let logN = log(n)
            ell = rawEll * (1 + log(2) / logN)
            epsilonPrime = 2.0.squareRoot() * epsilon
            range = max(2, scale / smallestOptimum)
            let logBinomial = Self.logBinomial(nodeCount, seeds)
            lambdaPrime =
                (2 + 2 * epsilonPrime / 3) * (logBinomial + ell * logN + log(log2(range))) * scale
                / (epsilonPrime * epsilonPrime)
            let e = 1 - 1 / M_E
            let alpha = (ell * logN + log(2)).squareRoot()
            let beta = (e * (logBinomial + ell * logN + log(2))).squareRoot()
            lambdaStar = 2 * scale * (e * alpha + beta) * (e * alpha + beta) / (epsilon * epsilon)
        }

        /// `ln C(n, k)`, via the log-gamma function.
        static func logBinomial(_ n: Int, _ k: Int) -> Double {
            lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
        }
    }
}
