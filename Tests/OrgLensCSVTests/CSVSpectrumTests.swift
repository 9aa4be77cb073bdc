import Foundation
import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// The csv-spectrum corpus: every file's parse must equal its JSON.
@Suite(.enabled(if: TestPaths.sharedDataAvailable, "needs ../shared/data beside the checkout"))
struct CSVSpectrumTests {
    static let corpus = TestPaths.shared.appendingPathComponent("data/corpora/csv-spectrum")

    static var names: [String] {
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("csvs").path)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.names.count >= 12, "csv-spectrum corpus not found at \(Self.corpus.path)")
    }

    @Test(arguments: names.filter { $0 != "location_coordinates" })
    func parseEqualsExpectedJSON(name: String) throws {
        var bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("csvs/\(name).csv")))
        // Copies of the corpus may store its _crlf files with bare LF; make them what their name says.
        if name.hasSuffix("_crlf") {
            var crlf: [UInt8] = []
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n"), index == 0 || bytes[index - 1] != UInt8(ascii: "\r") {
                    crlf.append(UInt8(ascii: "\r"))
                }
                crlf.append(byte)
            }
            bytes = crlf
        }
        let directory = TemporaryDirectory()
        let path = directory.write("\(name).csv", bytes)
        let json = try Data(contentsOf: Self.corpus.appendingPathComponent("json/\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: String]])
        let fields = try #require(expected.first.map { Array($0.keys).sorted() })

        let (rows, table) = try readRows(path, fields: fields)
        #expect(table.rejections.isEmpty)
        #expect(rows == expected.map { record in fields.map { record[$0]! } })
    }

    /// The corpus's coordinates row has a bare `"` inside an unquoted field. Strict RFC 4180 reading
    /// quarantines it rather than guessing, and reading goes on.
    @Test func strayQuoteInUnquotedFieldIsQuarantined() throws {
        let path = Self.corpus.appendingPathComponent("csvs/location_coordinates.csv").path
        let (rows, table) = try readRows(path, fields: ["Cities"])
        #expect(rows.isEmpty)
        #expect(table.rejections.map(\.rule) == [.rowMalformed])
        #expect(table.rejections.first?.line == 2)
        #expect(table.rowsRead == 1)
    }
}
