import Foundation

/// Reads the process's memory figures from `/proc/self/status` (Linux).
public enum MemoryUsage {
    /// The peak resident set size so far, in bytes (`VmHWM`), or `nil` where unavailable.
    public static func peakResidentBytes() -> Int? { statusField("VmHWM:") }

    /// The resident set size now, in bytes (`VmRSS`), or `nil` where unavailable.
    public static func residentBytes() -> Int? { statusField("VmRSS:") }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                .flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}

extension MemoryUsage {
    /// Resets the peak resident set size to the current one (Linux: writes 5 to
    /// `/proc/self/clear_refs`), so that a benchmark can report each workload's own peak.
    /// Returns whether the reset worked.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }
}
