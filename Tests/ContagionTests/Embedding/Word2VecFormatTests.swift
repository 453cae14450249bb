import Foundation
import Testing

@testable import Contagion

@Suite struct Word2VecFormatTests {
    @Test func writingAndReadingGivesTheSameVectorsBitForBit() throws {
        let embedding = NodeEmbedding(count: 3, dimensions: 2, vectors: [0.1, -2.5e-7, 3, .pi, -0, 1e30])
        let text = Word2VecFormat.text(of: embedding) { ["a", "b", "c"][$0] }
        #expect(text == "3 2\na 0.1 -2.5e-07\nb 3.0 3.1415925\nc 0.0 1e+30\n")
        let folder = try TemporaryFolder()
        let path = folder.path + "/vectors.txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try Word2VecFormat.read(path: path)
        #expect(read.names == ["a", "b", "c"])
        #expect(read.embedding == embedding)
    }

    @Test func aShortRowNamesItsLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/bad.txt"
        try "2 2\na 1 2\nb 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EdgeListError(path: path, line: 3, message: "expected a name and 2 numbers")) {
            try Word2VecFormat.read(path: path)
        }
    }

    @Test func nearestNeighboursComeInOrderOfSimilarity() {
        let embedding = NodeEmbedding(count: 4, dimensions: 2, vectors: [1, 0, 0.9, 0.1, -1, 0, 0.5, 0.5])
        #expect(embedding.nearestNeighbours(of: 0, count: 2) == [1, 3])
    }
}
