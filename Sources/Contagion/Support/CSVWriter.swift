import Foundation

/// Writes an RFC 4180 CSV table to a file, streaming through a fixed-size buffer.
///
/// Fields that contain the separator, a quote or a line break are quoted, with quotes doubled.
/// The separator is a comma unless asked otherwise (RecBole's atomic files use tabs).
/// Rows end in `\n`. Numbers are formatted by ``CSVWriter/format(_:)``: integers plainly,
/// other values with 12 significant digits, `.` as decimal mark, empty for NaN.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let columnCount: Int
    private let separator: UInt8
    private let path: String

    /// Opens `url` for writing (truncating it) and writes the header row.
    ///
    /// - Throws: ``OutputError`` if the file cannot be created.
    public init(url: URL, columns: [String], separator: Character = ",") throws {
        guard let byte = separator.asciiValue else { preconditionFailure("the separator must be one ASCII character") }
        self.separator = byte
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw OutputError.cannotWrite(url.path) }
        self.handle = handle
        columnCount = columns.count
        buffer.reserveCapacity(1 << 16)
        try writeRow(columns)
    }

    /// Appends one row; it must have as many fields as the header.
    public func writeRow(_ fields: [String]) throws {
        precondition(fields.count == columnCount, "CSV row has \(fields.count) fields, header has \(columnCount)")
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(separator) }
            append(field)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Flushes and closes the file.
    public func close() throws {
        try flush()
        do { try handle.close() } catch { throw OutputError.writing(path, error) }
    }

    private func append(_ field: String) {
        let needsQuotes = field.utf8.contains {
            $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else {
            buffer.append(contentsOf: field.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw OutputError.writing(path, error) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The CSV text of a number: integers without a decimal point, other values with 12
    /// significant digits (`%.12g`, so sums like 0.1 + 0.2 print as 0.3), empty for NaN or
    /// infinity. Always `.` as decimal mark.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.12g", value)
    }

    /// The CSV text of a single-precision value: integers without a decimal point, others as
    /// the shortest text that reads back as the same `Float` (Swift's `description`, which can
    /// use exponent notation such as `1.5e-06`), empty for NaN or infinity. Far cheaper than
    /// ``format(_:)`` for the millions of vector components a dataset writes.
    public static func format(float value: Float) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e7 { return String(Int32(value)) }
        return value.description
    }
}
