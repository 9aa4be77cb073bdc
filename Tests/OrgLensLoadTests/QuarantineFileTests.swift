import OrgLensLoad
import OrgLensModel
import Testing

@Suite struct QuarantineFileTests {
    @Test func rowsAreSortedAndQuotedAsRFC4180() {
        let rejections = [
            Rejection(
                source: "p.csv", line: 9, rule: .rowDuplicateID, message: "dup", employeeID: "E2", record: 3,
                raw: "E2,\"Hopper, Grace\""),
            Rejection(
                source: "p.csv", line: 3, rule: .rowMalformed, message: "expected 3 fields, found 2", employeeID: "",
                record: nil, raw: "a\nb"),
        ]
        let text = String(decoding: QuarantineFile.render(rejections), as: UTF8.self)
        let expected =
            "source,line,rule,message,employee_id,raw\n"
            + "p.csv,3,row.malformed,\"expected 3 fields, found 2\",,\"a\nb\"\n"
            + "p.csv,9,row.duplicate_id,dup,E2,\"E2,\"\"Hopper, Grace\"\"\"\n"
        #expect(text == expected)
    }

    @Test func emptyQuarantineIsHeaderOnly() {
        #expect(
            String(decoding: QuarantineFile.render([]), as: UTF8.self) == "source,line,rule,message,employee_id,raw\n")
    }

    /// `=1`, `=12` and `@1` are formulas to a spreadsheet, however numeric they look; a tab in front is guarded as
    /// written, before anything trims it. Signed plain numbers stay as they are.
    @Test(arguments: [
        ("=1", "'=1"), ("=12", "'=12"), ("@1", "'@1"), ("\t=1", "'\t=1"), ("-5", "-5"), ("+3.2", "+3.2"),
        ("-1+1", "'-1+1"),
    ])
    func formulaGuard(field: String, written: String) {
        let rejection = Rejection(
            source: "p.csv", line: 2, rule: .rowMalformed, message: "m", employeeID: field, record: nil, raw: field)
        let text = String(decoding: QuarantineFile.render([rejection]), as: UTF8.self)
        let expected = written.contains("\t") ? "\"\(written)\"" : written
        #expect(text.hasSuffix(",\(written),\(written)\n") || text.hasSuffix(",\(expected),\(expected)\n"), "\(text)")
    }
}
