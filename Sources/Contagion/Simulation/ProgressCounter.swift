import Foundation

/// A thread-safe count of finished runs that forwards to a progress callback.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func increment() {
        guard let report else { return }
        lock.lock()
        finished += 1
        let value = finished
        lock.unlock()
        report(value, total)
    }
}
