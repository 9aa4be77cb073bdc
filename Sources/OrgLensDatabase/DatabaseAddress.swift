import Foundation
package import OrgLensModel
import OrgLensSystem

/// How the connection to the database is encrypted (libpq's `sslmode` words): `prefer` tries TLS and falls back.
package enum DatabaseTLS: String, Sendable, CaseIterable, Hashable {
    case disable, prefer, require
}

/// Where the BI database is: `postgresql://USER@HOST:PORT/DB`, the schema the tables go in, TLS, and where the
/// password comes from (`$PGPASSWORD`, else `password_file`) — never the URL, which may sit in a pipeline file.
package struct DatabaseAddress: Sendable, Hashable {
    package var user: String
    package var host: String
    package var port: Int
    package var database: String
    package var schema = Self.defaultSchema
    package var tls = Self.defaultTLS
    package var passwordFile: String?

    /// Parses the URL; the error says what is wrong without repeating a password.
    package init(url: String) throws(DatabaseAddressError) {
        let schemes = ["postgresql://", "postgres://"]
        guard let scheme = schemes.first(where: { url.hasPrefix($0) }) else {
            throw DatabaseAddressError("must start with postgresql:// (postgresql://USER@HOST:PORT/DB)")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        guard let at = rest.lastIndex(of: "@") else {
            throw DatabaseAddressError("names no user (postgresql://USER@HOST:PORT/DB)")
        }
        let userInfo = rest[..<at]
        if userInfo.contains(":") {
            throw DatabaseAddressError(
                "holds a password; a pipeline file is no place for one: set $PGPASSWORD or outputs.database.password_file (mode 600) and write the URL as postgresql://USER@HOST:PORT/DB"
            )
        }
        rest = rest[rest.index(after: at)...]
        guard let slash = rest.firstIndex(of: "/") else {
            throw DatabaseAddressError("names no database (postgresql://USER@HOST:PORT/DB)")
        }
        let hostPort = rest[..<slash]
        let database = rest[rest.index(after: slash)...]
        guard !userInfo.isEmpty, !database.isEmpty, !database.contains("/"), !database.contains("?") else {
            throw DatabaseAddressError("must be postgresql://USER@HOST:PORT/DB (no options after the database)")
        }
        var host = hostPort
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let number = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(number) else {
                throw DatabaseAddressError("has a port that is not a number from 1 to 65535")
            }
            port = number
            host = hostPort[..<colon]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw DatabaseAddressError("names no host (postgresql://USER@HOST:PORT/DB)") }
        self.user = String(userInfo).removingPercentEncoding ?? String(userInfo)
        self.host = String(host)
        self.port = port
        self.database = String(database).removingPercentEncoding ?? String(database)
    }

    /// The address a pipeline's `outputs.database` or `orglens load`'s flags give; a bad URL is a configuration
    /// error that names where it was written (`written`: the key or flag).
    package init(
        url: String, written: String, schema: String, tls: DatabaseTLS, passwordFile: String?
    ) throws(RunError) {
        do { try self.init(url: url) } catch { throw RunError(.configuration, "\(written) \(error.problem)") }
        self.schema = schema
        self.tls = tls
        self.passwordFile = passwordFile
    }

    /// The defaults of `outputs.database` and of `orglens load`'s flags.
    package static let defaultSchema = "orglens"
    package static let defaultTLS = DatabaseTLS.prefer

    /// A schema name used as written, never folded or quoted away: lowercase letters, digits and `_`.
    package static func isSchemaName(_ text: String) -> Bool {
        guard let first = text.first, !first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    package static let schemaNamePattern = "^[a-z_][a-z0-9_]*$"

    package static let schemaNameRule = "must be lowercase letters, digits and _, not starting with a digit (orglens)"

    /// The URL as given, which holds no password: safe for logs and messages.
    package var url: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    /// `$PGPASSWORD`, else the password file's first line (the file must be readable by its owner only), else
    /// none (a server that trusts the connection).
    package func password(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RunError)
        -> String?
    {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        guard let passwordFile else { return nil }
        let data = try SecretFile.read(passwordFile, what: "the database password file")
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }
}

/// What is wrong with a database URL (the reader adds where it was written).
package struct DatabaseAddressError: Error, Sendable {
    package let problem: String
    init(_ problem: String) { self.problem = problem }
}
