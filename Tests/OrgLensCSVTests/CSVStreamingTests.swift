import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// Records that straddle the 1 MiB read blocks must come out whole, with exact line numbers.
@Suite struct CSVStreamingTests {
    let directory = TemporaryDirectory()
    static let block = 1 << 20

    /// Pads the file so that the byte at `block + shift` is the interesting one.
    func paddedFile(tail: String, shift: Int) -> (path: String, paddingRows: Int) {
        var text = "id,name\n"
        var rows = 0
        let rowText = "p,filler-filler-filler\n"
        while text.utf8.count + rowText.utf8.count <= Self.block + shift {
            text += rowText
            rows += 1
        }
        let fill = Self.block + shift - text.utf8.count
        if fill > 0 {
            text += "q," + String(repeating: "z", count: max(0, fill - 3)) + "\n"
            rows += 1
        }
        text += tail
        return (directory.write("big.csv", text), rows)
    }

    @Test(arguments: [-3, -2, -1, 0, 1, 2])
    func crlfAndQuotedNewlineAcrossBlockBoundary(shift: Int) throws {
        let (path, padding) = paddedFile(tail: "1,\"a\r\nb\"\r\n2,c\r\n", shift: shift)
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(table.rejections.isEmpty)
        #expect(Array(rows.suffix(2)) == [["1", "a\r\nb"], ["2", "c"]])
        #expect(Array(table.lines.suffix(2)) == [padding + 2, padding + 4])
    }

    @Test func rawRecordsAreFoundByLine() throws {
        let (path, padding) = paddedFile(tail: "1,\"x\ny\"\n2,last\n", shift: -4)
        let reader = CSVReader(path: path)
        let raw = try reader.rawRecords(startingOnLines: [2, padding + 2, padding + 4])
        #expect(raw[2] == "p,filler-filler-filler")
        #expect(raw[padding + 2] == "1,\"x\ny\"")
        #expect(raw[padding + 4] == "2,last")
    }

    @Test func checksumAndSizeCoverTheWholeFile() throws {
        let path = directory.write("d.csv", "id\n1\n")
        let (_, table) = try readRows(path, fields: ["id"])
        #expect(table.file.bytes == 5)
        // printf 'id\n1\n' | sha256sum
        #expect(table.file.sha256 == "7cde7fb64fd82bd152710cf238e017b9ab46c0592483edc067ba4f6c75fac108")
    }
}
