import Foundation

/// The temporary files every ``OutputFolder`` of the process has not committed or discarded
/// yet, so that an interrupted command can remove them (``removeAll()``) and leave the earlier
/// outputs as they were.
public enum PendingFiles {
    /// The registry, behind a lock: folders add and remove paths from the command's thread, a
    /// signal handler reads them from another.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []

        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
        func takeAll() -> [String] {
            lock.withLock {
                defer { paths.removeAll() }
                return paths.sorted()
            }
        }
    }

    private static let registry = Registry()

    /// Records that `path` is being written.
    static func insert(_ path: String) { registry.insert(path) }

    /// Records that `path` was renamed or removed.
    static func remove(_ path: String) { registry.remove(path) }

    /// Removes every temporary file still pending; returns how many there were.
    @discardableResult
    public static func removeAll() -> Int {
        let paths = registry.takeAll()
        for path in paths { unlink(path) }
        return paths.count
    }
}
