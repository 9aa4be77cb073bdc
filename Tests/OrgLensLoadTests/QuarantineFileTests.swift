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
}
