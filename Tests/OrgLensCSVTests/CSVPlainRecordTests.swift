import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// Records whose fields are simple (unquoted, or quoted without a quote inside) are split without libcsv; they
/// must split exactly as libcsv splits them. The expected fields below are libcsv's (checked with the split
/// without libcsv turned off), and every record is also read beside a twin that only libcsv can split (an
/// escaped quote in its last field), whose other fields must come out the same.
@Suite struct CSVPlainRecordTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [
        (",", " a , b ", ["a", "b"]), (",", "\ta\t, b\t ", ["a", "b"]), (",", ",", ["", ""]),
        (",", "a b,  c  d ", ["a b", "c  d"]), (",", "  ,\t", ["", ""]), ("\t", " a \t b ", ["a", "b"]),
        ("\t", "\t", ["", ""]), (";", " é ;ü\t", ["é", "ü"]), (",", "\"New York, NY\",x", ["New York, NY", "x"]),
        (",", "  \" a \"  ,\"\"", [" a ", ""]), (",", "\"multi\nline\", b", ["multi\nline", "b"]),
        ("\t", "\"a\tb\" \t\"\"", ["a\tb", ""]),
    ])
    func simpleRecordsSplitAsLibcsvSplitsThem(delimiter: String, record: String, expected: [String]) throws {
        let separator = Character(delimiter)
        let text =
            "x\(separator)y\(separator)z\n" + record + "\(separator)\"z\"\n" + record + "\(separator)\"z\"\"\"\n"
        let path = directory.write("d.csv", text)
        let dialect = CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!))
        let (rows, table) = try readRows(path, fields: ["x", "y", "z"], dialect: dialect)
        #expect(table.rejections.isEmpty)
        #expect(rows == [expected + ["z"], expected + ["z\""]])
    }

    /// libcsv finds no field at all in a record of nothing but spaces and tabs; a plain record says the same.
    @Test func aBlankRecordHasNoField() throws {
        let path = directory.write("d.csv", "id,name\n1,a\n  \t \n2,b\n")
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "a"], ["2", "b"]])
        #expect(table.rejections.map(\.message) == ["expected 2 fields as in the header, found 0"])
    }

    /// What strict libcsv rejects is still rejected: text after a closing quote, an unclosed quote mid-file.
    @Test func whatLibcsvRejectsStaysRejected() throws {
        let path = directory.write("d.csv", "id,name\n1,\"a\"b\n2,ok\n")
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["2", "ok"]])
        #expect(table.rejections.map(\.line) == [2])
    }
}
