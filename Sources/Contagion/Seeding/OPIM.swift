import Foundation

/// OPIM-C (Tang, Tang, Xiao & Yuan, SIGMOD 2018): influence maximisation that stops as soon
/// as its own sets certify the chosen seeds, instead of drawing the worst-case sample.
///
/// RR sets are drawn in two independent halves, `R₁` and `R₂`, starting at
/// `θ₀ = 2((1 − 1/e)·α + β)²` each, with `α = √ln(6/δ)` and `β = √((1 − 1/e)(ln C(n, k) + ln(6/δ)))`.
/// Each round picks `k` seeds by greedy maximum coverage on `R₁`, bounds the optimum from
/// the greedy's steps on `R₁` and the seeds' spread from `R₂` (``SpreadCertificate``, each
/// bound at failure probability `δ / (3·i_max)`), and stops when the certified ratio reaches
/// `1 − 1/e − ε`; otherwise both halves double, up to `θ_max = θ₀·n/(k·ε²)` sets each
/// (`i_max` rounds), where the ratio holds by the worst-case analysis. With probability at
/// least `1 − δ` the result is `(1 − 1/e − ε)`-approximate and its certificate is valid.
/// Under a weighted ``SpreadObjective`` the sets scale by `W` instead of `n` and the optimum is
/// at least the `k` largest worths summed (`k` for the spread), which replaces `k` in `θ_max`.
public struct OPIM: LiveEdgeSeedingPolicy {
    public let name: String
    /// `ε`, the approximation slack, in (0, 1).
    public let epsilon: Double
    /// `δ`, the failure probability, in (0, 1); `nil`: `1/n`.
    public let delta: Double?
    /// What the seeds should maximise (default the adopters).
    public let objective: SpreadObjective

    /// OPIM-C named `name` with slack `epsilon` and failure probability `delta` (`nil`: `1/n`),
    /// maximising `objective`.
    public init(
        name: String = "opim", epsilon: Double = 0.1, delta: Double? = nil, objective: SpreadObjective = .adopters
    ) {
        self.name = name
        self.epsilon = epsilon
        self.delta = delta
        self.objective = objective
    }

    /// The seeds with their gains on `R₁` (rescaled so they sum to the spread estimated on
    /// `R₂`) and their certificate.
    public func chooseSeeds(count: Int, in context: SeedingContext, using rng: inout Xoshiro256StarStar) throws
        -> ChosenSeeds
    {
        let run = try run(
            count: count, model: try LiveEdgeModel(context.model, objective: objective, policy: name),
            threads: context.threads, progress: context.progress, using: &rng)
        return ChosenSeeds(seeds: run.seeds, marginalGains: run.marginalGains, certificate: run.certificate)
    }

    /// What one run of OPIM-C did.
    public struct Run: Sendable {
        /// The seeds, best first.
        public var seeds: [NodeID]
        /// Their certificate from the last round.
        public var certificate: SpreadCertificate
        /// RR sets in each half when it stopped.
        public var setsPerHalf: Int
        /// Rounds run (1 … `i_max`).
        public var rounds: Int
        /// `n` times the fraction of `R₂` the seeds cover: an unbiased estimate of their spread.
        public var estimatedSpread: Double
        /// Per seed, its share of ``estimatedSpread`` in proportion to its greedy gain on `R₁`.
        public var marginalGains: [Double]
    }

    /// The sample sizes for `n` nodes and `k` seeds: `θ₀`, the rounds `i_max`, and `a`; for a
    /// weighted objective `scale` is `W` and `smallestOptimum` the `k` largest worths summed
    /// (`n` and `k` by default).
    static func schedule(
        nodeCount n: Int, seeds k: Int, epsilon: Double, delta: Double, scale: Double? = nil,
        smallestOptimum: Double? = nil
    ) -> (initial: Int, rounds: Int, a: Double) {
        let e = 1 - 1 / M_E
        let alpha = log(6 / delta).squareRoot()
        let beta = (e * (IMM.Bounds.logBinomial(n, k) + log(6 / delta))).squareRoot()
        let initial = 2 * (e * alpha + beta) * (e * alpha + beta)
        let maximum = initial * (scale ?? Double(n)) / ((smallestOptimum ?? Double(k)) * epsilon * epsilon)
        let rounds = Int(log2(maximum / initial)) + 1
        return (Int(initial.rounded(.up)), rounds, log(3 * Double(rounds) / delta))
    }

    /// Runs OPIM-C on `model`; `progress` counts each round's sets.
    ///
    /// - Throws: ``SeedingError`` when the graph has fewer than two nodes.
    public func run(
        count k: Int, model: LiveEdgeModel, threads: Int, progress: ProgressMeter = .silent,
        using rng: inout Xoshiro256StarStar
    ) throws -> Run {
        let n = model.graph.nodeCount
        guard n >= 2 else { throw SeedingError("policy '\(name)': OPIM-C needs at least 2 users, got \(n)") }
        let k = min(max(k, 1), n)
        let plan = Self.schedule(
            nodeCount: n, seeds: k, epsilon: epsilon, delta: delta ?? 1 / Double(n), scale: model.spreadScale,
            smallestOptimum: model.weights.largestSum(k))
        let streams = RandomStreams(masterSeed: rng.next())
        var selection = ReverseReachableSets(for: model)
        var validation = ReverseReachableSets(for: model)
        var index = CoverageIndex(nodeCount: n)
        var round = 0
        while true {
            round += 1
            let target = plan.initial << (round - 1)
            // This round's new sets in both halves, against this round's need.
            let drawn = selection.count + validation.count
            let unit = "new RR sets, round \(round) of at most \(plan.rounds)"
            ReverseReachableSets.extendHalves(
                &selection, &validation, to: target, model: model, streams: streams, threads: threads,
                progress: { progress.count($0 - drawn, of: 2 * target - drawn, unit: unit) })
            index.update(with: selection)
            let greedy = MaximumCoverage.greedy(selection, index: index, count: k, boundsOptimum: true)
            let covered = MaximumCoverage.coverage(of: greedy.seeds, in: validation)
            let certificate = SpreadCertificate(
                scale: validation.scale, validationCoverage: covered, validationSets: validation.count,
                optimumCoverageBound: greedy.optimumBound ?? selection.count, selectionSets: selection.count,
                a: plan.a)
            if certificate.ratio ?? 0 >= 1 - 1 / M_E - epsilon || round >= plan.rounds {
                let spread = validation.estimate(covering: covered)
                let total = max(1, greedy.coveredSets)
                return Run(
                    seeds: greedy.seeds, certificate: certificate, setsPerHalf: selection.count, rounds: round,
                    estimatedSpread: spread, marginalGains: greedy.gains.map { spread * Double($0) / Double(total) })
            }
        }
    }
}
