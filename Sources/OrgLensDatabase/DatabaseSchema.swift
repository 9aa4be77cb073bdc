import Foundation
package import OrgLensContract

/// The BI database's tables, rendered from the output contract: one table per NDJSON table (every row keeps its
/// `as_of`), `summary` with the trend's columns (one row per night), and `runs` (each run, published or blocked).
/// Personal-data tables (`people`, `people_changes`, mode 0600 as files) never go in.
package enum DatabaseSchema {
    /// A table of the database and where its rows come from in a run directory.
    package struct Table: Sendable {
        package let record: ContractRecord
        /// The run directory's file holding the rows, one JSON record per line.
        package let file: String

        package var name: String { record.name }
    }

    /// The database's own version of the layout: the output schema version it was made for.
    package static let version = OutputContract.schemaVersion

    static let personal: Set<String> = ["people", "people_changes"]

    /// Every table a night's rows go to, in load order.
    package static let tables: [Table] = OutputContract.tables.compactMap { record in
        if record.name == "trend" {
            return Table(
                record: ContractRecord(
                    "summary",
                    "One row per night: the summary, data quality and change counts (the trend's record).",
                    record.fields),
                file: "trend-record.ndjson")
        }
        guard record.name != "summary", !personal.contains(record.name) else { return nil }
        return Table(record: record, file: "tables/\(record.name).ndjson")
    }

    /// One row per run the database has heard of: published nights (`loaded`: its rows are the `as_of`'s) and
    /// blocked ones (never loaded; the gates they tripped).
    package static let runs = ContractRecord(
        "runs", "Each run: published or blocked, and whether its rows are the night's.",
        [
            ContractField("as_of", .date, "the run's as_of"),
            ContractField("run", .string(), "the run's folder in the outputs directory (runs/<as_of>.<n>, blocked/…)"),
            ContractField("status", .oneOf(["published", "blocked"]), "published, or kept out by a gate"),
            ContractField(
                "finished", .string(pattern: timestampPattern), "when the run was published or blocked (UTC)"),
            ContractField("schema_version", .string(), "the output schema version the run wrote"),
            ContractField("gates", .strings, "the gates a blocked run tripped"),
            ContractField("accepted_changes", .strings, "change gates --accept-change let the run past"),
            ContractField("loaded", .boolean, "the night's rows in the tables are this run's"),
        ])

    /// A string literal of text the contract declares.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The SQL type of a contract type: money and shares exact (`numeric`), counts `bigint`, dates `date`.
    static func sqlType(_ type: ContractType) -> String {
        switch type {
        case .integer, .constant(.integer): "bigint"
        case .number: "numeric"
        case .boolean: "boolean"
        case .string(let pattern?) where pattern == datePattern: "date"
        case .string(let pattern?) where pattern == timestampPattern: "timestamptz"
        case .string: "text"
        case .oneOf, .constant(.text): "text"
        case .arrayOf(let element): "\(sqlType(element))[]"
        case .tableRecord, .table, .object, .map, .anyOf: "jsonb"
        }
    }

    static let timestampPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$"

    static let datePattern: String? = {
        if case .string(let pattern) = ContractType.date { return pattern }
        return nil
    }()

    /// The statements that make the layout in `schema` (each idempotent), the views last.
    package static func statements(schema: String) -> [String] {
        let name = quoted(schema)
        var statements = [
            "CREATE SCHEMA IF NOT EXISTS \(name)",
            "CREATE TABLE IF NOT EXISTS \(name).\"schema_version\" (version text NOT NULL)",
            create(runs, in: name, key: "PRIMARY KEY (run)"),
        ]
        for table in tables {
            statements.append(create(table.record, in: name, key: nil))
            // A database made by an earlier version gains the columns this contract added.
            for field in table.record.fields where field.key != "as_of" {
                statements.append(
                    "ALTER TABLE \(name).\(quoted(table.name)) ADD COLUMN IF NOT EXISTS \(quoted(field.key)) \(sqlType(field.type))"
                )
            }
            statements.append(
                "CREATE INDEX IF NOT EXISTS \(quoted(table.name + "_as_of")) ON \(name).\(quoted(table.name)) (as_of)")
        }
        // What each table and column means, from the contract: a BI tool shows it beside the column.
        for record in [runs] + tables.map(\.record) {
            let table = "\(name).\(quoted(record.name))"
            statements.append("COMMENT ON TABLE \(table) IS \(literal(record.summary))")
            for field in record.fields {
                statements.append("COMMENT ON COLUMN \(table).\(quoted(field.key)) IS \(literal(field.summary))")
            }
        }
        for table in tables {
            statements.append(
                "CREATE OR REPLACE VIEW \(name).\(quoted("latest_" + table.name)) AS SELECT * FROM \(name).\(quoted(table.name)) WHERE as_of = (SELECT max(as_of) FROM \(name).\"runs\" WHERE loaded)"
            )
        }
        return statements
    }

    private static func create(_ record: ContractRecord, in schema: String, key: String?) -> String {
        let columns = record.fields.map { field in
            "    \(quoted(field.key)) \(sqlType(field.type))\(field.key == "as_of" || record.name == "runs" ? " NOT NULL" : "")"
        }
        let keyClause = key.map { ",\n    \($0)" } ?? ""
        return "CREATE TABLE IF NOT EXISTS \(schema).\(quoted(record.name)) (\n"
            + columns.joined(separator: ",\n") + keyClause + "\n)"
    }

    /// `orglens schema sql`: the whole layout as one script, each table's columns described.
    package static func script(schema: String) -> String {
        var lines = [
            "-- OrgLens BI database, output schema \(version): what `outputs.database` creates in schema \(schema).",
            "-- Every table but runs has as_of; views latest_<table> hold the newest loaded night.",
        ]
        for statement in statements(schema: schema) where !statement.hasPrefix("ALTER TABLE") {
            lines.append(statement + ";")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
