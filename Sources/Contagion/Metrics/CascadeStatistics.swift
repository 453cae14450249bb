/// The statistics of one cascade: one row of `runs.csv`.
public struct CascadeStatistics: Sendable, Equatable {
    /// Distinct seeds.
    public var seeds = 0
    /// Users who saw the item (seeds included).
    public var exposed = 0
    /// Users who clicked it.
    public var clicks = 0
    /// Users who bought it.
    public var purchases = 0
    /// Summed price of the purchases.
    public var revenue = 0.0
    /// Users activated (shared, adopted, were infected), seeds included.
    public var adopters = 0
    /// The largest distance from a seed in the cascade tree.
    public var depth = 0
    /// The largest number of activated users at one depth.
    public var maximumBreadth = 0
    /// Mean distance between pairs of users in the same cascade tree (Goel et al. 2016).
    public var structuralVirality = 0.0
    /// The step ≥ 1 with the most new adopters (earliest on ties), 0 if none.
    public var peakStep = 0
    /// The last step with a new adopter, 0 if none after the seeds.
    public var duration = 0
    /// Arcs the kernel examined.
    public var arcsExamined = 0
    /// Whether the cascade stopped at the step limit with users still able to spread.
    public var reachedStepLimit = false
    /// Pairs of users in the same cascade tree, `Σ_trees T(T − 1)/2`: the weight of
    /// ``structuralVirality`` when cascades are taken together (not a metric).
    var treePairs = 0.0

    /// An empty cascade.
    public init() {}

    /// Computes the statistics of a recorded cascade.
    ///
    /// - Complexity: O(adopters + steps).
    public init(_ record: CascadeRecorder) {
        tally(record.steps)
        arcsExamined = record.arcsExamined
        reachedStepLimit = (record.steps.last?.infectious ?? 0) > 0
        let shape = CascadeTreeShape(parents: record.parents)
        depth = shape.depth
        maximumBreadth = shape.maximumBreadth
        structuralVirality = shape.structuralVirality
        treePairs = shape.pairs
    }

    /// The statistics of a joint campaign: the cascades of its items, each with its per-step
    /// counts, taken together.
    ///
    /// Counts and arcs add up, and the per-step counts are summed step by step (so the peak
    /// step and duration are those of the campaign's adoptions); structural virality is the
    /// mean distance over pairs in the same tree of any item; depth and largest breadth are the
    /// largest of the items'. The campaign stopped at the step limit if any item did.
    public init(campaign parts: [(statistics: CascadeStatistics, steps: [StepCounts])]) {
        tally(Self.sum(parts.map(\.steps)))
        var distances = 0.0
        for part in parts {
            arcsExamined += part.statistics.arcsExamined
            reachedStepLimit = reachedStepLimit || part.statistics.reachedStepLimit
            depth = max(depth, part.statistics.depth)
            maximumBreadth = max(maximumBreadth, part.statistics.maximumBreadth)
            distances += part.statistics.structuralVirality * part.statistics.treePairs
            treePairs += part.statistics.treePairs
        }
        structuralVirality = treePairs > 0 ? distances / treePairs : 0
    }

    /// Per-step counts added step by step (the longest list sets the length; `infectious` adds up too).
    public static func sum(_ lists: [[StepCounts]]) -> [StepCounts] {
        var total = [StepCounts](repeating: StepCounts(), count: lists.map(\.count).max() ?? 0)
        for list in lists {
            for (step, counts) in list.enumerated() {
                total[step].exposed += counts.exposed
                total[step].clicks += counts.clicks
                total[step].purchases += counts.purchases
                total[step].adopters += counts.adopters
                total[step].infectious += counts.infectious
                total[step].revenue += counts.revenue
            }
        }
        return total
    }

    /// Adds up `steps`: the seeds, the funnel's counts, adopters, peak step and duration.
    private mutating func tally(_ steps: [StepCounts]) {
        seeds = steps.first?.adopters ?? 0
        for (index, counts) in steps.enumerated() {
            exposed += counts.exposed
            clicks += counts.clicks
            purchases += counts.purchases
            revenue += counts.revenue
            adopters += counts.adopters
            if index > 0 && counts.adopters > 0 {
                duration = index
                if counts.adopters > steps[peakStep].adopters || peakStep == 0 { peakStep = index }
            }
        }
    }
}

/// Depth, breadth and structural virality of a cascade forest given by parent pointers.
///
/// `parents[i]` is the index of node `i`'s parent (always `< i`) or −1 for a root (seed).
/// Structural virality is the Wiener index over pairs (Goel, Anderson, Hofman & Watts 2016),
/// computed in O(size) from the edge formula `W = Σ_edges s·(T − s)`, where `s` is the size
/// of the subtree below the edge and `T` the size of its tree. With several seeds it is the
/// mean distance over pairs in the same tree: `Σ_trees W / Σ_trees T(T − 1)/2`.
public struct CascadeTreeShape: Sendable, Equatable {
    /// The largest depth (roots have depth 0).
    public var depth = 0
    /// The largest number of nodes at one depth.
    public var maximumBreadth = 0
    /// Mean distance between pairs in the same tree; 0 when no tree has two nodes.
    public var structuralVirality = 0.0
    /// Pairs of nodes in the same tree, `Σ_trees T(T − 1)/2`.
    public var pairs = 0.0

    /// Measures the forest.
    public init(parents: [Int32]) {
        let count = parents.count
        guard count > 0 else { return }
        var levels = [Int32](repeating: 0, count: count)
        var roots = [Int32](repeating: 0, count: count)
        var breadth: [Int] = []
        for node in 0..<count {
            let parent = Int(parents[node])
            precondition(parent < node, "a parent must come before its child")
            if parent >= 0 {
                levels[node] = levels[parent] + 1
                roots[node] = roots[parent]
            } else {
                roots[node] = Int32(node)
            }
            let level = Int(levels[node])
            if level >= breadth.count { breadth.append(0) }
            breadth[level] += 1
        }
        depth = breadth.count - 1
        maximumBreadth = breadth.max() ?? 0
        var subtree = [Int](repeating: 1, count: count)
        for node in stride(from: count - 1, through: 0, by: -1) where parents[node] >= 0 {
            subtree[Int(parents[node])] += subtree[node]
        }
        var wiener = 0.0
        var pairs = 0.0
        for node in 0..<count {
            if parents[node] < 0 {
                let size = Double(subtree[node])
                pairs += size * (size - 1) / 2
            } else {
                let size = Double(subtree[node])
                wiener += size * (Double(subtree[Int(roots[node])]) - size)
            }
        }
        structuralVirality = pairs > 0 ? wiener / pairs : 0
        self.pairs = pairs
    }
}

extension CascadeStatistics {
    /// A named value of a cascade: a column of `runs.csv` and a metric of `summary.csv` and
    /// `comparisons.csv`.
    public struct Metric: Sendable {
        /// The column name.
        public let name: String
        /// The value of one cascade.
        public let value: @Sendable (CascadeStatistics) -> Double
    }

    /// Every metric, in column order.
    public static let metrics: [Metric] = [
        Metric(name: "seeds") { Double($0.seeds) },
        Metric(name: "exposed") { Double($0.exposed) },
        Metric(name: "clicks") { Double($0.clicks) },
        Metric(name: "purchases") { Double($0.purchases) },
        Metric(name: "revenue") { $0.revenue },
        Metric(name: "adopters") { Double($0.adopters) },
        Metric(name: "depth") { Double($0.depth) },
        Metric(name: "max_breadth") { Double($0.maximumBreadth) },
        Metric(name: "structural_virality") { $0.structuralVirality },
        Metric(name: "peak_step") { Double($0.peakStep) },
        Metric(name: "duration") { Double($0.duration) },
        Metric(name: "arcs_examined") { Double($0.arcsExamined) },
    ]
}
