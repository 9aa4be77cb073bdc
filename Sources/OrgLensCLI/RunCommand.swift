public import ArgumentParser
import Foundation
import Logging
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensPipeline
import OrgLensSystem

/// `orglens run PIPELINE.yml`: an unattended run that cannot corrupt the dashboard.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline file: lock, analyse, publish runs/<as_of>/ and point latest at it.",
        discussion: ExitCodes.help)

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Overrides the pipeline's as_of (default: today, UTC).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(help: ArgumentHelp("Parallel workers (default: active processors).", valueName: "n"))
    var workers: Int?

    @Option(name: .customLong("log-format"), help: "Log lines as text (default) or json (for cron collectors).")
    var logFormat: String = "text"

    @Flag(help: "Log warnings and errors only; no summary.")
    var quiet = false

    public init() {}

    public func validate() throws {
        if LogSetup.Format(rawValue: logFormat) == nil { throw ValidationError("--log-format must be text or json.") }
        if let asOf, CivilDate(iso: Substring(asOf)) == nil || asOf.count != 10 {
            throw ValidationError("--as-of '\(asOf)' is not a date in YYYY-MM-DD form.")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
    }

    public func run() throws {
        let logger = LogSetup.logger(quiet: quiet, format: LogSetup.Format(rawValue: logFormat) ?? .text)
        var tripped: [(Rule, Int)] = []
        do throws(RunError) {
            let file = try PipelineFile.load(pipeline)
            let day = asOf.flatMap { CivilDate(iso: Substring($0)) } ?? file.asOf ?? AnalyzeCommand.todayUTC()
            try file.checkInputs()
            var directory = RunDirectory(root: file.outputDirectory)
            directory.pauseBetweenSteps = OrgLensCommand.testPublishPause
            let lock = try directory.lock()
            defer { withExtendedLifetime(lock) {} }
            var statusWritten = false
            do throws(RunError) {
                try Freshness.check(file, logger: logger)
                let request = try file.request(
                    asOf: day, workers: workers ?? AnalyzeCommand.activeProcessors(), overrides: SettingOverrides(),
                    outputDirectory: file.outputDirectory)
                logger.info("run started", metadata: ["pipeline": "\(file.name)", "as_of": "\(day)"])
                let result = try Analysis.compute(request, logger: logger)
                let gates = file.gates.evaluate(result.gateFacts)
                for reading in gates.nearing {
                    logger.warning(
                        "gate nearing its limit",
                        metadata: [
                            "gate": "\(reading.gate)", "value": "\(reading.value)", "limit": "\(reading.limit)",
                        ])
                }
                if !gates.tripped.isEmpty {
                    let report = OutputDirectory.File(
                        name: "blocked.json",
                        bytes: BlockedReport.render(pipeline: file.name, asOf: day, tripped: gates.tripped))
                    let blocked = try directory.block(result.files + [report], name: day.description)
                    let error = RunError(
                        .badData,
                        "gate tripped: \(gates.tripped.map { "\($0.gate) (\($0.detail))" }.joined(separator: "; ")); nothing was published and latest still shows the previous run. This run is in \(blocked) (see blocked.json)."
                    )
                    Self.writeStatus(
                        directory, .blocked, day: day, exit: error.status.rawValue, run: blocked, message: error.message
                    )
                    statusWritten = true
                    throw error
                }
                let published = try directory.publish(result.files, name: day.description, keep: file.keep)
                logger.info("published", metadata: ["run": "\(published.run)", "latest": "\(directory.latest)"])
                for removed in published.removed { logger.info("removed an old run", metadata: ["run": "\(removed)"]) }
                if !quiet, POSIX.isTerminal(2) { StandardError.write(RunSummary.text(result)) }
                print(directory.latest + "/dashboard.json")
                tripped = file.failOn.compactMap { rule in result.ruleCounts[rule].map { (rule, $0) } }
                Self.writeStatus(
                    directory, tripped.isEmpty ? .ok : .publishedWithFindings, day: day,
                    exit: tripped.isEmpty ? 0 : ExitStatus.ruleTripped.rawValue, run: published.run,
                    message: tripped.isEmpty
                        ? nil
                        : "fail_on tripped: \(tripped.map { "\($0.0.rawValue) (\($0.1))" }.joined(separator: ", "))")
            } catch {
                if !statusWritten {
                    Self.writeStatus(
                        directory, .failed, day: day, exit: error.status.rawValue, run: nil, message: error.message)
                }
                throw error
            }
        } catch {
            throw StandardError.failure(error, format: LogSetup.Format(rawValue: logFormat) ?? .text)
        }
        if !tripped.isEmpty {
            StandardError.write(
                "orglens: fail_on tripped: \(tripped.map { "\($0.0.rawValue) (\($0.1))" }.joined(separator: ", ")); the run was published.\n"
            )
            throw ExitCode(ExitStatus.ruleTripped.rawValue)
        }
    }
}

extension RunCommand {
    /// `status.json` for monitoring; a failure to write it must not change how the run ends.
    static func writeStatus(
        _ directory: RunDirectory, _ outcome: RunOutcome, day: CivilDate, exit: Int32, run: String?,
        message: String?
    ) {
        let finished = ISO8601DateFormatter().string(from: Date())
        try? directory.writeStatus(
            StatusDocument.render(
                outcome: outcome, asOf: day, exitCode: exit, finished: finished, run: run, message: message))
    }
}

/// Warns, or fails the run if the pipeline says so, when an input file is older than allowed.
enum Freshness {
    static func check(_ file: PipelineFile, logger: Logger) throws(RunError) {
        guard let hours = file.maxInputAgeHours else { return }
        let sources = [file.people, file.teams, file.services, file.dependencies].compactMap { $0 }
        for source in sources {
            guard
                let modified = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.modificationDate]
                    as? Date
            else { continue }
            let age = Date().timeIntervalSince(modified) / 3600
            guard age > hours else { continue }
            let message =
                "\(source.path) is \(Int(age)) hours old (more than \(Int(hours))); the export may not have refreshed"
            if file.failWhenStale { throw RunError(.badData, message + "; nothing was published.") }
            logger.warning("stale input", metadata: ["path": "\(source.path)", "age_hours": "\(Int(age))"])
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
