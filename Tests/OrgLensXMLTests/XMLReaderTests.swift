import Foundation
import OrgLensModel
import OrgLensTestSupport
import OrgLensXML
import Testing

@Suite struct XMLReaderTests {
    @Test func everySelectorKind() throws {
        let document = """
            <root>
              <rec key="A1">
                <Emp>  E1 </Emp>
                <Boss label="Boss Name"><ID type="WID">x</ID><ID type="Employee_ID">E0</ID></Boss>
                <field id="displayName">Ada &amp; Co</field>
                <field id="status"/>
              </rec>
            </root>
            """
        let selectors = [
            "employee_id": "Emp", "manager_id": "Boss/ID[@type='Employee_ID']", "name": "field[@id='displayName']",
            "status": "field[@id='status']", "hire_date": "@key",
        ]
        let (rows, table) = try readXML(document, mapping: mapping("rec", selectors))
        #expect(rows == [["E1", "E0", "Ada & Co", "", "A1"]])
        #expect(table.lines == [2])
        #expect(table.rowsRead == 1)

        let attribute = try readXML(
            document, mapping: mapping("rec", ["employee_id": "Boss/@label"]), fields: ["employee_id"])
        #expect(attribute.rows == [["Boss Name"]])
    }

    /// An element's text is its own: text of the elements inside it is not part of it, even when
    /// selected elements open and close in between (mixed content).
    @Test func mixedContentKeepsEachElementsOwnText() throws {
        let document = """
            <root>
              <rec><Emp>E1</Emp><Boss> lead <ID>E0</ID> of <Note>n</Note> team </Boss><Team>T1</Team></rec>
              <rec><Emp>E2</Emp><Boss><ID>E1</ID></Boss><Team> T2 </Team></rec>
            </root>
            """
        let selectors = ["employee_id": "Emp", "manager_id": "Boss/ID", "name": "Boss", "status": "Team"]
        let (rows, _) = try readXML(
            document, mapping: mapping("rec", selectors), fields: ["employee_id", "manager_id", "name", "status"])
        #expect(rows == [["E1", "E0", "lead  of  team", "T1"], ["E2", "E1", "", "T2"]])
    }

    /// Parsing on one worker while another collects gives the table of one serial pass, across batches.
    @Test(arguments: [2, 3])
    func pipelinedReadEqualsSerialRead(workers: Int) throws {
        var document = "<root>\n"
        for index in 0..<10_000 {
            let note = index % 997 == 0 ? String(repeating: "x", count: 300) : "n\(index)"
            document +=
                "<rec key=\"K\(index)\"><Emp> E\(index) </Emp><Boss><ID type=\"WID\">w</ID><ID type=\"Employee_ID\">E\(index / 7)</ID></Boss>"
            document += index % 5 == 0 ? "<Note/>" : "<Note>\(note)<b>skip</b> more</Note>"
            document += "</rec>\n"
        }
        document += "</root>\n"
        let selectors = [
            "employee_id": "Emp", "manager_id": "Boss/ID[@type='Employee_ID']", "name": "Note", "hire_date": "@key",
        ]
        let limits = XMLLimits(maxFieldBytes: 200)
        let directory = TemporaryDirectory()
        let serial = try readXML(
            bytes: Array(document.utf8), mapping: mapping("rec", selectors), limits: limits, in: directory)
        let parallel = try readXML(
            bytes: Array(document.utf8), mapping: mapping("rec", selectors), limits: limits, workers: workers,
            in: directory)
        #expect(serial.table.recordCount == 10_000 - 8, "the 8 over-long notes quarantine their records")
        #expect(parallel.rows == serial.rows)
        #expect(parallel.table.lines == serial.table.lines)
        #expect(parallel.table.rejections == serial.table.rejections)
        #expect(parallel.table.rowsRead == 10_000)
        #expect(parallel.table.file == serial.table.file)
        #expect(serial.rows[1] == ["E1", "E0", "n1 more", "<absent>", "K1"])
    }

    @Test func firstPresentAlternativeWinsAndMissingIsEmpty() throws {
        let document = "<r><p><B>b</B></p><p><A>a</A><B>b</B></p><p/></r>"
        let (rows, _) = try readXML(
            document, mapping: mapping("p", ["employee_id": "A | B", "manager_id": "C"]),
            fields: ["employee_id", "manager_id"])
        #expect(rows == [["b", ""], ["a", ""], ["", ""]])
    }

    @Test func namespacesAreMatchedByLocalName() throws {
        let prefixed =
            #"<x:Data xmlns:x="urn:com.workday.report/A"><x:Entry><x:Employee_ID>1</x:Employee_ID></x:Entry></x:Data>"#
        let defaulted = #"<Data xmlns="urn:other"><Entry><Employee_ID>1</Employee_ID></Entry></Data>"#
        for document in [prefixed, defaulted] {
            let (rows, _) = try readXML(
                document, mapping: mapping("Entry", ["employee_id": "wd:Employee_ID"]), fields: ["employee_id"])
            #expect(rows == [["1"]])
        }
    }

    @Test func utf16AndLatin1DocumentsBecomeSwiftStrings() throws {
        let directory = TemporaryDirectory()
        let text = #"<?xml version="1.0" encoding="UTF-16"?><r><p><n>Łukasz 王 Renée</n></p></r>"#
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let fromUTF16 = try readXML(bytes: utf16, mapping: mapping("p", ["name": "n"]), fields: ["name"], in: directory)
        #expect(fromUTF16.rows == [["Łukasz 王 Renée"]])

        let latin1 =
            Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><r><p><n>Ren"#.utf8) + [0xE9]
            + Array("e</n></p></r>".utf8)
        let fromLatin1 = try readXML(
            bytes: latin1, mapping: mapping("p", ["name": "n"]), fields: ["name"], in: directory)
        #expect(fromLatin1.rows == [["Renée"]])
    }

    @Test func overLongFieldQuarantinesItsRecord() throws {
        let long = String(repeating: "x", count: 5_000)
        let document = "<r><p><id>1</id></p>\n<p><id>2</id><n>\(long)</n></p><p><id>3</id></p></r>"
        let (rows, table) = try readXML(
            document, mapping: mapping("p", ["employee_id": "id", "name": "n"]), fields: ["employee_id", "name"],
            limits: XMLLimits(maxFieldBytes: 1_000))
        #expect(rows.map { $0[0] } == ["1", "3"])
        #expect(table.rejections.map(\.line) == [2])
        #expect(table.rejections.first?.employeeID == "2")
        #expect(table.rowsRead == 3)
    }

    @Test func rawRecordsGiveTheEntryXML() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("p.xml", "<r>\n<p><id>1</id></p>\n<p><id>2</id></p>\n</r>\n")
        let reader = XMLReader(path: path, mapping: try mapping("p", ["employee_id": "id"]))
        #expect(try reader.rawRecords(startingOnLines: [3]) == [3: "<p><id>2</id></p>"])
    }

    @Test(arguments: XMLExportLayout.peopleLayouts)
    func presetsReadTheFixtureOrg(preset: String) throws {
        let folder = preset == "workday-report" ? "engineering-org-workday" : "engineering-org-bamboohr"
        let path = TestPaths.cases.appendingPathComponent("\(folder)/people.xml").path
        let table = try XMLReader(path: path, mapping: XMLExportLayout.mapping(named: preset))
            .read(fields: ["employee_id", "manager_id", "status", "hire_date", "name"], identifierField: "employee_id")
        #expect(table.recordCount == 124)
        #expect(table.rejections.isEmpty)
        let ids = table.columns[0]!
        let managers = table.columns[1]!
        let first = (ids.string(at: 0), managers.string(at: 0), table.columns[2]!.string(at: 0))
        #expect(first == ("E1122", "E1052", "pending-start"))
        #expect(table.columns[4]!.string(at: 0) == "Müller, James")
    }

    @Test func unknownPresetIsAUsageError() {
        let error = #expect(throws: RunError.self) { try XMLExportLayout.mapping(named: "sap") }
        #expect(error?.status == .usage)
    }
}

/// The XML reader refuses a column past its limit (`TextColumn.maxBytes`, lowered here) as the CSV reader does.
@Suite struct XMLColumnLimitTests {
    @Test(arguments: [1, 2])
    func aColumnPastTheLimitIsRefusedAtItsRecord(workers: Int) throws {
        var document = "<root>\n"
        for index in 0..<100 {
            document += "<p><Emp>E\(index)</Emp><Note>\(String(repeating: "n", count: 50))</Note></p>\n"
        }
        document += "</root>\n"
        var limits = XMLLimits()
        limits.maxColumnBytes = 1_000
        let directory = TemporaryDirectory()
        let map = try mapping("p", ["employee_id": "Emp", "name": "Note"])
        let error = #expect(throws: RunError.self) {
            try readXML(bytes: Array(document.utf8), mapping: map, limits: limits, workers: workers, in: directory)
        }
        #expect(error?.status == .badData)
        // 20 notes of 50 bytes fill the column; the 21st record, on line 22, does not fit.
        #expect(
            error?.message.hasPrefix("people.xml:22: the name column holds more than 1000 bytes of text") == true)
    }
}
