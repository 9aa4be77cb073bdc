package import OrgLensModel

/// Builds the `RawTable` a reader would hand to staging, from rows written inline in a test.
package enum PeopleTable {
    /// `rows` are `[employee_id, manager_id, status, hire_date]`; lines count from 2 as under a header.
    package static func make(_ rows: [[String]], source: String = "people.csv") -> RawTable {
        make(fields: ["employee_id", "manager_id", "status", "hire_date"], rows, source: source)
    }

    /// Any source: `rows[i][j]` is field `fields[j]` (missing trailing values are empty).
    package static func make(fields: [String], _ rows: [[String]], source: String = "people.csv") -> RawTable {
        var columns = [TextColumn](repeating: TextColumn(), count: fields.count)
        for row in rows {
            for index in fields.indices {
                columns[index].append(Array((index < row.count ? row[index] : "").utf8))
            }
        }
        var table = RawTable(
            source: source, fields: fields, columns: columns.map { $0 },
            file: SourceFileInfo(path: source, bytes: 0, sha256: ""))
        table.lines = rows.indices.map { $0 + 2 }
        table.rowsRead = rows.count
        return table
    }

    /// The fields of `make(_:)` and a team: rows `[employee_id, manager_id, status, hire_date, team_id]`.
    package static let fieldsWithTeam = ["employee_id", "manager_id", "status", "hire_date", "team_id"]

    /// Id → manager pairs for an org with no policy columns.
    package static func make(managers: [(String, String)]) -> RawTable {
        make(managers.map { [$0.0, $0.1, "", ""] })
    }
}
