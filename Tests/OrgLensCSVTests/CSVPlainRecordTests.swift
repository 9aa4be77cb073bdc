import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

/// Records with neither a quote nor a line break are split without libcsv; they must split exactly as libcsv
/// splits them. Each plain record is read beside the same record with its last field quoted (which libcsv splits),
/// and both must give the same fields.
@Suite struct CSVPlainRecordTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [
        (",", " a , b ,z"), (",", "\ta\t, b\t ,z"), (",", ",,z"), (",", "a b,  c  d ,z"), (",", "  ,\t,z"),
        ("\t", " a \t b \tz"), ("\t", "\t\tz"), (";", " é ;ü\t;z"),
    ])
    func plainRecordsSplitAsLibcsvSplitsThem(delimiter: String, record: String) throws {
        let quoted = String(record.dropLast()) + "\"z\""
        let text = ["x", "y", "z"].joined(separator: delimiter) + "\n" + record + "\n" + quoted + "\n"
        let path = directory.write("d.csv", text)
        let dialect = CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!))
        let (rows, table) = try readRows(path, fields: ["x", "y", "z"], dialect: dialect)
        #expect(table.rejections.isEmpty)
        #expect(rows.count == 2)
        #expect(rows.first == rows.last)
        #expect(rows.first?.last == "z")
    }

    /// libcsv finds no field at all in a record of nothing but spaces and tabs; a plain record says the same.
    @Test func aBlankRecordHasNoField() throws {
        let path = directory.write("d.csv", "id,name\n1,a\n  \t \n2,b\n")
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "a"], ["2", "b"]])
        #expect(table.rejections.map(\.message) == ["expected 2 fields as in the header, found 0"])
    }
}
