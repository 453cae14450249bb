import Foundation

/// An output folder whose files appear only when complete.
///
/// Every file is written under a hidden temporary name (`.runs.csv.partial`) and renamed by
/// ``commit()``; ``discard()`` removes the temporary files, so an interrupted or failed run
/// never leaves a half-written table that looks finished. No folder is ever removed: a folder
/// standing where an output file belongs stops the command before it writes anything.
public final class OutputFolder {
    /// The folder's path.
    public let path: String
    private var pending: [String] = []
    /// Called before each rename of ``commit(removingStale:marker:)`` with the file's name; a
    /// test throws from it to stand for a process killed at that instant.
    var beforeEachRename: ((String) throws -> Void)?

    /// Creates the folder if needed and checks that it can be written and that none of
    /// `files` (the outputs the command may write) is a folder.
    ///
    /// - Throws: ``OutputError`` if the folder cannot be created or written, or a folder stands
    ///   where one of `files` belongs.
    public init(path: String, files: [String] = []) throws {
        self.path = path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError.cannotWrite("\(path) (not a folder)") }
        } else {
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError.cannotWrite(path)
            }
        }
        guard manager.isWritableFile(atPath: path) else { throw OutputError.cannotWrite(path) }
        for name in files {
            try checkNotAFolder(name)
            // A killed earlier run of this command left its temporary file behind.
            unlink(pendingURL(of: name).path)
        }
    }

    /// Throws when a folder stands at `name`'s final path.
    private func checkNotAFolder(_ name: String) throws {
        var isDirectory: ObjCBool = false
        let final = URL(fileURLWithPath: path).appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: final, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError.folderInTheWay(final)
        }
    }

    private func temporaryURL(for name: String) -> URL {
        pending.append(name)
        let url = pendingURL(of: name)
        PendingFiles.insert(url.path)
        return url
    }

    /// Opens a CSV table `name` with the given header (and field separator).
    public func table(_ name: String, columns: [String], separator: Character = ",") throws -> CSVWriter {
        try CSVWriter(url: temporaryURL(for: name), columns: columns, separator: separator)
    }

    /// Where the pending file `name` is being written, to read it back before ``commit()``.
    public func pendingURL(of name: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(".\(name).partial")
    }

    /// The temporary location of a file `name` that the caller writes itself; it is renamed by
    /// ``commit()`` like the others.
    public func reserve(_ name: String) -> URL { temporaryURL(for: name) }

    /// Writes a whole file `name`.
    public func write(_ name: String, contents: Data) throws {
        let url = temporaryURL(for: name)
        do { try contents.write(to: url) } catch { throw OutputError.writing(url.path, error) }
    }

    /// Renames every pending file to its final name, and removes the files named in
    /// `stale` that this run did not write (an `events.csv` left by an earlier run, say), so
    /// the folder holds one run's output.
    ///
    /// With a `marker` (the file that says a set is complete: `manifest.json`, `dataset.md`,
    /// `policy.json`) the set is committed in three steps: the earlier marker goes first, then
    /// every other file, then the new marker. A process killed at any instant leaves the earlier
    /// set with its marker, or files without a marker — recognisably incomplete, and replaced
    /// whole by the next run — never a mixed set that claims to be complete.
    ///
    /// Each rename replaces the earlier file atomically (`rename(2)`); a folder in the way is
    /// refused, never removed, and only regular files are removed as stale.
    public func commit(removingStale stale: [String] = [], marker: String? = nil) throws {
        for name in pending { try checkNotAFolder(name) }
        if let marker, pending.contains(marker) { removeRegularFile(marker) }
        for name in stale where !pending.contains(name) { removeRegularFile(name) }
        for name in pending where name != marker { try publish(name) }
        if let marker, pending.contains(marker) { try publish(marker) }
        pending.removeAll()
    }

    /// Renames the pending `name` to its final name.
    private func publish(_ name: String) throws {
        try beforeEachRename?(name)
        let final = URL(fileURLWithPath: path).appendingPathComponent(name).path
        let temporary = pendingURL(of: name).path
        guard rename(temporary, final) == 0 else {
            throw OutputError.cannotWrite(final, reason: String(cString: strerror(errno)))
        }
        PendingFiles.remove(temporary)
    }

    /// Removes the file `name` if it is a regular file (never a folder or a link's target).
    private func removeRegularFile(_ name: String) {
        let final = URL(fileURLWithPath: path).appendingPathComponent(name).path
        let kind = (try? FileManager.default.attributesOfItem(atPath: final))?[.type] as? FileAttributeType
        if kind == .typeRegular { unlink(final) }
    }

    /// Removes every pending temporary file.
    public func discard() {
        for name in pending {
            let temporary = pendingURL(of: name).path
            unlink(temporary)
            PendingFiles.remove(temporary)
        }
        pending.removeAll()
    }
}
