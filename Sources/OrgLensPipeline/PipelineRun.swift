import Foundation
package import Logging
import OrgLensDatabase
package import OrgLensHistory
import OrgLensLoad
package import OrgLensMetrics
package import OrgLensModel
package import OrgLensSettings

/// One unattended run of a pipeline file (`orglens run`): the run policy in one place. Inputs are checked and
/// the outputs directory locked; freshness is checked; the analysis runs; the gates decide whether it is
/// published (else it is kept in `blocked/`); `latest` is switched; `fail_on` is judged; `status.json` says how it
/// ended. The command line only parses flags and turns the outcome into an exit code.
package enum PipelineRun {
    /// A published run.
    package struct Outcome: Sendable {
        package let result: Analysis.Result
        /// The run's own directory, `runs/<as_of>.<n>`.
        package let run: String
        package let latest: String
        /// Finding and quarantine rules of `fail_on` that occurred, with their counts: exit 3, the run published.
        package let failOnTripped: [(rule: Rule, count: Int)]
    }

    /// The run a new one is compared with.
    package enum Baseline: Sendable {
        /// The newest run of the newest earlier day (the default).
        case previous
        /// The newest run of this day (`--compare-to-as-of`, for weekly comparisons).
        case asOf(CivilDate)
        /// A run directory (`--compare-to`).
        case directory(String)
    }

    package static func execute(
        _ file: PipelineFile, asOf day: CivilDate, workers: Int, logger: Logger, publishPause: UInt32 = 0,
        baseline: Baseline = .previous, acceptChange: Bool = false, readPause: UInt32 = 0, loadPause: UInt32 = 0,
        onStage: (@Sendable (String) -> Void)? = nil
    ) throws(RunError) -> Outcome {
        try file.checkInputs()
        if let database = file.outputs.database {
            // Settings the load needs are checked before anything is read or written.
            guard DatabaseLoader.isAvailable else {
                throw RunError(
                    .configuration,
                    "\(file.path): outputs.database needs an orglens built with database support (`make install`, or `swift build --traits Database`)."
                )
            }
            _ = try database.address(base: file.baseDirectory).password()
        }
        var directory = RunDirectory(root: file.outputs.directory)
        directory.pauseBetweenSteps = publishPause
        let lock = try directory.lock()
        defer { withExtendedLifetime(lock) {} }
        try directory.checkFoldersAreOwn()
        directory.outputsID = try directory.identity()
        var statusWritten = false
        do throws(RunError) {
            logger.info("run started", metadata: ["pipeline": "\(file.name)", "as_of": "\(day)"])
            try Freshness.check(file, logger: logger)
            var request = try file.request(
                asOf: day, workers: workers, outputDirectory: file.outputs.directory)
            request.readPause = readPause
            request.onStage = onStage
            if file.outputs.history {
                request.history = try Self.history(baseline, day: day, directory: directory, logger: logger)
                request.trendBefore = directory.trend()
            }
            let result = try Analysis.compute(request, logger: logger)
            var gates = file.gates.evaluate(result.gateFacts)
            for reading in gates.nearing {
                logger.warning(
                    "gate nearing its limit",
                    metadata: ["gate": "\(reading.gate)", "value": "\(reading.value)", "limit": "\(reading.limit)"])
            }
            let accepted = acceptChange ? gates.tripped.filter { Gates.changeGates.contains($0.gate) } : []
            gates.tripped.removeAll { acceptChange && Gates.changeGates.contains($0.gate) }
            for reading in accepted {
                logger.warning(
                    "change gate accepted (--accept-change)",
                    metadata: ["gate": "\(reading.gate)", "value": "\(reading.value)", "limit": "\(reading.limit)"])
            }
            let stamp = ManifestDocument.Stamp(outputsID: directory.outputsID, acceptedChanges: accepted.map(\.gate))
            if !gates.tripped.isEmpty {
                let report = OutputDirectory.File(
                    name: "blocked.json",
                    bytes: BlockedReport.render(pipeline: file.name, asOf: day, tripped: gates.tripped))
                let files = result.files(stamp: stamp).map { file in
                    file.name == "report.html" ? BlockedReport.withBanner(file, tripped: gates.tripped) : file
                }
                let blocked = try directory.block(files + [report], name: day.description)
                let advice =
                    gates.tripped.contains { Gates.changeGates.contains($0.gate) }
                    ? " If this change is real, run again with --accept-change." : ""
                let error = RunError(
                    .badData,
                    "gate tripped: \(gates.tripped.map { "\($0.gate) (\($0.detail))" }.joined(separator: "; ")); nothing was published and latest still shows the previous run. This run is in \(blocked) (see blocked.json).\(advice)"
                )
                statusWritten = true
                try? writeStatus(
                    directory, .blocked, day: day, exit: error.status.rawValue, run: blocked, message: error.message)
                // The database hears of the blocked night (its runs row); failing that is only a warning: the
                // next run tells it.
                if let problem = loadDatabase(file, directory: directory, logger: logger, pause: loadPause) {
                    logger.warning("database not loaded", metadata: ["reason": "\(problem.message)"])
                }
                throw error
            }
            onStage?("writing")
            let record = OutputDirectory.File(name: RunDirectory.trendRecordName, bytes: result.trendRecord)
            // The database's summary table is loaded from the trend record, so with one it is kept too.
            let keepsRecord = file.outputs.history || file.outputs.database != nil
            let published = try directory.publish(
                result.files(stamp: stamp) + (keepsRecord ? [record] : []), name: day.description,
                keep: file.outputs.keep)
            statusWritten = true
            logger.info("published", metadata: ["run": "\(published.run)", "latest": "\(directory.latest)"])
            for removed in published.removed { logger.info("removed an old run", metadata: ["run": "\(removed)"]) }
            // After the switch: a run killed before it leaves the trend as it was, and the next run rebuilds it
            // from every kept run's own record.
            var historyProblem: String?
            if file.outputs.history {
                do throws(RunError) {
                    try directory.updateTrend { logger.warning("trend line dropped", metadata: ["reason": "\($0)"]) }
                } catch { historyProblem = error.message }
            }
            let tripped = file.failOn.compactMap { rule in result.ruleCounts[rule].map { (rule: rule, count: $0) } }
            var outcome: RunOutcome = tripped.isEmpty ? .ok : .publishedWithFindings
            var exit = tripped.isEmpty ? 0 : ExitStatus.ruleTripped.rawValue
            var message = tripped.isEmpty ? nil : failOnMessage(tripped)
            let databaseProblem = loadDatabase(file, directory: directory, logger: logger, pause: loadPause)
            if let databaseProblem {
                outcome = .publishedDatabaseNotLoaded
                exit = databaseProblem.status.rawValue
                message =
                    "published \(published.run); \(databaseProblem.message). The next run (or orglens load) loads every night the database lacks"
            }
            if let historyProblem {
                outcome = .publishedHistoryNotUpdated
                exit = ExitStatus.readError.rawValue
                message =
                    "published \(published.run); history/trend.ndjson not updated (\(historyProblem)) — the next run repairs it"
            }
            do throws(RunError) {
                try writeStatus(
                    directory, outcome, day: day, exit: exit, run: published.run, message: message,
                    accepted: accepted.map(\.gate))
            } catch {
                historyProblem = historyProblem ?? "status.json not written (\(error.message))"
                message = "published \(published.run); \(historyProblem!)"
            }
            if historyProblem != nil {
                throw RunError(.readError, (message ?? "") + ". Free space or fix permissions in \(directory.root).")
            }
            if let databaseProblem { throw RunError(databaseProblem.status, message ?? databaseProblem.message) }
            return Outcome(result: result, run: published.run, latest: directory.latest, failOnTripped: tripped)
        } catch {
            if !statusWritten {
                try? writeStatus(
                    directory, .failed, day: day, exit: error.status.rawValue, run: nil, message: error.message)
            }
            throw error
        }
    }

    /// What the run compares with: the published runs of this directory, newest first (the first whose snapshot
    /// is usable is the baseline), or the one run asked for by date or directory, which must be there.
    static func history(
        _ baseline: Baseline, day: CivilDate, directory: RunDirectory, logger: Logger
    ) throws(RunError) -> AnalysisRequest.HistoryRequest {
        // The published nights, whatever this run compares with: the change gates and pay are judged against them.
        let candidates = directory.baselines(before: day.description).map { $0 + "/snapshot.bin" }
            .filter { FileManager.default.fileExists(atPath: $0) }
        if case .previous = baseline {
            if candidates.isEmpty {
                logger.info("no earlier published run with a snapshot; this run is the first to compare from")
            }
            return AnalysisRequest.HistoryRequest(
                candidates: candidates, outputsID: directory.outputsID, keepSnapshot: true)
        }
        var request = AnalysisRequest.HistoryRequest(
            baselineFile: try snapshotFile(baseline, day: day, directory: directory, logger: logger),
            keepSnapshot: true)
        request.outputsID = directory.outputsID
        request.candidates = candidates
        return request
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
    package static func snapshot(
        analysing file: PipelineFile, asOf day: CivilDate, workers: Int, logger: Logger
    ) throws(RunError) -> (snapshot: Snapshot, spanPolicy: SpanPolicy) {
        try file.checkInputs()
        var request = try file.request(
            asOf: day, workers: workers, outputDirectory: file.outputs.directory)
        request.history = .init(baseline: nil, keepSnapshot: true)
        let result = try Analysis.compute(request, logger: logger)
        return (result.snapshot!, request.spanPolicy)
    }

    /// The snapshot a run left in its directory (`--compare-to`, `orglens diff`).
    package static func snapshot(inRunDirectory path: String) throws(RunError) -> Snapshot {
        try SnapshotFile.read(path + "/snapshot.bin")
    }

    /// `fail_on tripped: rule (count), …`.
    package static func failOnMessage(_ tripped: [(rule: Rule, count: Int)]) -> String {
        "fail_on tripped: \(tripped.map { "\($0.rule.rawValue) (\($0.count))" }.joined(separator: ", "))"
    }

    /// Loads every night of the outputs directory the database lacks (with `outputs.database`); the problem, if
    /// the database could not be loaded — the files stay published either way.
    static func loadDatabase(
        _ file: PipelineFile, directory: RunDirectory, logger: Logger, pause: UInt32
    )
        -> RunError?
    {
        guard let database = file.outputs.database else { return nil }
        let nights = RunDirectory.inLoadOrder(directory.nightsOnDisk())
        do {
            let report = try DatabaseLoader.load(
                nights, into: try database.address(base: file.baseDirectory), logger: logger, pause: pause)
            if report.loaded.isEmpty { logger.info("database already holds every night") }
            return nil
        } catch { return error }
    }

    /// `status.json` for monitoring.
    private static func writeStatus(
        _ directory: RunDirectory, _ outcome: RunOutcome, day: CivilDate, exit: Int32, run: String?, message: String?,
        accepted: [String] = []
    ) throws(RunError) {
        let finished = ISO8601DateFormatter().string(from: Date())
        try directory.writeStatus(
            StatusDocument.render(
                outcome: outcome, asOf: day, exitCode: exit, finished: finished, run: run, message: message,
                acceptedChanges: accepted))
    }
}

/// Warns, or fails the run if the pipeline says so, when an input file is older than allowed.
enum Freshness {
    static func check(_ file: PipelineFile, logger: Logger) throws(RunError) {
        guard let hours = file.freshness.maxAgeHours else { return }
        for source in file.allSources {
            guard
                let modified = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.modificationDate]
                    as? Date
            else { continue }
            let age = Date().timeIntervalSince(modified) / 3600
            guard age > hours else { continue }
            let message =
                "\(source.path) is \(Int(age)) hours old (more than \(Int(hours))); the export may not have refreshed"
            if file.freshness.fail { throw RunError(.badData, message + "; nothing was published.") }
            logger.warning("stale input", metadata: ["path": "\(source.path)", "age_hours": "\(Int(age))"])
        }
    }
}
