package import ArgumentParser
import OrgLensModel
import OrgLensPipeline

/// `orglens diff BEFORE AFTER --out DIR`: what changed between two runs, for a one-off audit (the org before and
/// after a reorg). Each side is a run directory (with its snapshot.bin) or a pipeline file (analysed, not published).
package struct DiffCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Write what changed between two runs (run directories or pipeline files) into DIR/changes.json.",
        discussion: ExitCodes.help(.diff))

    @Argument(help: "The earlier org: a run directory (runs/<as_of>.<n>) or a pipeline file.")
    var before: String

    @Argument(help: "The later org: a run directory or a pipeline file.")
    var after: String

    @Option(help: ArgumentHelp("Where changes.json goes (swapped in whole).", valueName: "dir"))
    var out: String

    @OptionGroup var analysis: AnalysisOptions

    package init() {}

    package func run() throws {
        do throws(RunError) {
            print(
                try RunComparison.write(
                    before: before, after: after, out: out, day: analysis.day(pipeline:),
                    workers: analysis.workerCount, logger: LogSetup.logger(quiet: true, format: .text)))
        } catch {
            throw StandardError.failure(error)
        }
    }
}
