/// Each user's feed order under the current recommender fit: computed when the user first
/// needs a feed after a fit, then walked until the next fit.
///
/// A fit's scores do not change until the next fit, so the feed of a later step is the front of
/// the same ranking minus what the user has seen since. Each list keeps the best `length`
/// items the user had not seen when it was built (ties by item id, as ``TopK``); if the user
/// has since seen so many that the list runs short, it is rebuilt. The result is the feed that
/// ranking the whole catalogue every step would give, at one scoring per user and fit.
///
/// - Complexity: a rebuild is one scoring plus O(m log(L + seen)); memory 4·n·L bytes.
struct FeedRanking {
    private let itemCount: Int
    private let length: Int
    private var lists: [Int32]
    private var listCounts: [Int32]
    private var versions: [Int32]
    private var seenCounts: [Int32]
    private var version: Int32 = 0
    private var scores: [Float]

    /// Rankings of `length` items for `userCount` users over `itemCount` items, none built yet.
    init(userCount: Int, itemCount: Int, length: Int) {
        self.itemCount = itemCount
        self.length = max(1, min(length, itemCount))
        lists = [Int32](repeating: 0, count: userCount * self.length)
        listCounts = [Int32](repeating: 0, count: userCount)
        versions = [Int32](repeating: -1, count: userCount)
        seenCounts = [Int32](repeating: 0, count: userCount)
        scores = [Float](repeating: 0, count: itemCount)
    }

    /// Notes that `user` has seen one more item (through any channel).
    mutating func markSeen(_ user: Int) { seenCounts[user] += 1 }

    /// Forgets every list: the recommender has been refitted.
    mutating func invalidate() { version += 1 }

    /// The `count` best items `user` has not seen, best first.
    ///
    /// - Parameters:
    ///   - isSeen: whether the user has seen an item.
    ///   - score: fills every item's score for this user (the recommender, with its draws).
    mutating func next(
        _ count: Int, for user: Int, using rng: inout Xoshiro256StarStar, isSeen: (Int) -> Bool,
        score: (inout [Float], inout Xoshiro256StarStar) -> Void
    ) -> [Int] {
        if versions[user] != version { rebuild(user, using: &rng, isSeen: isSeen, score: score) }
        var feed = front(count, of: user, isSeen: isSeen)
        if feed.count < count && Int(listCounts[user]) == length {
            rebuild(user, using: &rng, isSeen: isSeen, score: score)
            feed = front(count, of: user, isSeen: isSeen)
        }
        return feed
    }

    private func front(_ count: Int, of user: Int, isSeen: (Int) -> Bool) -> [Int] {
        var feed: [Int] = []
        feed.reserveCapacity(count)
        for slot in (user * length)..<(user * length + Int(listCounts[user])) where feed.count < count {
            let item = Int(lists[slot])
            if !isSeen(item) { feed.append(item) }
        }
        return feed
    }

    private mutating func rebuild(
        _ user: Int, using rng: inout Xoshiro256StarStar, isSeen: (Int) -> Bool,
        score: (inout [Float], inout Xoshiro256StarStar) -> Void
    ) {
        score(&scores, &rng)
        // Among the best L + seen items at least L are unseen (or every unseen item is there).
        let candidates = TopK.indices(of: scores, count: min(itemCount, length + Int(seenCounts[user])))
        var stored = 0
        for item in candidates where stored < length && !isSeen(item) {
            lists[user * length + stored] = Int32(item)
            stored += 1
        }
        listCounts[user] = Int32(stored)
        versions[user] = version
    }
}
