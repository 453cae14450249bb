/// What a user did with an item.
public enum InteractionAction: String, Sendable, CaseIterable {
    /// Was shown it (by a friend's share or the feed); every exposure is one impression.
    case impression
    /// Clicked it (the implicit feedback recommenders learn from).
    case click
    /// Bought it.
    case purchase
    /// Shared it with their followers (a seed's launch share included).
    case share
    /// Rated it, 1 to 5, after buying it (written by the dataset generator).
    case rating
}

/// One logged interaction of the recommender-in-the-loop simulation.
public struct Interaction: Sendable, Equatable {
    /// The step it happened in.
    public var step: Int32
    /// Who.
    public var user: NodeID
    /// Which catalogue item.
    public var item: Int32
    /// What they did.
    public var action: InteractionAction
    /// How they had come to see the item.
    public var channel: ExposureChannel
    /// The friend whose share they saw, or −1 (seeds and feed exposures).
    public var source: NodeID

    /// An interaction; see the properties.
    public init(
        step: Int32, user: NodeID, item: Int32, action: InteractionAction, channel: ExposureChannel, source: NodeID = -1
    ) {
        self.step = step
        self.user = user
        self.item = item
        self.action = action
        self.channel = channel
        self.source = source
    }
}

/// Implicit feedback as a binary user × item matrix: 1 where the user clicked the item.
///
/// Stored both ways in compressed rows: each user's items and each item's users, sorted.
///
/// - Complexity: O(interactions + users + items) to build; `hasClicked` is O(log items of the user).
public struct InteractionMatrix: Sendable {
    /// Number of users (rows).
    public let userCount: Int
    /// Number of items (columns).
    public let itemCount: Int
    let userOffsets: [Int]
    let userItems: [Int32]
    let itemOffsets: [Int]
    let itemUsers: [NodeID]

    /// The clicks among `interactions` with `step < before` (every click if `nil`), each
    /// (user, item) pair once.
    public init(userCount: Int, itemCount: Int, interactions: [Interaction], before: Int32? = nil) {
        var pairs: [(user: NodeID, item: Int32)] = []
        for interaction in interactions
        where interaction.action == .click && interaction.step < (before ?? .max) {
            pairs.append((interaction.user, interaction.item))
        }
        self.init(userCount: userCount, itemCount: itemCount, pairs: pairs)
    }

    /// The matrix with a 1 at every listed (user, item) pair; repeats count once.
    public init(userCount: Int, itemCount: Int, pairs: [(user: NodeID, item: Int32)]) {
        let sorted = pairs.sorted { ($0.user, $0.item) < ($1.user, $1.item) }
        var unique: [(user: NodeID, item: Int32)] = []
        for pair in sorted where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        self.userCount = userCount
        self.itemCount = itemCount
        var userOffsets = [Int](repeating: 0, count: userCount + 1)
        var itemOffsets = [Int](repeating: 0, count: itemCount + 1)
        for pair in unique {
            userOffsets[Int(pair.user) + 1] += 1
            itemOffsets[Int(pair.item) + 1] += 1
        }
        for index in 0..<userCount { userOffsets[index + 1] += userOffsets[index] }
        for index in 0..<itemCount { itemOffsets[index + 1] += itemOffsets[index] }
        var itemUsers = [NodeID](repeating: 0, count: unique.count)
        var next = itemOffsets
        // `unique` is sorted by user, so every item's users come out sorted.
        for pair in unique {
            itemUsers[next[Int(pair.item)]] = pair.user
            next[Int(pair.item)] += 1
        }
        self.userOffsets = userOffsets
        self.userItems = unique.map(\.item)
        self.itemOffsets = itemOffsets
        self.itemUsers = itemUsers
    }

    /// The number of (user, item) clicks.
    public var count: Int { userItems.count }

    /// The items `user` clicked, ascending.
    public func items(of user: Int) -> ArraySlice<Int32> { userItems[userOffsets[user]..<userOffsets[user + 1]] }

    /// The users who clicked `item`, ascending.
    public func users(of item: Int) -> ArraySlice<NodeID> { itemUsers[itemOffsets[item]..<itemOffsets[item + 1]] }

    /// Whether `user` clicked `item`.
    public func hasClicked(_ user: Int, _ item: Int) -> Bool {
        var low = userOffsets[user]
        var high = userOffsets[user + 1]
        while low < high {
            let middle = (low + high) / 2
            if userItems[middle] < Int32(item) { low = middle + 1 } else { high = middle }
        }
        return low < userOffsets[user + 1] && userItems[low] == Int32(item)
    }
}
