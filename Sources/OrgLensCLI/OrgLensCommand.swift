public import ArgumentParser
import Foundation
import OrgLensPipeline
import OrgLensSystem

/// `orglens`: the root command; each subcommand is a small type of its own.
public struct OrgLensCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "orglens",
        abstract: "Org-structure analytics over HRIS exports: span of control, layers, data quality.",
        discussion: ExitCodes.help,
        version: Analysis.toolVersion,
        subcommands: [
            AnalyzeCommand.self, RunCommand.self, ValidateCommand.self, PresetsCommand.self, SchemaCommand.self,
            DiffCommand.self, ReportCommand.self, GenerateCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}

    /// Test only (`make crash-test`): a pause between publishing steps, in microseconds, so that its kills
    /// land inside them. Read from `ORGLENS_TEST_PUBLISH_PAUSE_US`; 0 otherwise.
    static var testPublishPause: UInt32 {
        ProcessInfo.processInfo.environment["ORGLENS_TEST_PUBLISH_PAUSE_US"].flatMap(UInt32.init) ?? 0
    }

    /// Test only: a pause after the inputs were read, in microseconds, so a test can append to or truncate an
    /// export while the run has it open. Read from `ORGLENS_TEST_READ_PAUSE_US`; 0 otherwise.
    static var testReadPause: UInt32 {
        ProcessInfo.processInfo.environment["ORGLENS_TEST_READ_PAUSE_US"].flatMap(UInt32.init) ?? 0
    }

    /// Runs the command line. A write past a file-size limit (`ulimit -f`) must be an error the run reports
    /// (exit 73, earlier outputs kept), not SIGXFSZ killing the process half-way.
    public static func start() {
        POSIX.ignoreFileSizeSignal()
        main()
    }
}

/// The documented exit codes, in `--help` and the README.
enum ExitCodes {
    static let help = """
        Exit codes:
          0   ok
          1   run: published, but a fail_on rule tripped
          64  usage: a flag or its value is wrong
          65  bad data, nothing published: the input cannot be analysed (missing required column, unterminated quote, malformed XML or a DTD, a spreadsheet, dates that read both ways, nobody in the org), or a run tripped a gate (kept in blocked/; latest unchanged)
          66  cannot open an input file, or it is not a regular file
          73  cannot write the output directory; nothing published, earlier outputs left as they were
          74  read error while reading an input
          75  run: another run holds the output directory's lock
          78  configuration error (a currency without a rate, a bad config file, min group size below 3)
        """
}
