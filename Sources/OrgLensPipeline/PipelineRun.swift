import Foundation
public import Logging
public import OrgLensHistory
import OrgLensLoad
public import OrgLensMetrics
public import OrgLensModel

/// One unattended run of a pipeline file (`orglens run`): the run policy in one place. Inputs are checked and
/// the outputs directory locked; freshness is checked; the analysis runs; the gates decide whether it is
/// published (else it is kept in `blocked/`); `latest` is switched; `fail_on` is judged; `status.json` says how it
/// ended. The command line only parses flags and turns the outcome into an exit code.
public enum PipelineRun {
    /// A published run.
    public struct Outcome: Sendable {
        public let result: Analysis.Result
        /// The run's own directory, `runs/<as_of>.<n>`.
        public let run: String
        public let latest: String
        /// Finding and quarantine rules of `fail_on` that occurred, with their counts: exit 3, the run published.
        public let failOnTripped: [(rule: Rule, count: Int)]
    }

    /// The run a new one is compared with.
    public enum Baseline: Sendable {
        /// The newest run of the newest earlier day (the default).
        case previous
        /// The newest run of this day (`--compare-to-as-of`, for weekly comparisons).
        case asOf(CivilDate)
        /// A run directory (`--compare-to`).
        case directory(String)
    }

    public static func execute(
        _ file: PipelineFile, asOf day: CivilDate, workers: Int, logger: Logger, publishPause: UInt32 = 0,
        baseline: Baseline = .previous
    ) throws(RunError) -> Outcome {
        try file.checkInputs()
        var directory = RunDirectory(root: file.outputDirectory)
        directory.pauseBetweenSteps = publishPause
        let lock = try directory.lock()
        defer { withExtendedLifetime(lock) {} }
        var statusWritten = false
        do throws(RunError) {
            try Freshness.check(file, logger: logger)
            var request = try file.request(
                asOf: day, workers: workers, overrides: SettingOverrides(), outputDirectory: file.outputDirectory)
            if file.history {
                request.history = .init(
                    baselineFile: try Self.snapshotFile(baseline, day: day, directory: directory, logger: logger),
                    keepSnapshot: true)
            }
            logger.info("run started", metadata: ["pipeline": "\(file.name)", "as_of": "\(day)"])
            let result = try Analysis.compute(request, logger: logger)
            let gates = file.gates.evaluate(result.gateFacts)
            for reading in gates.nearing {
                logger.warning(
                    "gate nearing its limit",
                    metadata: ["gate": "\(reading.gate)", "value": "\(reading.value)", "limit": "\(reading.limit)"])
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
                writeStatus(
                    directory, .blocked, day: day, exit: error.status.rawValue, run: blocked, message: error.message)
                statusWritten = true
                throw error
            }
            let record = OutputDirectory.File(name: RunDirectory.trendRecordName, bytes: result.trendRecord)
            let published = try directory.publish(
                result.files + (file.history ? [record] : []), name: day.description, keep: file.keep)
            // After the switch: a run killed before it leaves the trend as it was, and the next run puts its
            // record in (every kept run's record is merged each time).
            if file.history {
                do { try directory.updateTrend() } catch {
                    logger.warning("history/trend.ndjson not updated", metadata: ["reason": "\(error.message)"])
                }
            }
            logger.info("published", metadata: ["run": "\(published.run)", "latest": "\(directory.latest)"])
            for removed in published.removed { logger.info("removed an old run", metadata: ["run": "\(removed)"]) }
            let tripped = file.failOn.compactMap { rule in result.ruleCounts[rule].map { (rule: rule, count: $0) } }
            writeStatus(
                directory, tripped.isEmpty ? .ok : .publishedWithFindings, day: day,
                exit: tripped.isEmpty ? 0 : ExitStatus.ruleTripped.rawValue, run: published.run,
                message: tripped.isEmpty ? nil : failOnMessage(tripped))
            return Outcome(result: result, run: published.run, latest: directory.latest, failOnTripped: tripped)
        } catch {
            if !statusWritten {
                writeStatus(directory, .failed, day: day, exit: error.status.rawValue, run: nil, message: error.message)
            }
            throw error
        }
    }

    /// The baseline's snapshot. The default baseline may be missing (a first run) or predate snapshots (then this
    /// run is the first to compare from); one asked for by date or directory must be there.
    static func snapshotFile(
        _ baseline: Baseline, day: CivilDate, directory: RunDirectory, logger: Logger
    ) throws(RunError) -> String? {
        let path: String
        switch baseline {
        case .previous:
            guard let run = directory.baseline(before: day.description) else { return nil }
            path = run
        case .asOf(let earlier):
            guard let run = directory.baseline(before: day.description, exactDay: earlier.description) else {
                throw RunError(
                    .cannotOpenInput,
                    "--compare-to-as-of \(earlier): no published run of that day in \(directory.root)/runs; pick a day that has one."
                )
            }
            path = run
        case .directory(let run):
            path = run
        }
        if case .previous = baseline, !FileManager.default.fileExists(atPath: path + "/snapshot.bin") {
            logger.info(
                "no snapshot in the previous run; this run is the first to compare from", metadata: ["run": "\(path)"])
            return nil
        }
        guard FileManager.default.fileExists(atPath: path + "/snapshot.bin") else {
            throw RunError(
                .cannotOpenInput,
                "cannot read \(path)/snapshot.bin; compare with a run directory made by orglens run (0.4 or later).")
        }
        return path + "/snapshot.bin"
    }

    /// The snapshot of a pipeline's org, analysed and not published (`orglens diff`), with its span bands.
    public static func snapshot(
        analysing file: PipelineFile, asOf day: CivilDate, workers: Int, logger: Logger
    ) throws(RunError) -> (snapshot: Snapshot, spanPolicy: SpanPolicy) {
        try file.checkInputs()
        var request = try file.request(
            asOf: day, workers: workers, overrides: SettingOverrides(), outputDirectory: file.outputDirectory)
        request.history = .init(baseline: nil, keepSnapshot: true)
        let result = try Analysis.compute(request, logger: logger)
        return (result.snapshot!, request.spanPolicy)
    }

    /// The snapshot a run left in its directory (`--compare-to`, `orglens diff`).
    public static func snapshot(inRunDirectory path: String) throws(RunError) -> Snapshot {
        try SnapshotFile.read(path + "/snapshot.bin")
    }

    /// `fail_on tripped: rule (count), …`.
    public static func failOnMessage(_ tripped: [(rule: Rule, count: Int)]) -> String {
        "fail_on tripped: \(tripped.map { "\($0.rule.rawValue) (\($0.count))" }.joined(separator: ", "))"
    }

    /// `status.json` for monitoring; a failure to write it must not change how the run ends.
    private static func writeStatus(
        _ directory: RunDirectory, _ outcome: RunOutcome, day: CivilDate, exit: Int32, run: String?, message: String?
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
