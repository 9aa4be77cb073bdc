import OrgLensModel
import OrgLensTestSupport
import OrgLensXML

let personFields = ["employee_id", "manager_id", "name", "status", "hire_date"]

/// Reads an XML document written inline, returning each record's values in `fields` order.
func readXML(
    _ text: String, mapping: XMLRecordMapping, fields: [String] = personFields, limits: XMLLimits = XMLLimits()
) throws(RunError) -> (rows: [[String]], table: RawTable) {
    let directory = TemporaryDirectory()
    return try readXML(bytes: Array(text.utf8), mapping: mapping, fields: fields, limits: limits, in: directory)
}

func readXML(
    bytes: [UInt8], mapping: XMLRecordMapping, fields: [String] = personFields, limits: XMLLimits = XMLLimits(),
    workers: Int = 1, in directory: TemporaryDirectory
) throws(RunError) -> (rows: [[String]], table: RawTable) {
    let path = directory.write("people.xml", bytes)
    let table = try XMLReader(path: path, displayPath: "people.xml", mapping: mapping, limits: limits)
        .read(fields: fields, identifierField: "employee_id", workers: workers)
    let rows = (0..<table.recordCount).map { record in table.columns.map { $0?.string(at: record) ?? "<absent>" } }
    return (rows, table)
}

func mapping(_ record: String, _ selectors: [String: String]) throws -> XMLRecordMapping {
    try XMLRecordMapping(
        recordElement: record, selectors: selectors.mapValues { text throws(RunError) in try XMLSelector(text) })
}
