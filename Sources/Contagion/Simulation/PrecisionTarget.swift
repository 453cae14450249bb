/// "Run until decided": replicates are added in fixed batches until a criterion fixed in
/// advance holds, or a cap.
///
/// The experiment runs `batch` replicates, checks, runs `batch` more (replicates `batch …
/// 2·batch − 1`, the same worlds a longer run would use), and so on, up to
/// ``maximumReplicates``: at most `L = ⌈maximumReplicates / batch⌉` looks. The criterion is
/// judged on mean adopters:
/// - ``Criterion/separated``: in every cell (k, recommender, model, item) the best arm is
///   significantly better than every other, with Holm's adjustment at level `0.05 / L` at each
///   look. Splitting 5% over the looks (Bonferroni) keeps the chance that any look declares a
///   false winner below 5% whatever the stopping time, so stopping does not inflate it.
/// - ``Criterion/width(_:)``: every arm's 95% interval for its mean is at most `w` wide.
///   Fixed-width stopping of this kind keeps the interval's coverage close to 95% when the
///   first batch is not tiny (Chow & Robbins 1965); the tables' intervals are the usual ones.
public struct PrecisionTarget: Sendable, Equatable {
    /// When to stop adding replicates.
    public enum Criterion: Sendable, Equatable {
        /// The best arm of every cell is separated from the rest.
        case separated
        /// Every arm's 95% interval of mean adopters is at most this wide.
        case width(Double)
    }

    /// The criterion.
    public var criterion: Criterion
    /// Replicates added per look (the scenario's `simulation.replicates`).
    public var batch: Int
    /// The cap on replicates.
    public var maximumReplicates: Int

    /// A target; `batch` ≥ 1 and `maximumReplicates` ≥ `batch`.
    public init(criterion: Criterion, batch: Int, maximumReplicates: Int) {
        precondition(batch >= 1 && maximumReplicates >= batch)
        self.criterion = criterion
        self.batch = batch
        self.maximumReplicates = maximumReplicates
    }

    /// The most looks the experiment can take.
    public var looks: Int { (maximumReplicates + batch - 1) / batch }

    /// The significance level of each look's separation test.
    public var levelPerLook: Double { ArmComparisons.level / Double(looks) }

    /// Whether `result` (all arms at the same replicate count) meets the criterion.
    public func isMet(by result: ExperimentResult, plan: ExperimentPlan) -> Bool {
        // A joint campaign is judged on its items taken together, as its ranking is.
        let cells = ArmComparisons(result, plan: plan, level: levelPerLook, metrics: [Self.metric]).cells.filter {
            plan.joint == nil || plan.targets[$0.itemIndex].isCampaign
        }
        switch criterion {
        case .separated:
            return cells.allSatisfy { $0.tiedWithBest.count { $0 } == 1 }
        case .width(let width):
            return cells.allSatisfy { cell in cell.summaries.allSatisfy { $0.upper95 - $0.lower95 <= width } }
        }
    }

    /// What the criterion judges: mean adopters.
    static var metric: CascadeStatistics.Metric {
        CascadeStatistics.metrics.first { $0.name == "adopters" } ?? CascadeStatistics.metrics[0]
    }

    /// Why a run with this target stopped after `replicates`, given whether the criterion was met.
    public static func stopReason(met: Bool, criterion: Criterion) -> String {
        guard met else { return "max_replicates" }
        switch criterion {
        case .separated: return "separated"
        case .width: return "width"
        }
    }
}
