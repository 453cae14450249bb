import Foundation

/// How far a long command has got: the phase it is in (`choosing seeds: imm, k = 50`), and
/// within it how many of how many units (`RR sets`, `runs`, `walks`, `epochs`, `steps`) are
/// done. Phases and counts are posted from any thread; each change is handed to the
/// command line's handler, which draws it (with an estimate of the time left).
public final class ProgressMeter: @unchecked Sendable {
    /// What the handler is shown.
    public struct Snapshot: Sendable, Equatable {
        /// The phase, named for a reader.
        public var phase: String
        /// Units done in the phase, of `total` (`total` 0: the phase has no count).
        public var finished: Int, total: Int
        /// What is counted.
        public var unit: String
        /// A figure of the work so far (`return 12.3`, `8,000 interactions`), or empty.
        public var detail = ""
        /// Seconds since the count began (for the time left).
        public var seconds: Double
    }

    private let lock = NSLock()
    private let handler: (@Sendable (Snapshot) -> Void)?
    private var snapshot = Snapshot(phase: "", finished: 0, total: 0, unit: "", seconds: 0)
    private var countStart = DispatchTime.now()

    /// A meter that hands every change to `handler`.
    public init(_ handler: (@Sendable (Snapshot) -> Void)?) { self.handler = handler }

    /// A meter that shows nothing.
    public static let silent = ProgressMeter(nil)

    /// Starts `phase`, counting `total` `unit` (0: no count yet).
    public func begin(_ phase: String, unit: String = "", total: Int = 0) {
        update {
            $0 = Snapshot(phase: phase, finished: 0, total: total, unit: unit, seconds: 0)
            countStart = DispatchTime.now()
        }
    }

    /// Counts `count` more units done.
    public func advance(by count: Int = 1) { update { $0.finished += count } }

    /// Replaces the phase's count: `finished` of `total` `unit`, with `detail` (a new unit
    /// restarts the clock).
    public func count(_ finished: Int, of total: Int, unit: String, detail: String = "") {
        update {
            if $0.unit != unit || finished < $0.finished { countStart = DispatchTime.now() }
            $0.finished = finished
            $0.total = total
            $0.unit = unit
            $0.detail = detail
        }
    }

    /// Applies `change` and hands the result on, under the lock, so the handler sees the
    /// snapshots in the order they were made; a count never shows more than its total.
    private func update(_ change: (inout Snapshot) -> Void) {
        guard let handler else { return }
        lock.lock()
        defer { lock.unlock() }
        change(&snapshot)
        snapshot.seconds = Double(DispatchTime.now().uptimeNanoseconds - countStart.uptimeNanoseconds) / 1e9
        var shown = snapshot
        if shown.total > 0 { shown.finished = min(shown.finished, shown.total) }
        handler(shown)
    }
}
