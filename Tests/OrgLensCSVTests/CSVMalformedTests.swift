import OrgLensCSV
import OrgLensModel
import OrgLensTestSupport
import Testing

@Suite struct CSVMalformedTests {
    let directory = TemporaryDirectory()

    @Test func badQuotingIsQuarantinedAndReadingGoesOn() throws {
        let text = "id,name\n1,ok\n2,bad\"quote\n3,\"closed\"junk\n4,\"fine, quoted\"\n"
        let path = directory.write("d.csv", text)
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows == [["1", "ok"], ["4", "fine, quoted"]])
        #expect(table.rejections.map(\.line) == [3, 4])
        #expect(table.rejections.allSatisfy { $0.rule == .rowMalformed && $0.source == "input.csv" })
        #expect(table.rejections.map(\.raw) == ["2,bad\"quote", "3,\"closed\"junk"])
    }

    @Test func wrongFieldCountIsQuarantinedWithItsID() throws {
        let path = directory.write("d.csv", "id,name,team\n1,a,t\n2,b\n3,c,t,extra\n")
        let (rows, table) = try readRows(path, fields: ["id", "team"])
        #expect(rows == [["1", "t"]])
        #expect(table.rejections.map(\.employeeID) == ["2", "3"])
        #expect(
            table.rejections.map(\.message) == [
                "expected 3 fields as in the header, found 2", "expected 3 fields as in the header, found 4",
            ])
    }

    @Test func unterminatedQuoteAtEndOfFileIsFatal() {
        let path = directory.write("d.csv", "id,name\n1,ok\n2,\"never closed\n3,more\n")
        let error = #expect(throws: RunError.self) { try readRows(path, fields: ["id", "name"]) }
        #expect(error?.status == .badData)
        #expect(error?.message.contains("input.csv:3") == true)
    }

    @Test func nulByteAndOverLongFieldAreQuarantined() throws {
        let long = String(repeating: "x", count: 2_000)
        let bytes = Array("id,name\n1,ok\n2,a".utf8) + [0] + Array("b\n3,\(long)\n4,fine\n".utf8)
        let path = directory.write("d.csv", bytes)
        let (rows, table) = try readRows(path, fields: ["id", "name"], limits: CSVLimits(maxFieldBytes: 1_000))
        #expect(rows == [["1", "ok"], ["4", "fine"]])
        #expect(table.rejections.map(\.line) == [3, 4])
        #expect(table.rejections[1].message.contains("longer than 1000 bytes"))
    }

    @Test func emptyFileIsFatal() {
        let path = directory.write("d.csv", "")
        #expect(throws: RunError.self) { try readRows(path, fields: ["id"]) }
    }

    @Test func headerOnlyGivesNoRows() throws {
        let path = directory.write("d.csv", "id,name\n")
        let (rows, table) = try readRows(path, fields: ["id", "name"])
        #expect(rows.isEmpty)
        #expect(table.rowsRead == 0)
    }

    @Test func missingFileIsCannotOpen() {
        let error = #expect(throws: RunError.self) { try readRows(directory.path + "/nope.csv", fields: ["id"]) }
        #expect(error?.status == .cannotOpenInput)
    }
}
