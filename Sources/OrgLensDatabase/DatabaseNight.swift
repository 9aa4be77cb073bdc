package import Foundation
import OrgLensContract
import OrgLensSystem

/// One run as the database takes it: its `runs` row and, for a published run, its rows of every table.
package struct DatabaseNight: Sendable {
    /// A run folder on disk and how it ended.
    package struct Source: Sendable, Hashable {
        package let path: String
        /// Its name in the database: `runs/<as_of>.<n>` or `blocked/<as_of>.<n>`.
        package let name: String
        package let published: Bool
        /// When the run was published or blocked (UTC).
        package let finished: Date

        package init(path: String, name: String, published: Bool, finished: Date) {
            self.path = path
            self.name = name
            self.published = published
            self.finished = finished
        }

        /// Oldest first: by day, then run number (`2026-11-01.10` after `.9`), blocked before published on a tie.
        package static func inLoadOrder(_ sources: [Source]) -> [Source] {
            func key(_ source: Source) -> (String, Int, Int) {
                let folder = source.name.split(separator: "/").last.map(String.init) ?? source.name
                let parts = folder.split(separator: ".", maxSplits: 1)
                return (String(parts.first ?? ""), parts.count > 1 ? Int(parts[1]) ?? 0 : 0, source.published ? 1 : 0)
            }
            return sources.sorted { key($0) < key($1) }
        }
    }

    package let source: Source
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
    package init(_ source: Source) throws(CopyRows.Problem) {
        self.source = source
        guard let manifestBytes = POSIX.readRegularFile(source.path + "/manifest.json", limit: 1 << 24),
            case .object(let manifest) = SchemaValue.parse(manifestBytes),
            case .string(let asOf)? = manifest.first(where: { $0.0 == "as_of" })?.1,
            case .string(let version)? = manifest.first(where: { $0.0 == "schema_version" })?.1
        else { throw CopyRows.Problem(message: "\(source.name)/manifest.json cannot be read") }
        self.asOf = asOf
        schemaVersion = version
        acceptedChanges = Self.strings(manifest.first { $0.0 == "accepted_changes" }?.1)
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
            guard case .object(let members)? = blocked,
                case .array(let tripped)? = members.first(where: { $0.0 == "gates" })?.1
            else { throw CopyRows.Problem(message: "\(source.name)/blocked.json cannot be read") }
            gates = tripped.compactMap { gate in
                guard case .object(let fields) = gate,
                    case .string(let name)? = fields.first(where: { $0.0 == "gate" })?.1
                else { return nil }
                return name
            }
        }
    }

    private static func strings(_ value: SchemaValue?) -> [String] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
