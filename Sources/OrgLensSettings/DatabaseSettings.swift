import OrgLensContract
package import OrgLensDatabase
package import OrgLensModel

extension DatabaseTLS: SettingChoice {}

/// `outputs.database`: the PostgreSQL database each published night is loaded into. The URL names no password
/// (one in it is refused): `$PGPASSWORD`, else `password_file`.
package struct DatabaseSettings: SettingsGroup, Hashable {
    package var url = ""
    package var schema = DatabaseAddress.defaultSchema
    package var tls = DatabaseAddress.defaultTLS
    package var passwordFile: String?

    package init() {}

    package static let settings: [Setting<DatabaseSettings>] = [
        .value(
            "url", \.url, .string(pattern: "^postgres(ql)?://"), required: true,
            "postgresql://USER@HOST:PORT/DB (no password: $PGPASSWORD or password_file)"
        ) { node, reader, place throws(RunError) in
            let text = try reader.string(node, at: place)!
            do throws(DatabaseAddressError) { _ = try DatabaseAddress(url: text) } catch {
                throw reader.fail(node, "\(reader.name(place)) \(error.problem)")
            }
            return text
        },
        .value("schema", \.schema, .string(pattern: DatabaseAddress.schemaNamePattern), "the schema the tables go in") {
            node, reader, place throws(RunError) in
            let text = try reader.string(node, at: place)!
            guard DatabaseAddress.isSchemaName(text) else {
                throw reader.fail(node, "\(reader.name(place)) \(DatabaseAddress.schemaNameRule)")
            }
            return text
        },
        .choice("tls", \.tls, "disable, prefer (TLS when the server offers it) or require"),
        .text("password_file", \.passwordFile, "a file holding the password (mode 600), when $PGPASSWORD is not set"),
    ]

    /// Where to load, with `password_file` relative to the pipeline file's folder.
    package func address(base: String) throws(RunError) -> DatabaseAddress {
        try DatabaseAddress(
            url: url, written: "outputs.database.url", schema: schema, tls: tls,
            passwordFile: passwordFile.map { PipelineFile.resolve($0, base: base) })
    }
}
