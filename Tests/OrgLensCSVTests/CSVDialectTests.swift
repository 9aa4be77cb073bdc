import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

@Suite struct CSVDialectTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [(",", "a,b\n1,2\n"), (";", "a;b\n1;2\n"), ("\t", "a\tb\n1\t2\n"), ("|", "a|b\n1|2\n")])
    func detectsDelimiterFromHeader(delimiter: String, text: String) throws {
        let path = directory.write("d.csv", text)
        let (rows, _) = try readRows(path, fields: ["a", "b"])
        #expect(rows == [["1", "2"]])
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        // The header has more commas than semicolons, but the file is semicolon-separated.
        let path = directory.write("d.csv", "a;b,c,d\n1;2,3,4\n")
        let (rows, _) = try readRows(path, fields: ["a", "b,c,d"], dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        #expect(rows == [["1", "2,3,4"]])
    }

    @Test func bomCRLFAndQuotedNewlines() throws {
        let text = "\u{FEFF}id;name\r\n1;\"Last; First\"\r\n2;\"multi\r\nline\"\r\n\r\n3;plain\r\n"
        let path = directory.write("d.csv", text)
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "Last; First"], ["2", "multi\r\nline"], ["3", "plain"]])
        #expect(table.lines == [2, 3, 6])
    }

    /// libcsv trims spaces around unquoted fields (and around quoted ones); quoting keeps them.
    @Test func unquotedSpacesAreTrimmedQuotedOnesKept() throws {
        let path = directory.write("d.csv", " id , name ,note\n 7 , Ada , \" padded \" \n")
        let (rows, _) = try readRows(path, fields: ["id", "name", "note"])
        #expect(rows == [["7", "Ada", " padded "]])
    }

    @Test func windows1252IsTranscoded() throws {
        // "Renée – €" in windows-1252.
        let bytes: [UInt8] = Array("id,name\n1,Ren".utf8) + [0xE9, 0x65, 0x20, 0x96, 0x20, 0x80] + Array("\n".utf8)
        let path = directory.write("d.csv", bytes)
        let (rows, table) = try readRows(path, fields: ["id", "name"], dialect: CSVDialect(encoding: .windows1252))
        #expect(rows == [["1", "Renée – €"]])
        #expect(table.rejections.isEmpty)
    }

    @Test(arguments: [false, true])
    func utf16WithBOMIsTranscoded(bigEndian: Bool) throws {
        let text = "id\tname\r\n1\tŁukasz 王 😀\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        let path = directory.write("d.csv", bytes)
        // A UTF-16 byte-order mark is honoured even without --encoding.
        let (rows, _) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "Łukasz 王 😀"]])
    }

    @Test func utf16RequestedWithoutBOMIsAnError() {
        let path = directory.write("d.csv", "id\n1\n")
        #expect(throws: RunError.self) { try readRows(path, fields: ["id"], dialect: CSVDialect(encoding: .utf16)) }
    }

    @Test func invalidUTF8RowIsRejectedNotFatal() throws {
        let bytes = Array("id,name\n1,ok\n2,".utf8) + [0xFF, 0xFE] + Array("\n3,fine\n".utf8)
        let path = directory.write("d.csv", bytes)
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "ok"], ["3", "fine"]])
        #expect(table.rejections.map(\.line) == [3])
        #expect(table.rejections.first?.employeeID == "2")
        #expect(table.rowsRead == 3)
    }

    @Test(arguments: ["utf-8", "UTF8", "cp1252", "Windows-1252", "utf-16le", "UTF-16"])
    func encodingNamesAreRecognised(name: String) {
        #expect(TextEncoding(name: name) != nil)
    }
}
