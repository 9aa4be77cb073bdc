package import ArgumentParser
import OrgLensModel
import OrgLensPipeline
import OrgLensSettings
import OrgLensSystem

/// `orglens validate PIPELINE.yml`: checks the file and every source's mapping; computes nothing.
package struct ValidateCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Read a pipeline's sources whole and report where each field comes from, how many values read, and which gates would trip.",
        discussion: ExitCodes.help(.validate))

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Overrides the pipeline's as_of (default: today, UTC).", valueName: "yyyy-mm-dd"))
    var asOf: CivilDate?

    package init() {}

    package func run() throws {
        let wouldBlock: Bool
        do throws(RunError) {
            let file = try PipelineFile.load(pipeline)
            let day = asOf ?? file.asOf ?? AnalysisOptions.today
            let report = try PipelineCheck.check(
                file, asOf: day, logger: LogSetup.logger(quiet: true, format: .text), showValues: POSIX.isTerminal(1))
            print(report.text, terminator: "")
            wouldBlock = report.wouldBlock
        } catch {
            throw StandardError.failure(error)
        }
        if wouldBlock { throw ExitCode(ExitStatus.badData.rawValue) }
    }
}
