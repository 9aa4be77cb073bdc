#if Database
import Foundation
import Logging
import NIOCore
import NIOSSL
import OrgLensLoad
import OrgLensModel
import PostgresNIO

/// The PostgreSQL side of `DatabaseLoader`: one connection, the layout checked (and made or migrated), then
/// one transaction per run: the night's rows deleted, copied in again, its `runs` row written.
enum PostgresLoad {
    static func run(
        _ runs: [RunDirectory.Night], address: DatabaseAddress, password: String?, logger: Logger, pause: UInt32
    ) throws(RunError) -> DatabaseLoader.Report {
        // postgres-nio logs only at debug and trace; the run's own log says what was loaded.
        var clientLogger = logger
        clientLogger.logLevel = .critical
        let quietLogger = clientLogger
        do {
            return try waitFor {
                try await Session.open(address: address, password: password, logger: quietLogger).loadAll(
                    runs, logger: logger, pause: pause)
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(
                .databaseNotLoaded,
                "the database at \(address.url) was not loaded (\(describe(error))); nothing in it changed")
        }
    }

    /// What went wrong, without the query or its values.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if error.code == .sslUnsupported { return "the server does not offer TLS, and tls is require" }
        if error.code == .authMechanismRequiresPassword {
            return "the server asks for a password: set $PGPASSWORD or password_file"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

/// One connection to the database for one load.
private struct Session: Sendable {
    let connection: PostgresConnection
    let schema: String
    let logger: Logger

    static func open(address: DatabaseAddress, password: String?, logger: Logger) async throws -> Session {
        let tls: PostgresConnection.Configuration.TLS =
            switch address.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        return Session(connection: connection, schema: address.schema, logger: logger)
    }

    func loadAll(
        _ runs: [RunDirectory.Night], logger runLogger: Logger, pause: UInt32
    ) async throws
        -> DatabaseLoader.Report
    {
        do {
            try await ensureLayout()
            var known: Set<String> = []
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT run FROM \(quoted).\"runs\""), logger: logger)
            for try await run in rows.decode(String.self) { known.insert(run) }
            var report = DatabaseLoader.Report()
            for source in runs where !known.contains(source.name) {
                // A run that is not what the contract says is left out whole (its transaction rolled back).
                let rows: Int
                do { rows = try await load(try DatabaseNight(source), pause: pause) } catch let problem
                    as CopyRows.Problem
                {
                    runLogger.warning(
                        "night not loaded into the database",
                        metadata: ["run": "\(source.name)", "reason": "\(problem.message)"])
                    report.unreadable.append("\(source.name): \(problem.message)")
                    continue
                }
                report.loaded.append((source.name, rows))
                runLogger.info("loaded into the database", metadata: ["run": "\(source.name)", "rows": "\(rows)"])
            }
            try await connection.close()
            return report
        } catch {
            try? await connection.close()
            throw error
        }
    }

    var quoted: String { DatabaseSchema.quoted(schema) }

    private func execute(_ sql: String) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }

    /// Every load of a schema takes the same transaction lock: two loads never interleave.
    private func lockSchema() async throws {
        try await execute("SELECT pg_advisory_xact_lock(hashtext(\(literal("orglens." + schema))))")
    }

    /// SQL text for a value the run wrote itself (dates, run names, gate names): quoted, quotes doubled.
    private func literal(_ text: String) -> String { DatabaseSchema.literal(text) }

    private func literal(_ texts: [String]) -> String {
        "ARRAY[" + texts.map(literal).joined(separator: ",") + "]::text[]"
    }

    /// Makes or migrates the layout when the database's version is not this binary's; refuses a newer one.
    private func ensureLayout() async throws {
        let found = try await storedVersion()
        if let found {
            switch OutputSchemaVersion.compare(found, DatabaseSchema.version) {
            case .orderedSame: return
            case .orderedDescending:
                throw RunError(
                    .configuration,
                    "the database schema \(schema) was made by a newer OrgLens (output schema \(found); this binary writes \(DatabaseSchema.version)); upgrade orglens, or load into another outputs.database.schema."
                )
            case .orderedAscending: break
            }
        }
        try await execute("BEGIN")
        do {
            try await lockSchema()
            for statement in DatabaseSchema.statements(schema: schema) { try await execute(statement) }
            try await execute("DELETE FROM \(quoted).\"schema_version\"")
            try await execute(
                "INSERT INTO \(quoted).\"schema_version\" (version) VALUES (\(literal(DatabaseSchema.version)))")
            try await execute("COMMIT")
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    private func storedVersion() async throws -> String? {
        let exists = try await connection.query(
            "SELECT to_regclass(\(schema + ".schema_version"))::text", logger: logger)
        var table: String?
        for try await name in exists.decode(String?.self) { table = name }
        guard table != nil else { return nil }
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT version FROM \(quoted).\"schema_version\""), logger: logger)
        var version: String?
        for try await found in rows.decode(String.self) { version = found }
        return version
    }

    /// One run in one transaction: a reader sees the night before it or after it, never a mix. Returns its rows.
    private func load(_ night: DatabaseNight, pause: UInt32) async throws -> Int {
        var loaded = 0
        try await execute("BEGIN")
        do {
            try await lockSchema()
            try await execute("SET LOCAL search_path TO \(quoted)")
            if night.source.published {
                for table in DatabaseSchema.tables {
                    try await execute(
                        "DELETE FROM \(DatabaseSchema.quoted(table.name)) WHERE as_of = \(literal(night.asOf))::date")
                }
                for table in night.tables {
                    let rows = try night.rows(of: table)
                    loaded += rows.rows
                    guard rows.rows > 0 else { continue }
                    try await connection.copyFrom(table: rows.table, columns: rows.columns, logger: logger) {
                        writer in
                        var offset = 0
                        while offset < rows.text.count {
                            let end = min(offset + (1 << 20), rows.text.count)
                            try await writer.write(ByteBuffer(bytes: rows.text[offset..<end]))
                            offset = end
                        }
                    }
                }
                try await execute("UPDATE \"runs\" SET loaded = false WHERE as_of = \(literal(night.asOf))::date")
            }
            try await execute(
                """
                INSERT INTO "runs" (as_of, run, status, finished, schema_version, gates, accepted_changes, loaded)
                VALUES (\(literal(night.asOf))::date, \(literal(night.source.name)),
                        \(literal(night.source.published ? "published" : "blocked")),
                        \(literal(night.finished))::timestamptz, \(literal(night.schemaVersion)),
                        \(literal(night.gates)), \(literal(night.acceptedChanges)), \(night.source.published))
                ON CONFLICT (run) DO UPDATE SET status = EXCLUDED.status, finished = EXCLUDED.finished,
                    schema_version = EXCLUDED.schema_version, gates = EXCLUDED.gates,
                    accepted_changes = EXCLUDED.accepted_changes, loaded = EXCLUDED.loaded
                """)
            if pause > 0 { try await Task.sleep(nanoseconds: UInt64(pause) * 1000) }
            try await execute("COMMIT")
            return loaded
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }
}
#endif
