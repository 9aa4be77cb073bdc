public import ArgumentParser
import OrgLensModel
import OrgLensPipeline
import OrgLensSystem

/// `orglens validate PIPELINE.yml`: checks the file and every source's mapping; computes nothing.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Read a pipeline's sources whole and report where each field comes from, how many values read, and which gates would trip.",
        discussion: ExitCodes.help(.validate))

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Overrides the pipeline's as_of (default: today, UTC).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    public init() {}

    public func validate() throws {
        if let asOf, CivilDate(iso: Substring(asOf)) == nil || asOf.count != 10 {
            throw ValidationError("--as-of '\(asOf)' is not a date in YYYY-MM-DD form.")
        }
    }

    public func run() throws {
        let wouldBlock: Bool
        do throws(RunError) {
            let file = try PipelineFile.load(pipeline)
            let day = asOf.flatMap { CivilDate(iso: Substring($0)) } ?? file.asOf ?? AnalyzeCommand.todayUTC()
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
