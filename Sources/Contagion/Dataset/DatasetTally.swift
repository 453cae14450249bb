/// The statistics of a generated dataset, gathered while its interactions stream past:
/// counts per action and channel, item popularity, cascade trees, users' observed tastes,
/// click rates by affinity and ratings.
///
/// - Complexity: O(1) per interaction but clicks (O(d)); memory O(n·d + m + shares).
struct DatasetTally {
    /// Interactions per (action, channel), indexed by the enums' case order.
    private(set) var counts: [[Int]]
    /// Clicks per item.
    private(set) var itemClicks: [Int]
    /// Clicks per user.
    private(set) var userClicks: [Int32]
    /// Per user, the summed topic vectors of the items they clicked (row-major, `n × d`).
    private(set) var behaviour: [Float]
    /// Shares in each cascade tree (a tree starts at a share with no friend behind it).
    private(set) var treeSizes: [Int32] = []
    /// The (user, item) clicks in time order.
    private(set) var clicks: [(user: NodeID, item: Int32)] = []
    /// Impressions and clicks per affinity decile (edges from ``AffinityScale``).
    private(set) var impressionsByDecile = [Int](repeating: 0, count: 10)
    private(set) var clicksByDecile = [Int](repeating: 0, count: 10)
    /// Ratings given, per value 1…5.
    private(set) var ratings = [Int](repeating: 0, count: 5)
    /// Impressions per step and channel (``ExposureChannel`` case order).
    private(set) var impressionsByStep: [[Int]] = []

    private let catalogue: Catalogue
    private var treeOfShare: [UInt64: Int32] = [:]

    init(userCount: Int, catalogue: Catalogue) {
        self.catalogue = catalogue
        counts = InteractionAction.allCases.map { _ in ExposureChannel.allCases.map { _ in 0 } }
        itemClicks = [Int](repeating: 0, count: catalogue.count)
        userClicks = [Int32](repeating: 0, count: userCount)
        behaviour = [Float](repeating: 0, count: userCount * catalogue.topicCount)
    }

    /// Counts one interaction; `decile` is the affinity decile of its exposure.
    mutating func count(_ interaction: Interaction, decile: Int) {
        counts[interaction.action.caseIndex][interaction.channel.caseIndex] += 1
        let user = Int(interaction.user)
        let item = Int(interaction.item)
        switch interaction.action {
        case .impression:
            impressionsByDecile[decile] += 1
            let step = Int(interaction.step)
            while impressionsByStep.count <= step {
                impressionsByStep.append([Int](repeating: 0, count: ExposureChannel.allCases.count))
            }
            impressionsByStep[step][interaction.channel.caseIndex] += 1
        case .click:
            clicksByDecile[decile] += 1
            itemClicks[item] += 1
            userClicks[user] += 1
            clicks.append((interaction.user, interaction.item))
            let d = catalogue.topicCount
            for k in 0..<d { behaviour[user * d + k] += catalogue.topics[item * d + k] }
        case .share:
            let key = UInt64(user) * UInt64(catalogue.count) + UInt64(item)
            if interaction.source < 0 {
                treeOfShare[key] = Int32(treeSizes.count)
                treeSizes.append(1)
            } else {
                // The source shared the item before exposing the user, so its tree is known.
                guard let tree = treeOfShare[UInt64(interaction.source) * UInt64(catalogue.count) + UInt64(item)]
                else { preconditionFailure("a share before its source's share") }
                treeOfShare[key] = tree
                treeSizes[Int(tree)] += 1
            }
        case .purchase, .rating:
            break
        }
    }

    /// Counts a rating of `value` in 1…5.
    mutating func countRating(_ value: Int) { ratings[value - 1] += 1 }

    /// The number of interactions of `action` (through `channel`, or any).
    func count(of action: InteractionAction, channel: ExposureChannel? = nil) -> Int {
        let row = counts[action.caseIndex]
        guard let channel else { return row.reduce(0, +) }
        return row[channel.caseIndex]
    }

    /// Every interaction counted.
    var total: Int { counts.joined().reduce(0, +) }
}
