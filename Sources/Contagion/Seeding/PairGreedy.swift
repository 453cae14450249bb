/// An objective over (user, item) pairs that is a sum of one monotone submodular objective per
/// item, `F(S) = Σ_j f_j(S_j)` with `S_j` the users given item `j`: what ``PairGreedy``
/// maximises.
protocol PairObjective {
    /// What giving `user` the item at `itemIndex` would add to `f_j` now.
    mutating func gain(of user: Int, itemIndex: Int) -> Double
    /// Gives `user` the item at `itemIndex`.
    mutating func add(_ user: Int, itemIndex: Int)
}

/// Lazy greedy over (user, item) pairs: `k` times, the pair with the largest marginal gain
/// among those still allowed (the user not yet seeded, the item below its limit).
///
/// The allowed sets (each user at most once, each item at most its limit, at most `k` in all)
/// are the independent sets of the intersection of two matroids, a partition matroid over
/// users and a laminar one over items; without item limits below `k` they form one matroid
/// (the user partition truncated to rank `k`). Greedy on a monotone submodular function is then
/// a 1/2-approximation for one matroid and 1/3 for two (Fisher, Nemhauser & Wolsey 1978). A
/// gain of item `j`'s pairs changes only when item `j` takes a seed, so an entry is fresh while
/// its item has the seeds it had when the gain was computed; stale entries are recomputed only
/// when they reach the top (CELF's laziness), which gives plain greedy's pairs. Ties go to the
/// lower user, then the earlier item.
enum PairGreedy {
    /// The greedy pairs and their gains.
    ///
    /// - Parameters:
    ///   - initialGains: per item, every user's gain with no seeds (`f_j({u})`).
    ///   - limits: the most seeds per item.
    static func select<Objective: PairObjective>(
        count: Int, initialGains: [[Double]], limits: [Int], objective: inout Objective,
        progress: ProgressMeter = .silent
    ) -> ChosenPairs {
        precondition(initialGains.count == limits.count)
        let users = initialGains.first?.count ?? 0
        // (gain, user, item, the item's seed count when the gain was computed).
        typealias Entry = (gain: Double, user: Int32, item: Int32, round: Int32)
        var entries: [Entry] = []
        for (item, gains) in initialGains.enumerated() where limits[item] > 0 {
            for (user, gain) in gains.enumerated() {
                entries.append((gain: gain, user: Int32(user), item: Int32(item), round: 0))
            }
        }
        var queue = PriorityQueue<Entry>(entries) {
            $0.gain > $1.gain || ($0.gain == $1.gain && ($0.user, $0.item) < ($1.user, $1.item))
        }
        let total = min(count, users, limits.reduce(0) { $0 + min($1, users) })
        var seeded = [Bool](repeating: false, count: users)
        var perItem = [Int](repeating: 0, count: limits.count)
        var chosen = ChosenPairs(pairs: [], marginalGains: [])
        while chosen.pairs.count < total, var top = queue.pop() {
            let user = Int(top.user)
            let item = Int(top.item)
            guard !seeded[user] && perItem[item] < limits[item] else { continue }
            if Int(top.round) == perItem[item] {
                seeded[user] = true
                perItem[item] += 1
                objective.add(user, itemIndex: item)
                chosen.pairs.append(SeedPair(user: NodeID(user), itemIndex: item))
                chosen.marginalGains?.append(top.gain)
                progress.count(chosen.pairs.count, of: total, unit: "(user, item) pairs chosen by lazy greedy")
            } else {
                top.gain = objective.gain(of: user, itemIndex: item)
                top.round = Int32(perItem[item])
                queue.push(top)
            }
        }
        return chosen
    }
}
