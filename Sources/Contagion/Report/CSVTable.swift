import Foundation

/// A CSV table read back from an output folder, as ``CSVWriter`` writes them (RFC 4180: quoted
/// fields with doubled quotes, rows ending in `\n`, or `\r\n` after an edit): what a report is
/// drawn from.
///
/// The file's bytes are kept with the bounds of every field (8 bytes a field), and a row's
/// strings are made only when it is read, so a table costs little more than its file.
public struct CSVTable: Sendable {
    /// The file it was read from.
    public let path: String
    /// The header.
    public let columns: [String]
    private let bytes: [UInt8]
    /// Per field, its first byte and one past its last (quoted fields: inside the quotes), with
    /// the sign bit of the end set when the field holds doubled quotes to undo.
    private let bounds: [(start: Int32, end: Int32)]
    /// The line each record starts on (the header's first), for messages about a row.
    private let recordLines: [Int32]

    /// Reads `path`, or with `maximumBytes` only its rows that end within that many bytes (the
    /// first rows of a table too large to need whole).
    ///
    /// - Throws: ``ReportError`` when the file is missing, has an unclosed quote, or a row has
    ///   the wrong number of fields.
    public init(path: String, maximumBytes: Int? = nil) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReportError.missing(path) }
        defer { try? handle.close() }
        guard var data = try? (maximumBytes.map { handle.readData(ofLength: $0) } ?? handle.readToEnd()) ?? Data()
        else { throw ReportError.missing(path) }
        if let maximumBytes, data.count == maximumBytes, let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")) {
            // Fields never hold a raw line break (names are written out safely), so the cut is between rows.
            data = data.prefix(through: lastNewline)
        }
        guard data.count < Int(Int32.max) else {
            throw ReportError.malformed(path, line: 1, "is larger than 2 GiB, more than a report reads")
        }
        self.path = path
        bytes = [UInt8](data)
        var bounds: [(start: Int32, end: Int32)] = []
        var recordLines: [Int32] = []
        var width: Int?
        var line = 1
        var index = 0
        var fieldsInRecord = 0
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let bytes = self.bytes
        while index < bytes.count {
            // A blank line between records (an editor's trailing newline) holds no row.
            if fieldsInRecord == 0 && (bytes[index] == newline || bytes[index] == carriageReturn) {
                if bytes[index] == newline { line += 1 }
                index += 1
                continue
            }
            if fieldsInRecord == 0 { recordLines.append(Int32(clamping: line)) }
            // One field.
            var start = index
            var end = index
            var escaped = false
            if bytes[index] == quote {
                start = index + 1
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw ReportError.malformed(path, line: line, "has an unclosed quote")
                    }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            escaped = true
                            index += 2
                            continue
                        }
                        end = index
                        index += 1
                        break
                    }
                    if bytes[index] == newline { line += 1 }
                    index += 1
                }
            } else {
                while index < bytes.count && bytes[index] != comma && bytes[index] != newline { index += 1 }
                end = index
                if end > start && bytes[end - 1] == carriageReturn { end -= 1 }
            }
            bounds.append((Int32(start), escaped ? -Int32(end) - 1 : Int32(end)))
            fieldsInRecord += 1
            // What follows it: a comma, the end of the record, or the end of the file.
            if index < bytes.count && bytes[index] == comma {
                index += 1
                continue
            }
            if index < bytes.count && bytes[index] == carriageReturn { index += 1 }
            if index < bytes.count && bytes[index] != newline {
                throw ReportError.malformed(path, line: line, "has text after a closing quote")
            }
            index += 1
            if let width, fieldsInRecord != width {
                throw ReportError.malformed(path, line: line, "has \(fieldsInRecord) fields, the header \(width)")
            }
            width = width ?? fieldsInRecord
            fieldsInRecord = 0
            line += 1
        }
        if fieldsInRecord > 0 {
            // The file ended right after a comma: the record's last field is empty.
            bounds.append((Int32(index), Int32(index)))
            if let width, fieldsInRecord + 1 != width {
                throw ReportError.malformed(path, line: line, "has \(fieldsInRecord + 1) fields, the header \(width)")
            }
            width = width ?? fieldsInRecord + 1
        }
        guard let width else { throw ReportError.malformed(path, line: 1, "is empty") }
        self.bounds = bounds
        self.recordLines = recordLines
        self.width = width
        columns = (0..<width).map { Self.field(bytes, bounds[$0]) }
    }

    /// Fields per row.
    private let width: Int

    /// The text of one field.
    private static func field(_ bytes: [UInt8], _ bound: (start: Int32, end: Int32)) -> String {
        let escaped = bound.end < 0
        let end = escaped ? Int(-bound.end - 1) : Int(bound.end)
        let text = String(decoding: bytes[Int(bound.start)..<end], as: UTF8.self)
        return escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The rows below the header, each made as it is read.
    public var rows: Rows { Rows(table: self) }

    /// The rows of a ``CSVTable``.
    public struct Rows: RandomAccessCollection, Sendable {
        let table: CSVTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.bounds.count / table.width - 1 }

        /// Row `index`'s fields.
        public subscript(index: Int) -> [String] {
            let first = (index + 1) * table.width
            return (first..<(first + table.width)).map { CSVTable.field(table.bytes, table.bounds[$0]) }
        }
    }

    /// The line of the file row `index` (of ``rows``) starts on.
    public func line(ofRow index: Int) -> Int { Int(recordLines[index + 1]) }

    /// The index of column `name`.
    ///
    /// - Throws: ``ReportError`` when the table has no such column.
    public func column(_ name: String) throws -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw ReportError.malformed(path, line: 1, "has no column '\(name)'")
        }
        return index
    }

    /// A reader of the rows by column name, checked once.
    public func fields(_ names: String...) throws -> Fields {
        Fields(indices: try names.map(column))
    }

    /// The column indices of some named columns, to read rows with.
    public struct Fields: Sendable {
        let indices: [Int]

        /// Field `position` (in the order the names were given) of `row`.
        public func text(_ row: [String], _ position: Int) -> String { row[indices[position]] }

        /// Field `position` of `row` as a number (NaN when empty or not a number).
        public func number(_ row: [String], _ position: Int) -> Double { Double(row[indices[position]]) ?? .nan }
    }
}

/// An output folder a report cannot be drawn from.
public enum ReportError: InputError, Equatable {
    /// A file the report needs is not there.
    case missing(String)
    /// A file is not as Contagion writes it.
    case malformed(String, line: Int, String)
    /// The folder holds no finished output of `run`, `generate` or `train`.
    case notAnOutputFolder(String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): missing (the report is drawn from it)"
        case .malformed(let path, let line, let problem): return "\(path):\(line): \(problem)"
        case .notAnOutputFolder(let path):
            return "\(path): not a finished output folder of contagion run, generate or train "
                + "(no manifest.json, dataset.md or training.csv)"
        }
    }
}
