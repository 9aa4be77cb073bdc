import OrgLensCSV
import OrgLensModel

/// Reads `path` keeping the named columns, and returns rows as arrays of strings in `fields` order.
func readRows(
    _ path: String, fields: [String], dialect: CSVDialect = CSVDialect(), limits: CSVLimits = CSVLimits()
) throws(RunError) -> (rows: [[String]], table: RawTable) {
    let reader = CSVReader(path: path, displayPath: "input.csv", dialect: dialect, limits: limits)
    let table = try reader.read(fields: fields, identifierField: fields[0]) { header throws(RunError) in
        fields.map { header.firstIndex(of: $0) }
    }
    let rows = (0..<table.recordCount).map { record in
        table.columns.map { $0?.string(at: record) ?? "<absent>" }
    }
    return (rows, table)
}
