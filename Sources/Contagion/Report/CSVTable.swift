import Foundation

/// A CSV table read back from an output folder, as ``CSVWriter`` writes them (RFC 4180: quoted
/// fields with doubled quotes, rows ending in `\n`): what a report is drawn from.
public struct CSVTable: Sendable {
    /// The file it was read from.
    public let path: String
    /// The header.
    public let columns: [String]
    /// The rows, each with as many fields as the header.
    public let rows: [[String]]

    /// Reads `path`.
    ///
    /// - Throws: ``ReportError`` when the file is missing or a row has the wrong number of fields.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReportError.missing(path) }
        let records = Self.records(of: [UInt8](data))
        guard let header = records.first else { throw ReportError.malformed(path, line: 1, "is empty") }
        for (index, record) in records.enumerated() where record.count != header.count {
            throw ReportError.malformed(
                path, line: index + 1, "has \(record.count) fields, the header \(header.count)")
        }
        self.path = path
        columns = header
        rows = Array(records.dropFirst())
    }

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

    /// Splits the file into records of fields, honouring quotes.
    private static func records(of bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == quote {
                quoted = true
            } else if byte == comma {
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == newline {
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(record)
                record = []
            } else {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        return records
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
