import Testing

@testable import Contagion

/// The cached feed order against ranking the whole catalogue at every request.
@Suite struct FeedRankingTests {
    /// Users see items at random between requests (as friends' shares would show them); the
    /// cached ranking must give exactly the best unseen items every time, through refits.
    @Test func givesTheBestUnseenItemsOfAFullRankingEveryTime() {
        let users = 30
        let items = 50
        let slots = 3
        let scores = (0..<(users * items)).map { Float(($0 * 7919) % 97) }  // ties included
        var seen = Set<Int>()
        var ranking = FeedRanking(userCount: users, itemCount: items, length: 5)
        var rng = Xoshiro256StarStar(seed: 1)
        var shift: Float = 0
        for step in 0..<40 {
            if step % 10 == 0 {
                ranking.invalidate()
                shift = Float(step)
            }
            for user in 0..<users {
                for _ in 0..<2 where rng.nextUnit() < 0.5 {
                    let item = rng.nextIndex(below: items)
                    if seen.insert(user * items + item).inserted { ranking.markSeen(user) }
                }
                func userScores(_ buffer: inout [Float]) {
                    for item in 0..<items { buffer[item] = scores[user * items + item] + (item % 3 == 0 ? shift : 0) }
                }
                let feed = ranking.next(slots, for: user, using: &rng) {
                    seen.contains(user * items + $0)
                } score: {
                    buffer, _ in
                    userScores(&buffer)
                }
                var full = [Float](repeating: 0, count: items)
                userScores(&full)
                let expected = TopK.indices(of: full, count: slots) { seen.contains(user * items + $0) }
                #expect(feed == expected)
                for item in feed where seen.insert(user * items + item).inserted { ranking.markSeen(user) }
            }
        }
    }
}
