public import ArgumentParser
import OrgLensModel

/// `orglens schema`: prints the JSON Schemas of the outputs and of pipeline files.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema (2020-12): dashboard, manifest, pipeline, or tables/<name>; no name lists them.")

    @Argument(help: "dashboard, manifest, pipeline or tables/<name>.")
    var name: String?

    public init() {}

    public func run() throws {
        guard let name else {
            for schema in EmbeddedSchemas.all { print(schema.name.replacingSuffix(".schema.json")) }
            return
        }
        guard let schema = EmbeddedSchemas.all.first(where: { $0.name == name + ".schema.json" }) else {
            StandardError.write("orglens: error: no schema '\(name)'; run 'orglens schema' for the list.\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print(schema.text, terminator: "")
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
