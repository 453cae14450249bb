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
        makeWorkspace: () -> Workspace,
        _ body: (Int, inout Workspace) -> Result
    ) -> [Result] {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var workspace = makeWorkspace()
            return (0..<count).map { body($0, &workspace) }
        }
        let slots = UnsafeMutablePointer<Result>.allocate(capacity: count)
        defer { slots.deallocate() }
        withoutActuallyEscaping(makeWorkspace) { makeWorkspace in
            withoutActuallyEscaping(body) { body in
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var workspace = makeWorkspace()
                    var index = worker
                    while index < count {
                        (slots + index).initialize(to: body(index, &workspace))
                        index += workers
                    }
                }
            }
        }
        let results = Array(UnsafeBufferPointer(start: slots, count: count))
        slots.deinitialize(count: count)
        return results
    }
}
