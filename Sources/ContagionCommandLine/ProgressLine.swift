import Contagion
import Foundation

/// What long commands print on stderr as they go: each phase with its count, its unit and an
/// estimate of the time left.
///
/// On a terminal one line is redrawn (at most five times a second, from the first second
/// on). With `--progress plain` — for CI logs and batch jobs — a line is printed when a phase
/// begins (at most one a second) and every five seconds within it. `--progress none` and `--quiet` print nothing.
final class ProgressLine: @unchecked Sendable {
    /// How progress is shown.
    enum Mode: String, CaseIterable {
        /// A redrawn line on a terminal, nothing otherwise.
        case auto
        /// A line per phase and every few seconds, for logs.
        case plain
        /// Nothing.
        case none
    }

    /// `--progress auto|plain|none`, shared by the commands that run long.
    static let option = CommandSpec.Option(
        name: "progress", kind: .text, placeholder: "MODE",
        help: "auto (a line on a terminal), plain (a line every few seconds, for logs) or none.")

    private let redraws: Bool
    private let prints: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var phase = ""
    private var drawn = false

    /// The progress of the parsed command line (`--progress`, `--quiet`).
    init(_ arguments: ParsedArguments, spec: CommandSpec) throws {
        let text = arguments.value("progress") ?? "auto"
        guard let mode = Mode(rawValue: text) else {
            throw UsageError(
                message: "error: --progress expects auto, plain or none, got '\(text)'", usage: spec.usage)
        }
        let quiet = arguments.flag("quiet") || mode == .none
        redraws = !quiet && mode == .auto && isatty(2) == 1
        prints = !quiet && mode == .plain
    }

    /// The meter the library reports to.
    var meter: ProgressMeter {
        guard redraws || prints else { return .silent }
        return ProgressMeter { [self] in self.show($0) }
    }

    private func show(_ snapshot: ProgressMeter.Snapshot) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let isNewPhase = snapshot.phase != phase
        phase = snapshot.phase
        // Called once per cascade: the line is only formatted when it is drawn.
        if redraws {
            guard now.timeIntervalSince(start) > 1, isNewPhase || now.timeIntervalSince(lastDraw) > 0.2 else { return }
            lastDraw = now
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(Self.describe(snapshot))".utf8))
        } else if prints, (isNewPhase && now.timeIntervalSince(lastDraw) >= 1) || now.timeIntervalSince(lastDraw) >= 5 {
            lastDraw = now
            let elapsed = String(format: "[%6.1f s] ", now.timeIntervalSince(start))
            FileHandle.standardError.write(Data((elapsed + Self.describe(snapshot) + "\n").utf8))
        }
    }

    /// `phase: 120/400 RR sets (30%) · detail · about 12 s left`.
    static func describe(_ snapshot: ProgressMeter.Snapshot) -> String {
        var text = snapshot.phase
        if snapshot.total > 0 {
            let percent = 100 * snapshot.finished / snapshot.total
            text += ": \(snapshot.finished)/\(snapshot.total) \(snapshot.unit) (\(percent)%)"
        }
        if !snapshot.detail.isEmpty { text += " · \(snapshot.detail)" }
        if snapshot.total > 0, snapshot.finished > 0, snapshot.finished < snapshot.total, snapshot.seconds > 0.5 {
            let left = snapshot.seconds / Double(snapshot.finished) * Double(snapshot.total - snapshot.finished)
            text += " · about \(duration(left)) left"
        }
        return text
    }

    /// `8 s`, `3 min 20 s`, `1 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return String(format: "%d h %02d min", whole / 3600, whole % 3600 / 60)
    }

    /// Clears the redrawn line (before the command prints its result or an error).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
