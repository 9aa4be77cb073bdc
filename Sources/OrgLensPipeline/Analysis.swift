package import Logging
import OrgLensGraph
package import OrgLensHistory
package import OrgLensLoad
package import OrgLensMetrics
package import OrgLensModel
import OrgLensStage
import OrgLensSystem

/// One run, end to end: read → stage → graph → metrics → publish. Stages hand each other values and
/// never reach back; a fatal problem stops the run before anything is written.
package enum Analysis {
    package static let toolVersion = "0.4.0"

    /// Everything a run produced, in memory, ready to be published in one step.
    package struct Result: Sendable {
        /// dashboard.json, quarantine.csv, manifest.json, then tables/*.ndjson when asked for.
        package let files: [OutputDirectory.File]
        package let dataQuality: [DataQuality]
        package let summary: OrgSummary
        /// Finding and quarantine rules that occurred, with how often: what `fail_on` checks.
        package let ruleCounts: [Rule: Int]
        /// What the publishing gates look at.
        package let gateFacts: GateFacts
        /// The values behind the counts, for `orglens validate` on a terminal only.
        package let operatorView: OperatorView
        /// The manifest with what an unattended run adds to it.
        let manifest: @Sendable (ManifestDocument.Stamp) -> OutputDirectory.File
        let stageTimings: StageTimings
        /// This run's line of `history/trend.ndjson`.
        package let trendRecord: [UInt8]
        /// What changed since the run compared with, when one was asked for.
        package let changes: Changes?
        /// This run's snapshot, when one was asked for.
        package let snapshot: Snapshot?
        /// Everything published, typed (a plan compares two runs' records without parsing their dashboards).
        let content: DashboardContent
        /// The positions export as staged (a plan's fill takes a position's budget from it).
        let positions: StagedPositions?
        /// Wall time per stage (also in the manifest); `write` is known once the files were written.
        package var timings: [(stage: String, seconds: Double)] { stageTimings.laps }

        /// The files with the manifest stamped for an unattended run.
        package func files(stamp: ManifestDocument.Stamp) -> [OutputDirectory.File] {
            files.map { $0.name == "manifest.json" ? manifest(stamp) : $0 }
        }
    }

    /// What an operator needs to fix the export, value by value: never published, logged or written to a file.
    package struct OperatorView: Sendable {
        /// Status and worker-type values no vocabulary knows, every one with its row count.
        package let unmapped: [(field: String, value: String, rows: Int)]
        /// Manager names several people share, the rows naming them, and the ids that share them.
        package let nameClashes: [(name: String, rows: Int, ids: [String])]
        /// Currency codes as written, with the people paid in each, and whether the run has a rate for it.
        package let currencies: [(code: String, people: Int, hasRate: Bool)]
    }

    /// The counts `Gates` judge a run by.
    package struct GateFacts: Sendable {
        package let rowsRead: Int
        package let quarantined: Int
        package let inOrg: Int
        package let orphans: Int
        package let managers: Int
        /// People under the largest root, the root included (0 without a root).
        package let largestRoot: Int
        package let fields: [SourceReading.Field]
        package let ruleCounts: [Rule: Int]
        /// Orphans by cause with example ids, for the message of the orphan gate.
        package let orphanCauses: String
        /// The last published run, when there is one: the change gates judge tonight against it.
        package let previous: Previous?

        package struct Previous: Sendable {
            package let asOf: CivilDate
            /// People in the org that night.
            package let people: Int
            /// What changed since (nil when ids were re-keyed: only the headcount can be compared).
            package let counts: Changes.Counts?
        }
    }

    /// Computes and publishes into `request.outputDirectory` (`analyze`).
    package static func run(_ request: AnalysisRequest, logger: Logger) throws(RunError) -> Result {
        let result = try compute(request, logger: logger)
        request.onStage?("writing")
        try OutputDirectory(path: request.outputDirectory).publishWhole(
            result.files, pauseBetweenSteps: request.publishPause)
        logger.info(
            "published",
            metadata: [
                "directory": "\(request.outputDirectory)", "people": "\(result.summary.people)",
                "quarantined": "\(result.dataQuality.map(\.quarantinedTotal).reduce(0, +))",
            ])
        return result
    }

    /// Reads, validates and computes everything; writes nothing. One step per stage, each handing the next
    /// a value.
    package static func compute(_ request: AnalysisRequest, logger: Logger) throws(RunError) -> Result {
        try validate(request)
        var clock = StageClock()
        // What was read must be what was there: a file that grows, shrinks or is replaced while it is read is
        // refused, never published half-read.
        let watch = InputWatch(paths: request.inputPaths)
        request.onStage?("reading")
        let inputs = try readInputs(request)
        if request.readPause > 0 { POSIX.sleep(microseconds: request.readPause) }
        clock.lap("read")
        logger.info(
            "read people",
            metadata: ["rows": "\(inputs.table.rowsRead)", "rejected": "\(inputs.table.rejections.count)"])
        request.onStage?("staging")
        let staged = try stage(inputs, request, logger: logger)
        try watch.checkUnchanged()
        clock.lap("stage")
        for reason in staged.baselineSkipped {
            logger.warning("a newer run's snapshot was skipped as the baseline", metadata: ["reason": "\(reason)"])
        }
        request.onStage?("building the graph")
        let graph = try buildGraph(staged, request)
        clock.lap("graph")
        // What changed since the baseline needs the graph only: it is worked out beside the metrics.
        request.onStage?("computing metrics")
        let (metricsResult, structure) = concurrently(
            workers: request.workers,
            { Swift.Result { () throws(RunError) in try computeMetrics(staged, graph, request) } },
            {
                compareStructure(
                    graph, baseline: staged.baseline, skipped: staged.baselineSkipped.count, request)
            })
        let metrics = try metricsResult.get()
        clock.lap("metrics")
        let findings = gatherFindings(staged, graph, metrics)
        let history = addFindings(
            structure, findings: findings, baseline: staged.baseline, published: metrics.costs?.published,
            positions: metrics.positionMarks, request)
        if request.history != nil { clock.lap("changes") }
        let accounts = try account(staged, graph, metrics, findings: findings, history: history, request)
        clock.lap("render")
        return publication(accounts, staged, graph, metrics, request, timings: StageTimings(clock.laps))
    }

    static func largestRoot(_ graph: OrgGraph) -> Int {
        var size: [Int32: Int] = [:]
        for top in graph.ancestors(atLayer: 1) where top >= 0 && graph.top[Int(top)] == .root {
            size[top, default: 0] += 1
        }
        return size.values.max() ?? 0
    }

    private static func validate(_ request: AnalysisRequest) throws(RunError) {
        if request.services != nil, request.teams == nil {
            throw RunError(
                .usage,
                "\(request.setting(flag: "--services", key: "sources.services")) needs \(request.pipelineFile == nil ? "--teams" : "sources.teams"): service owners are team ids."
            )
        }
        if request.dependencies != nil, request.services == nil {
            throw RunError(
                .usage,
                "\(request.setting(flag: "--dependencies", key: "sources.dependencies")) needs \(request.pipelineFile == nil ? "--services" : "sources.services"): dependencies are between services."
            )
        }
        if request.orgLayer < 1 {
            throw RunError(
                .usage, "\(request.setting(flag: "--org-layer", key: "thresholds.org_layer")) must be at least 1.")
        }
        try request.costs.validate()
    }
}

/// Rows rejected after reading carry no text yet; their source is read once more, only when there are any.
enum RawText {
    static func fill(
        _ rejections: inout [Rejection], lookup: (Set<Int>) throws(RunError) -> [Int: String]
    ) throws(RunError) {
        let missing = Set(rejections.filter { $0.raw.isEmpty }.map(\.line))
        guard !missing.isEmpty else { return }
        let raw = try lookup(missing)
        for index in rejections.indices where rejections[index].raw.isEmpty {
            rejections[index].raw = raw[rejections[index].line] ?? ""
        }
    }
}
