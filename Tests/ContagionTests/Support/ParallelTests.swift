import Foundation
import Testing

@testable import Contagion

@Suite struct ParallelTests {
    /// A thread-safe counter of workspaces made.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() {
            lock.lock()
            value += 1
            lock.unlock()
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    @Test(arguments: [1, 2, 5])
    func resultsComeBackInIndexOrder(threads: Int) {
        let results = Parallel.map(count: 100, threads: threads, makeWorkspace: { () }) { index, _ in index }
        #expect(results == Array(0..<100))
    }

    @Test(arguments: [1, 2, 5])
    func parallelMapEqualsTheSerialMap(threads: Int) {
        // A per-index generator, as the simulation uses, so the value cannot depend on the thread.
        @Sendable func work(_ index: Int) -> String {
            var rng = Xoshiro256StarStar(seed: UInt64(index))
            return (0..<index % 7).map { _ in String(rng.nextIndex(below: 1000)) }.joined(separator: "-")
        }
        let serial = (0..<53).map(work)
        let parallel = Parallel.map(count: 53, threads: threads, makeWorkspace: { () }) { index, _ in work(index) }
        #expect(parallel == serial)
    }

    /// Items are dealt round-robin, one workspace per worker: worker `t` runs `t, t + w, …`,
    /// so item `i` is the `(i / w + 1)`-th item its workspace has seen.
    @Test(arguments: [(1, 10), (2, 10), (5, 12), (5, 3), (4, 4)])
    func eachWorkerReusesOneWorkspace(threads: Int, count: Int) {
        let made = Counter()
        let results = Parallel.map(
            count: count, threads: threads,
            makeWorkspace: { () -> Int in
                made.increment()
                return 0
            }
        ) { _, itemsSeen in
            itemsSeen += 1
            return itemsSeen
        }
        let workers = max(1, min(threads, count))
        #expect(results == (0..<count).map { $0 / workers + 1 })
        #expect(made.count == workers)
    }

    @Test(arguments: [1, 3])
    func zeroItemsGiveAnEmptyResult(threads: Int) {
        let results = Parallel.map(count: 0, threads: threads, makeWorkspace: { () }) { index, _ in index }
        #expect(results.isEmpty)
    }

    @Test func coreCountIsPositive() {
        #expect(Parallel.coreCount >= 1)
    }
}

/// The library's stated invariants (`Support/Invariants.swift`).
@Suite struct InvariantsTests {
    @Test func theFirstMaximumWinsTies() {
        #expect([3, 7, 7, 1].indexOfFirstMaximum(by: <) == 1)
        #expect([5].indexOfFirstMaximum(by: <) == 0)
    }

    @Test func casesKnowTheirPosition() {
        #expect(InteractionAction.allCases.map(\.caseIndex) == Array(InteractionAction.allCases.indices))
    }

    @Test func anEmptyBufferHasAStandInStart() {
        let empty = UnsafeMutableBufferPointer<Int>(start: nil, count: 0)
        #expect(Int(bitPattern: empty.start) == MemoryLayout<Int>.alignment)
        var one = [4]
        one.withUnsafeMutableBufferPointer { buffer in #expect(buffer.start.pointee == 4) }
    }
}
