import Foundation

/// Splits a time-ordered table into training, validation and test files by position: the
/// first `train` share of its rows, the next `valid` share, and the rest. Each part keeps the
/// header. The table is streamed in 1 MiB chunks, so memory does not grow with its size.
enum ChronologicalSplit {
    /// Copies the rows of `source` (a header line, then `rowCount` rows) into `parts`.
    ///
    /// - Returns: the number of rows in each part.
    /// - Throws: ``OutputError`` if a file cannot be read or written.
    static func split(
        _ source: URL, rowCount: Int, train: Double, valid: Double, into parts: [URL]
    ) throws -> [Int] {
        precondition(parts.count == 3)
        let trainRows = Int((Double(rowCount) * train).rounded(.down))
        let validRows = Int((Double(rowCount) * (train + valid)).rounded(.down)) - trainRows
        let sizes = [trainRows, validRows, rowCount - trainRows - validRows]
        guard let input = FileHandle(forReadingAtPath: source.path) else { throw OutputError.cannotWrite(source.path) }
        defer { try? input.close() }
        var outputs: [FileHandle] = []
        defer { for output in outputs { try? output.close() } }
        for part in parts {
            guard FileManager.default.createFile(atPath: part.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: part.path)
            else { throw OutputError.cannotWrite(part.path) }
            outputs.append(handle)
        }
        var header: [UInt8] = []
        var headerDone = false
        var part = 0
        var rowsLeft = sizes[0]
        var pending: [[UInt8]] = [[], [], []]
        func flush(_ index: Int) throws {
            do { try outputs[index].write(contentsOf: pending[index]) } catch {
                throw OutputError.writing(parts[index].path, error)
            }
            pending[index].removeAll(keepingCapacity: true)
        }
        while true {
            let chunk: Data
            do { chunk = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                throw OutputError.writing(source.path, error)
            }
            if chunk.isEmpty { break }
            for byte in chunk {
                if !headerDone {
                    header.append(byte)
                    if byte == 10 {
                        headerDone = true
                        for index in 0..<3 { pending[index] += header }
                    }
                    continue
                }
                while rowsLeft == 0 && part < 2 {
                    part += 1
                    rowsLeft = sizes[part]
                }
                pending[part].append(byte)
                if byte == 10 { rowsLeft -= 1 }
            }
            for index in 0..<3 where pending[index].count >= 1 << 20 { try flush(index) }
        }
        for index in 0..<3 { try flush(index) }
        return sizes
    }
}
