import Foundation

/// A fresh folder under the system's temporary directory, deleted with everything in it when
/// the last reference goes away. File-based tests each make their own, so they can run in
/// parallel.
final class TemporaryFolder {
    /// The folder's absolute path.
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("contagion-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `name` inside the folder (not created).
    func path(of name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

    /// Writes `contents` to `name` and returns the file's path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let file = path(of: name)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The names in `subfolder` (or the folder itself), hidden files included, sorted.
    func listing(_ subfolder: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subfolder.map(path(of:)) ?? path).sorted()
    }
}
