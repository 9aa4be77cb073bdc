package import ArgumentParser
import OrgLensModel
import OrgLensPipeline

/// `orglens report RUN_DIR --out FILE`: the one-page org audit of a run made earlier, written outside it.
package struct ReportCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html for an existing run directory (or analyze --out folder) to FILE.",
        discussion: ExitCodes.help(.report))

    @Argument(help: "A run directory (runs/<as_of>.<n>, latest) or an analyze --out folder.")
    var runDirectory: String

    @Option(help: ArgumentHelp("Where the report goes; never inside the run itself.", valueName: "file"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "The page for this org head's org only (an id from the run's org_heads table).", valueName: "id"))
    var orgHead: String?

    package init() {}

    package func run() throws {
        do throws(RunError) {
            try ReportExport.write(runDirectory: runDirectory, to: out, orgHead: orgHead)
            print(out)
        } catch {
            throw StandardError.failure(error)
        }
    }
}
