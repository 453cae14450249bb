import Foundation
import Testing

@testable import Contagion

@Suite struct CSVWriterTests {
    /// Writes `rows` under `columns` and returns the file's text.
    static func written(columns: [String], rows: [[String]]) throws -> String {
        let folder = try TemporaryFolder()
        let url = URL(fileURLWithPath: folder.path(of: "table.csv"))
        let writer = try CSVWriter(url: url, columns: columns)
        for row in rows { try writer.writeRow(row) }
        try writer.close()
        return try String(contentsOf: url, encoding: .utf8)
    }
}

// MARK: - Quoting

extension CSVWriterTests {
    @Test func plainFieldsAreWrittenAsIs() throws {
        let text = try Self.written(columns: ["a", "b"], rows: [["1", "x y"], ["", "-2.5"]])
        #expect(text == "a,b\n1,x y\n,-2.5\n")
    }

    @Test func fieldsWithSpecialCharactersAreQuoted() throws {
        let text = try Self.written(
            columns: ["name", "note"],
            rows: [["a,b", "say \"hi\""], ["line\nbreak", "carriage\rreturn"], ["\"", "plain"]])
        #expect(text == "name,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"line\nbreak\",\"carriage\rreturn\"\n\"\"\"\",plain\n")
    }

    @Test func headerIsQuotedLikeAnyRow() throws {
        let text = try Self.written(columns: ["x,y", "z"], rows: [])
        #expect(text == "\"x,y\",z\n")
    }

    @Test func nonASCIIFieldsAreWrittenAsUTF8() throws {
        let text = try Self.written(columns: ["city"], rows: [["Zürich"], ["東京"]])
        #expect(text == "city\nZürich\n東京\n")
    }

    @Test func tablesLargerThanTheBufferAreWrittenCompletely() throws {
        // 10 000 rows of ~12 bytes cross the 64 KiB flush threshold.
        let rows = (0..<10_000).map { [String($0), "row\($0)"] }
        let text = try Self.written(columns: ["index", "label"], rows: rows)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10_002)  // header, rows, and the empty text after the last "\n"
        #expect(lines[1] == "0,row0")
        #expect(lines[10_000] == "9999,row9999")
        #expect(lines.last == "")
    }

    @Test func unwritablePathThrowsCannotWrite() throws {
        let folder = try TemporaryFolder()
        let url = URL(fileURLWithPath: folder.path(of: "missing/table.csv"))
        #expect(throws: OutputError.cannotWrite(url.path)) {
            try CSVWriter(url: url, columns: ["a"])
        }
        #expect(OutputError.cannotWrite("/x/y.csv").description == "/x/y.csv: cannot write output")
    }
}

// MARK: - Number formatting

extension CSVWriterTests {
    @Test(arguments: [
        (0.0, "0"), (3.0, "3"), (-2.0, "-2"), (-0.0, "0"), (123_456_789_012_345.0, "123456789012345"),
        (0.5, "0.5"), (0.1 + 0.2, "0.3"), (1.0 / 3.0, "0.333333333333"), (-2.75, "-2.75"), (2.5e-7, "2.5e-07"),
        (1e15, "1e+15"), (704.55, "704.55"),
    ])
    func formatOfFiniteNumbers(value: Double, text: String) {
        #expect(CSVWriter.format(value) == text)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func formatOfNonFiniteNumbersIsEmpty(value: Double) {
        #expect(CSVWriter.format(value) == "")
    }

    /// Single-precision values read back exactly; integers have no decimal point.
    @Test func singlePrecisionValuesRoundTrip() {
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<10_000 {
            let value = Float(rng.nextUnit()) * Float(pow(10.0, Double(rng.nextIndex(below: 12)) - 8))
            #expect(Float(CSVWriter.format(float: value)) == value)
        }
        #expect(CSVWriter.format(float: 3) == "3" && CSVWriter.format(float: -0.5) == "-0.5")
        #expect(CSVWriter.format(float: .nan).isEmpty && CSVWriter.format(float: .infinity).isEmpty)
    }
}
