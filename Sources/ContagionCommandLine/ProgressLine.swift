import Foundation

/// The progress line on stderr: shown only on a terminal, only after the run has lasted a
/// second, redrawn at most five times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    /// Shows `finished` of `total` `unit`, then `detail` if any.
    func update(finished: Int, total: Int, unit: String = "runs", detail: String = "") {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.2 || finished == total else {
            return
        }
        lastDraw = now
        drawn = true
        let percent = 100 * finished / max(total, 1)
        let suffix = detail.isEmpty ? "" : " · \(detail)"
        FileHandle.standardError.write(Data("\r\(finished)/\(total) \(unit) (\(percent)%)\(suffix)   ".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
