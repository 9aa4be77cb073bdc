import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// Parallel parsing must give exactly the serial table: values, line numbers, rejections, counts.
@Suite struct CSVParallelTests {
    let directory = TemporaryDirectory()

    func read(_ path: String, workers: Int) throws -> RawTable {
        var reader = CSVReader(path: path, displayPath: "p.csv")
        reader.parallelThreshold = 1
        return try reader.read(fields: ["id", "note", "team"], identifierField: "id", workers: workers) {
            header throws(RunError) in
            ["id", "note", "team"].map { header.firstIndex(of: $0) }
        }
    }

    func expectSame(_ lhs: RawTable, _ rhs: RawTable) {
        #expect(lhs.lines == rhs.lines)
        #expect(lhs.rowsRead == rhs.rowsRead)
        #expect(lhs.rejections == rhs.rejections)
        #expect(lhs.file == rhs.file)
        for index in lhs.columns.indices {
            let left = lhs.columns[index]!
            let right = rhs.columns[index]!
            #expect((0..<left.count).map(left.string(at:)) == (0..<right.count).map(right.string(at:)))
        }
    }

    /// Rows with multi-line quoted notes everywhere, so split guesses often land inside a quoted field,
    /// plus malformed rows spread through the file.
    @Test(arguments: [2, 3, 4, 7])
    func parallelEqualsSerial(workers: Int) throws {
        var text = "\u{FEFF}id,note,team\r\n"
        for index in 0..<30_000 {
            switch index % 97 {
            case 5: text += "R\(index),bad\"quote,T\r\n"
            case 11: text += "R\(index),ragged\r\n"
            case 17: text += "R\(index),\"multi\nline\nnote, with \"\"quotes\"\"\",T\(index % 13)\r\n"
            default: text += "R\(index),\"note \(index)\",T\(index % 13)\r\n"
            }
        }
        let path = directory.write("p.csv", text)
        let serial = try read(path, workers: 1)
        let parallel = try read(path, workers: workers)
        #expect(serial.recordCount > 29_000)
        #expect(serial.rejections.count > 500)
        expectSame(serial, parallel)
    }

    @Test func everyBoundaryInsideAQuotedFieldFallsBackToSerial() throws {
        // One record whose quoted note spans the whole middle of the file.
        let note = (0..<50_000).map { "line \($0)" }.joined(separator: "\n")
        let path = directory.write("p.csv", "id,note,team\nA,x,T\nB,\"\(note)\",T\nC,y,T\n")
        let serial = try read(path, workers: 1)
        let parallel = try read(path, workers: 4)
        #expect(serial.lines == [2, 3, 50_003])
        expectSame(serial, parallel)
    }

    @Test func unterminatedQuoteAtTheEndIsFatalInParallelToo() throws {
        let rows = (0..<20_000).map { "R\($0),n,T" }.joined(separator: "\n")
        let path = directory.write("p.csv", "id,note,team\n\(rows)\nZ,\"open,T\n")
        let error = #expect(throws: RunError.self) { try read(path, workers: 3) }
        #expect(error?.message.contains("p.csv:20002:") == true)
    }
}
