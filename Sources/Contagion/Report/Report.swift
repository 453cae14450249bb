import Foundation

/// The report of any finished output folder, by what the folder holds.
public enum Report {
    /// `report.html` for the folder at `folder`: a run's (it has `manifest.json`), a
    /// training's (`training.csv`) or a dataset's (`dataset.md`).
    ///
    /// - Throws: ``ReportError`` when the folder is not a finished output folder or a file in
    ///   it is missing or malformed.
    public static func render(folder: String) throws -> String {
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        let exists = { (name: String) in FileManager.default.fileExists(atPath: path(name)) }
        if exists("manifest.json") { return try RunReport.render(path: path) }
        if exists("training.csv") { return try TrainingReport.render(path: path) }
        if exists("dataset.md") {
            return try DatasetReport.render(path: path)
        }
        throw ReportError.notAnOutputFolder(folder)
    }
}
