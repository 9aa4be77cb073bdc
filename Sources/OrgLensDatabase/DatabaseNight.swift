import Foundation
import OrgLensContract
package import OrgLensLoad
import OrgLensSystem

/// One run as the database takes it: its `runs` row and, for a published run, its rows of every table.
package struct DatabaseNight: Sendable {
    package let source: RunDirectory.Night
    package let asOf: String
    package let schemaVersion: String
    package let finished: String
    package let gates: [String]
    package let acceptedChanges: [String]
    /// The tables whose files the run has; empty for a blocked run (it writes only its `runs` row).
    package let tables: [DatabaseSchema.Table]

    /// One table's rows, read and checked when the load gets to it (a night is never held whole in memory); a
    /// line that is not what the contract says makes the whole night unloadable (its transaction rolls back).
    package func rows(of table: DatabaseSchema.Table) throws(CopyRows.Problem) -> CopyRows {
        guard let bytes = POSIX.readRegularFile(source.path + "/" + table.file, limit: 1 << 34) else {
            throw CopyRows.Problem(message: "\(source.name)/\(table.file) cannot be read")
        }
        return try CopyRows(table: table, ndjson: bytes)
    }

    /// Reads a run folder's manifest (and a blocked run's gates).
    package init(_ source: RunDirectory.Night) throws(CopyRows.Problem) {
        self.source = source
        guard let manifestBytes = POSIX.readRegularFile(source.path + "/manifest.json", limit: 1 << 24),
            let manifest = SchemaValue.parse(manifestBytes),
            case .string(let asOf)? = manifest[member: "as_of"],
            case .string(let version)? = manifest[member: "schema_version"]
        else { throw CopyRows.Problem(message: "\(source.name)/manifest.json cannot be read") }
        // A kept run is read back, not trusted: an as_of that is not its folder's day would put its rows on another
        // day (or, not a date, fail every later load).
        guard asOf == source.day else {
            throw CopyRows.Problem(message: "\(source.name)/manifest.json: its as_of is not its folder's day")
        }
        self.asOf = asOf
        schemaVersion = version
        acceptedChanges = Self.strings(manifest[member: "accepted_changes"])
        finished = ISO8601DateFormatter().string(from: source.finished)
        if source.published {
            gates = []
            tables = DatabaseSchema.tables.filter {
                FileManager.default.fileExists(atPath: source.path + "/" + $0.file)
            }
        } else {
            tables = []
            let blocked = POSIX.readRegularFile(source.path + "/blocked.json", limit: 1 << 24).flatMap {
                SchemaValue.parse($0)
            }
            guard case .array(let tripped)? = blocked?[member: "gates"] else {
                throw CopyRows.Problem(message: "\(source.name)/blocked.json cannot be read")
            }
            gates = tripped.compactMap { gate in
                guard case .string(let name)? = gate[member: "gate"] else { return nil }
                return name
            }
        }
    }

    private static func strings(_ value: SchemaValue?) -> [String] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
