public import ArgumentParser
import Foundation
import OrgLensLoad
import OrgLensModel
import OrgLensPipeline
import OrgLensReport
import OrgLensSystem

/// `orglens report RUN_DIR --out FILE`: the one-page org audit of a run made earlier, written outside it.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html for an existing run directory (or analyze --out folder) to FILE.",
        discussion: ExitCodes.help(.report))

    @Argument(help: "A run directory (runs/<as_of>.<n>, latest) or an analyze --out folder.")
    var runDirectory: String

    @Option(help: ArgumentHelp("Where the report goes; never inside the run itself.", valueName: "file"))
    var out: String

    public init() {}

    public func run() throws {
        do throws(RunError) {
            let runPath = PathParts.resolved(runDirectory)
            let folder = PathParts.resolved(PathParts.parent(out))
            try OutputsDirectoryGuard.refuseInside(PathParts.parent(out), shown: out)
            guard folder != runPath, !folder.hasPrefix(runPath + "/") else {
                throw RunError(
                    .usage,
                    "--out \(out) is inside the run \(runDirectory); a published run is never written into. Choose a file outside it."
                )
            }
            guard let dashboard = FileManager.default.contents(atPath: runPath + "/dashboard.json") else {
                throw RunError(.cannotOpenInput, "cannot read \(runDirectory)/dashboard.json; give a run directory.")
            }
            let page = try ReportDocument.render(dashboard: Array(dashboard), toolVersion: Analysis.toolVersion)
            try OutputDirectory(path: folder).publish([
                OutputDirectory.File(name: PathParts.name(out), bytes: page)
            ])
            print(out)
        } catch {
            throw StandardError.failure(error)
        }
    }
}
