import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// A column holds at most `TextColumn.maxBytes` (4 GiB) of text: a source past it is refused with exit 65 and the
/// line where it stopped fitting, never cut short. The limit is lowered here so the tests need no 4 GiB file.
@Suite struct CSVColumnLimitTests {
    let directory = TemporaryDirectory()

    /// 1,000 rows; every `note` is 20 bytes, so the note column passes 10,000 bytes on row 501 (line 502).
    func export() -> String {
        var text = "id,note\n"
        for index in 0..<1_000 { text += "E\(index),\(String(repeating: "n", count: 20))\n" }
        return text
    }

    @Test func serialReadIsRefusedPastTheLimit() {
        var limits = CSVLimits()
        limits.maxColumnBytes = 10_000
        let path = directory.write("p.csv", export())
        let error = #expect(throws: RunError.self) { try readRows(path, fields: ["id", "note"], limits: limits) }
        #expect(error?.status == .badData)
        // The check is per record (its bytes bound each field), so it fires when a record could pass the limit.
        #expect(error?.message.hasPrefix("input.csv:") == true)
        #expect(error?.message.contains("the note column holds more than 10000 bytes of text") == true)
        #expect(error?.message.contains("Split the export") == true)
    }

    @Test(arguments: [1, 2, 4])
    func parallelReadRefusesAlike(workers: Int) throws {
        let path = directory.write("p.csv", export())
        var limits = CSVLimits()
        limits.maxColumnBytes = 10_000
        let serial = CSVReader(path: path, displayPath: "p.csv", limits: limits)
        var parallel = serial
        parallel.parallelThreshold = 1
        let expected = #expect(throws: RunError.self) { try read(serial, workers: 1) }
        let error = #expect(throws: RunError.self) { try read(parallel, workers: workers) }
        #expect(error?.status == .badData)
        #expect(error?.message.contains("the note column holds more than 10000 bytes") == true)
        if workers == 1 { #expect(error?.message == expected?.message) }
    }

    /// Two chunks of about 10,000 note bytes each fit a 15,000-byte limit alone, not together: refused when merged,
    /// at the first line of the later chunk.
    @Test func chunksThatFitAloneButNotTogetherAreRefusedWhenMerged() throws {
        let path = directory.write("p.csv", export())
        var limits = CSVLimits()
        limits.maxColumnBytes = 15_000
        var reader = CSVReader(path: path, displayPath: "p.csv", limits: limits)
        reader.parallelThreshold = 1
        let error = #expect(throws: RunError.self) { try read(reader, workers: 2) }
        let line = error.flatMap { Int($0.message.dropFirst("p.csv:".count).prefix { $0.isNumber }) }
        #expect(error?.message.contains("the note column holds more than 15000 bytes") == true)
        #expect((480...520).contains(line ?? 0), "the second chunk starts near the middle of the file")
    }

    @Test func aColumnUnderTheLimitIsReadWhole() throws {
        var limits = CSVLimits()
        limits.maxColumnBytes = 30_000
        let path = directory.write("p.csv", export())
        let (rows, _) = try readRows(path, fields: ["id", "note"], limits: limits)
        #expect(rows.count == 1_000)
    }

    private func read(_ reader: CSVReader, workers: Int) throws(RunError) -> RawTable {
        try reader.read(fields: ["id", "note"], identifierField: "id", workers: workers) { header throws(RunError) in
            ["id", "note"].map { header.firstIndex(of: $0) }
        }
    }
}
