package import ArgumentParser
import Foundation
import OrgLensPipeline
import OrgLensSystem

/// `orglens`: the root command; each subcommand is a small type of its own.
package struct OrgLensCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "orglens",
        abstract: "Org-structure analytics over HRIS exports: span of control, layers, data quality.",
        discussion: ExitCodes.all,
        version: Analysis.toolVersion,
        subcommands: [
            AnalyzeCommand.self, RunCommand.self, ValidateCommand.self, PresetsCommand.self, SchemaCommand.self,
            DiffCommand.self, PlanCommand.self, ReportCommand.self, LoadCommand.self, GenerateCommand.self,
        ],
        defaultSubcommand: nil)

    package init() {}

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

    /// Test only: how long each database transaction stays open before it commits, in microseconds, so a test
    /// can kill a load inside it. Read from `ORGLENS_TEST_LOAD_PAUSE_US`; 0 otherwise.
    static var testLoadPause: UInt32 {
        ProcessInfo.processInfo.environment["ORGLENS_TEST_LOAD_PAUSE_US"].flatMap(UInt32.init) ?? 0
    }

    /// Runs the command line. A write past a file-size limit (`ulimit -f`) must be an error the run reports
    /// (exit 73, earlier outputs kept), not SIGXFSZ killing the process half-way.
    package static func start() {
        POSIX.ignoreFileSizeSignal()
        main()
    }
}

/// The documented exit codes, in `--help` and the README: each command lists the codes it can end with.
enum ExitCodes {
    enum Command: CaseIterable {
        case run, analyze, validate, diff, report, plan, load
    }

    /// One code: its number, what it means, and the commands that can end with it.
    private struct Entry {
        let code: Int32
        let meaning: String
        let commands: Set<Command>
    }

    private static let entries: [Entry] = [
        Entry(code: 0, meaning: "ok", commands: Set(Command.allCases)),
        Entry(code: 1, meaning: "published, but a fail_on rule tripped", commands: [.run]),
        Entry(code: 64, meaning: "usage: a flag or its value is wrong", commands: [.analyze, .validate, .run, .load]),
        Entry(code: 65, meaning: "a run directory is not a published or blocked OrgLens run", commands: [.load]),
        Entry(
            code: 64,
            meaning:
                "usage: a flag or its value is wrong, or --out is inside an outputs directory (only run writes there)",
            commands: [.diff, .report, .plan]),
        Entry(
            code: 65,
            meaning:
                "bad data, nothing published: the input cannot be analysed (missing required column, unterminated quote, malformed XML or a DTD, a spreadsheet, dates that read both ways, nobody in the org)",
            commands: [.analyze, .diff]),
        Entry(
            code: 65,
            meaning:
                "bad data, nothing written: the input cannot be analysed, or the scenario cannot be applied (an unknown id, a move that makes a loop, a hire whose id exists, a leave of someone with reports)",
            commands: [.plan]),
        Entry(
            code: 65,
            meaning:
                "bad data, nothing published: the input cannot be analysed, or a gate tripped (the run is kept in blocked/; latest unchanged; --accept-change for the change gates)",
            commands: [.run]),
        Entry(code: 65, meaning: "the input cannot be analysed, or a gate would trip", commands: [.validate]),
        Entry(code: 65, meaning: "the dashboard is not one (not JSON, or nested too deep)", commands: [.report]),
        Entry(
            code: 66, meaning: "cannot open an input file, or it is not a regular file",
            commands: Set(Command.allCases)),
        Entry(
            code: 73, meaning: "cannot write the output; nothing published, earlier outputs left as they were",
            commands: [.analyze, .diff, .report, .plan]),
        Entry(
            code: 73,
            meaning:
                "cannot write the outputs directory (or its runs/, history/ or blocked/ is a symlink); nothing published, earlier outputs left as they were",
            commands: [.run]),
        Entry(
            code: 74, meaning: "read error while reading an input", commands: [.analyze, .validate, .diff, .plan]),
        Entry(
            code: 74,
            meaning:
                "read error while reading an input; or published, but the trend or status.json could not be written",
            commands: [.run]),
        Entry(code: 75, meaning: "an input changed while it was read; run again", commands: [.analyze]),
        Entry(
            code: 75, meaning: "another run holds the outputs directory's lock, or an input changed while it was read",
            commands: [.run]),
        Entry(
            code: 76,
            meaning:
                "published, but the database (outputs.database) could not be loaded; the next run loads every night it lacks",
            commands: [.run]),
        Entry(
            code: 76, meaning: "the database could not be reached or refused the load; nothing of it changed",
            commands: [.load]),
        Entry(
            code: 78,
            meaning:
                "configuration error (a currency without a rate, a bad config, pipeline or scenario file, min group size below 3)",
            commands: [.analyze, .validate, .diff, .plan]),
        Entry(
            code: 78,
            meaning:
                "configuration error (a currency without a rate, a bad config or pipeline file, min group size below 3; with outputs.database: a password in the URL, a database made by a newer OrgLens, a binary without database support)",
            commands: [.run]),
        Entry(
            code: 78,
            meaning:
                "configuration error: a bad URL (or one with a password), a database made by a newer OrgLens, a binary without database support",
            commands: [.load]),
    ]

    /// The "Exit codes:" block of `command`'s help.
    static func help(_ command: Command) -> String {
        "Exit codes:\n"
            + entries.filter { $0.commands.contains(command) }.map {
                "  " + String($0.code).padding(toLength: 4, withPad: " ", startingAt: 0) + $0.meaning
            }.joined(
                separator: "\n")
    }

    /// Every code, for the top-level help.
    static let all =
        "Exit codes: 0 ok, 1 fail_on tripped (run), 64 usage, 65 bad data or a gate, 66 cannot open an input, 73 cannot write, 74 read error or history not written (run), 75 locked or input changed, 76 published but the database not loaded (run), 78 configuration; each command's --help says which it can end with."
}
