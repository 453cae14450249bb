import Dispatch
import Foundation

/// Runs independent work items on several threads and returns results in index order.
///
/// Work item `i` always computes the same value whichever thread runs it, so the merged
/// result does not depend on the thread count or on scheduling.
public enum Parallel {
    /// The number of cores, the default thread count.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Computes `body(i, &workspace)` for every `i` in `0..<count` on up to `threads` threads.
    ///
    /// Each thread makes one workspace with `makeWorkspace` and reuses it for every item it
    /// runs, so kernels allocate their scratch arrays once per thread, not once per item.
    /// Items are dealt round-robin (thread `t` runs `t, t + threads, …`).
    public static func map<Workspace, Result>(
        count: Int,
        threads: Int,
        makeWorkspace: @Sendable () -> Workspace,
        _ body: @Sendable (Int, inout Workspace) -> Result
    ) -> [Result] {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var workspace = makeWorkspace()
            return (0..<count).map { body($0, &workspace) }
        }
        let slots = ResultSlots<Result>(count: count)
        defer { slots.deallocate() }
        withoutActuallyEscaping(makeWorkspace) { makeWorkspace in
            withoutActuallyEscaping(body) { body in
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var workspace = makeWorkspace()
                    var index = worker
                    while index < count {
                        slots.initialize(index, to: body(index, &workspace))
                        index += workers
                    }
                }
            }
        }
        return slots.moveAll()
    }
}

/// The result slots of one ``Parallel/map(count:threads:makeWorkspace:_:)``, written by its workers.
///
/// `@unchecked Sendable` is sound here: each index is initialised by exactly one worker (items
/// are dealt round-robin), and the slots are read only after `concurrentPerform` has returned,
/// which happens after every worker has finished.
private struct ResultSlots<Result>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Result>
    private let count: Int

    init(count: Int) {
        base = .allocate(capacity: count)
        self.count = count
    }

    func initialize(_ index: Int, to value: Result) { (base + index).initialize(to: value) }

    /// The results, in index order; every slot must have been initialised.
    func moveAll() -> [Result] {
        let results = Array(UnsafeBufferPointer(start: base, count: count))
        base.deinitialize(count: count)
        return results
    }

    func deallocate() { base.deallocate() }
}

/// A buffer that the work items of one ``Parallel/map(count:threads:makeWorkspace:_:)`` write in
/// disjoint ranges (walk `w` writes only its own row).
///
/// `@unchecked Sendable` is sound while every index is written by one work item only and the
/// buffer is read after the map returns; the owner keeps the memory alive for that long.
struct DisjointWrites<Element>: @unchecked Sendable {
    /// The buffer's start.
    let base: UnsafeMutablePointer<Element>

    /// Writes into `buffer`, which must outlive every use.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.start
    }
}
