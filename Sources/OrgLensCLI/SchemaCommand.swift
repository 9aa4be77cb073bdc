package import ArgumentParser
import Foundation
import OrgLensContract
import OrgLensDatabase
import OrgLensModel
import OrgLensSettings

/// `orglens schema`: prints the JSON Schemas of the outputs and of pipeline files, rendered from the contract.
package struct SchemaCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print a JSON Schema (2020-12): dashboard, manifest, pipeline, or tables/<name>; sql prints the database's DDL; no name lists them."
    )

    @Argument(help: "dashboard, manifest, pipeline, tables/<name>, or sql.")
    var name: String?

    @Option(help: "With sql: the database schema the tables go in (outputs.database.schema).")
    var databaseSchema = DatabaseAddress.defaultSchema

    @Option(help: "Write every schema into this directory as <name>.schema.json (make schemas writes Schemas/).")
    var write: String?

    package init() {}

    package func validate() throws {
        guard DatabaseAddress.isSchemaName(databaseSchema) else {
            throw ValidationError("--database-schema \(DatabaseAddress.schemaNameRule).")
        }
    }

    /// Every published schema: the output contract's documents and tables, and the pipeline file.
    static func published() -> [(path: String, schema: SchemaValue)] {
        OutputContract.schemas(adding: [
            (
                "pipeline",
                JSONSchema.document(PipelineFile.contract, path: "pipeline", title: "OrgLens pipeline file (YAML)")
            ),
            (
                "scenario",
                JSONSchema.document(Scenario.contract, path: "scenario", title: "OrgLens scenario file (YAML)")
            ),
        ])
    }

    package func run() throws {
        let schemas = Self.published()
        if let write {
            for (path, schema) in schemas {
                let url = URL(fileURLWithPath: write).appendingPathComponent(path + ".schema.json")
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(schema.rendered().utf8).write(to: url, options: .atomic)
            }
            return
        }
        guard let name else {
            for schema in schemas { print(schema.path) }
            return
        }
        if name == "sql" {
            print(DatabaseSchema.script(schema: databaseSchema), terminator: "")
            return
        }
        guard let schema = schemas.first(where: { $0.path == name }) else {
            StandardError.write("orglens: error: no schema '\(name)'; run 'orglens schema' for the list.\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print(schema.schema.rendered(), terminator: "")
    }
}
