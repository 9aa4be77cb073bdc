package import ArgumentParser
import OrgLensDatabase
import OrgLensLoad
import OrgLensModel
import OrgLensPipeline

extension DatabaseTLS: ExpressibleByArgument {}

/// `orglens load RUN_DIR… --database URL`: back-fills the BI database by hand from run folders (published or
/// blocked), each in its own transaction; runs the database already holds are skipped.
package struct LoadCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load run directories (runs/<as_of>.<n>, blocked/<as_of>.<n>) into the BI database.",
        discussion: ExitCodes.help(.load))

    @Argument(help: "Run directories of an outputs directory, in any order (loaded by as_of).")
    var runDirectories: [String]

    @Option(help: ArgumentHelp("postgresql://USER@HOST:PORT/DB; the password from $PGPASSWORD.", valueName: "url"))
    var database: String

    @Option(help: "The schema the tables go in.")
    var schema = DatabaseAddress.defaultSchema

    @Option(help: "disable, prefer or require.")
    var tls = DatabaseAddress.defaultTLS

    @Option(
        help: ArgumentHelp("A file holding the password (mode 600), when $PGPASSWORD is not set.", valueName: "file"))
    var passwordFile: String?

    @Flag(help: "Log warnings and errors only.")
    var quiet = false

    package init() {}

    package func validate() throws {
        guard DatabaseAddress.isSchemaName(schema) else {
            throw ValidationError("--schema \(DatabaseAddress.schemaNameRule).")
        }
    }

    package func run() throws {
        let logger = LogSetup.logger(quiet: quiet, format: .text)
        do throws(RunError) {
            let address = try DatabaseAddress(
                url: database, written: "--database", schema: schema, tls: tls, passwordFile: passwordFile)
            let nights = RunDirectory.inLoadOrder(
                try runDirectories.map { path throws(RunError) in try Self.night(path) })
            let report = try DatabaseLoader.load(
                nights, into: address, logger: logger, pause: OrgLensCommand.testLoadPause)
            for (run, rows) in report.loaded { print("\(run)\t\(rows) rows") }
            if !report.unreadable.isEmpty {
                throw RunError(.badData, "not loaded: " + report.unreadable.joined(separator: "; "))
            }
        } catch {
            throw StandardError.failure(error)
        }
    }

    /// A run folder as the database names it (`runs/<as_of>.<n>` or `blocked/<as_of>.<n>`).
    static func night(_ path: String) throws(RunError) -> RunDirectory.Night {
        if let night = RunDirectory.night(at: path) { return night }
        throw RunError(
            .badData,
            "\(path) is not a published or blocked OrgLens run (a runs/<as_of>.<n> folder with a .published marker, or blocked/<as_of>.<n>); give run folders of an outputs directory."
        )
    }
}
