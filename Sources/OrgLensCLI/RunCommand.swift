package import ArgumentParser
import Foundation
import Logging
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensPipeline
import OrgLensSettings
import OrgLensSystem

/// `orglens run PIPELINE.yml`: an unattended run that cannot corrupt the dashboard.
package struct RunCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Run a pipeline file: lock, analyse, publish runs/<as_of>.<n>/, point latest at it (and load the database).",
        discussion: ExitCodes.help(.run))

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @OptionGroup var analysis: AnalysisOptions

    @Option(
        name: .customLong("compare-to-as-of"),
        help: ArgumentHelp(
            "Report changes since this day's run (default: the newest earlier run).", valueName: "yyyy-mm-dd"))
    var compareToAsOf: CivilDate?

    @Option(
        name: .customLong("compare-to"),
        help: ArgumentHelp("Report changes since this run directory (one with a snapshot.bin).", valueName: "dir"))
    var compareTo: String?

    @Option(name: .customLong("log-format"), help: "Log lines as text (default) or json (for cron collectors).")
    var logFormat = LogSetup.Format.text

    @Flag(help: "Log warnings and errors only; no summary.")
    var quiet = false

    @Flag(
        name: .customLong("accept-change"),
        help:
            "Publish this run although it differs from the last published run by more than a change gate allows (max_headcount_drop, max_leaver_share, max_joiner_share, max_manager_change_share); recorded in status.json and the manifest."
    )
    var acceptChange = false

    package init() {}

    package func validate() throws {
        if compareTo != nil, compareToAsOf != nil {
            throw ValidationError("give --compare-to or --compare-to-as-of, not both.")
        }
    }

    private var baseline: PipelineRun.Baseline {
        if let compareTo { return .directory(compareTo) }
        if let compareToAsOf { return .asOf(compareToAsOf) }
        return .previous
    }

    package func run() throws {
        let format = logFormat
        let logger = LogSetup.logger(quiet: quiet, format: format)
        let outcome: PipelineRun.Outcome
        do throws(RunError) {
            let file = try PipelineFile.load(pipeline)
            let day = analysis.day(pipeline: file.asOf)
            let progress = TerminalProgress.start(
                inputs: file.allSources.map(\.path),
                quiet: quiet,
                jsonLogs: format == .json)
            defer { progress?.stop() }
            outcome = try PipelineRun.execute(
                file, asOf: day, workers: analysis.workerCount, logger: logger,
                publishPause: OrgLensCommand.testPublishPause, baseline: baseline, acceptChange: acceptChange,
                readPause: OrgLensCommand.testReadPause, loadPause: OrgLensCommand.testLoadPause,
                onStage: progress?.onStage)
        } catch {
            throw StandardError.failure(error, format: format)
        }
        if !quiet, POSIX.isTerminal(2) { StandardError.write(RunSummary.text(outcome.result)) }
        print(outcome.latest + "/dashboard.json")
        if !outcome.failOnTripped.isEmpty {
            StandardError.write(
                "orglens: \(PipelineRun.failOnMessage(outcome.failOnTripped)); the run was published.\n")
            throw ExitCode(ExitStatus.ruleTripped.rawValue)
        }
    }
}

/// The one-screen summary at the end of an interactive run.
enum RunSummary {
    static func text(_ result: Analysis.Result) -> String {
        let summary = result.summary
        var lines = [
            "",
            "  people \(summary.people)   managers \(summary.managers)   layers \(summary.maxLayer)   mean span \(summary.meanSpan.map { String(format: "%.2f", $0) } ?? "–")",
            "  rows quarantined \(result.dataQuality.map(\.quarantinedTotal).reduce(0, +))",
        ]
        // Stage by stage, with the reading rate: the progress report of an interactive run.
        let rows = result.dataQuality.map(\.rowsRead).reduce(0, +)
        for (stage, seconds) in result.timings {
            let rate = stage == "read" && seconds > 0 ? String(format: " (%.0f rows/s)", Double(rows) / seconds) : ""
            lines.append(
                "  " + stage.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%6.2f s", seconds)
                    + rate)
        }
        let findings = result.ruleCounts.filter {
            !DataQuality.Input.allCases.flatMap(\.quarantineRules).contains($0.key)
        }
        if !findings.isEmpty {
            lines.append(
                "  findings: "
                    + findings.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(
                        separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
