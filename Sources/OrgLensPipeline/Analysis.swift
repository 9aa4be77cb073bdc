public import Logging
import OrgLensGraph
import OrgLensLoad
import OrgLensMetrics
public import OrgLensModel
import OrgLensStage

/// One run, end to end: read → stage → graph → metrics → publish. Stages hand each other values and
/// never reach back; a fatal problem stops the run before anything is written.
public enum Analysis {
    public static let toolVersion = "0.1.0"

    /// What a finished run published.
    public struct Outcome: Sendable {
        public let outputDirectory: String
        public let files: [String]
        public let dataQuality: DataQuality
        public let people: Int
        public let findings: Int
    }

    public static func run(_ request: AnalysisRequest, logger: Logger) throws(RunError) -> Outcome {
        var clock = StageClock()
        let reader = try PeopleSourceReader(request.people)
        let table = try reader.read(PersonField.used, workers: request.workers)
        clock.lap("read")
        logger.info("read people", metadata: ["rows": "\(table.rowsRead)", "rejected": "\(table.rejections.count)"])

        let staged = PeopleStager.stage(table, policy: request.policy)
        clock.lap("stage")
        let built = OrgGraphBuilder.build(staged)
        clock.lap("graph")
        guard built.graph.count > 0 else {
            throw RunError(.badData, "\(request.people.path): no one is left in the org (\(table.rowsRead) rows read, \(staged.excluded.values.reduce(0, +)) excluded by policy, \(staged.rejections.count + built.rejections.count) quarantined). Check the --map, --inactive-status and --as-of options; quarantine.csv was not written.")
        }
        let spans = SpanMetrics.compute(built, policy: request.spanPolicy, workers: request.workers)
        clock.lap("metrics")

        var rejections = staged.rejections + built.rejections
        try fillRawText(of: &rejections, from: reader)
        let dataQuality = DataQuality(
            rowsRead: table.rowsRead, inOrg: built.graph.count, excluded: staged.excluded, rejections: rejections)
        assert(dataQuality.isBalanced, "every row must be accounted for")
        let findings = staged.findings + built.findings + spans.findings
        let dashboard = DashboardDocument.render(
            asOf: request.policy.asOf, metrics: spans.metrics, findings: findings, dataQuality: dataQuality)
        let quarantine = QuarantineFile.render(rejections)
        clock.lap("render")

        let input = ManifestDocument.Input(role: "people", file: table.file, dataQuality: dataQuality)
        let manifest = ManifestDocument.render(
            toolVersion: toolVersion, asOf: request.policy.asOf, workers: request.workers,
            inputs: [input], timings: clock.laps)
        let files = [
            OutputDirectory.File(name: "quarantine.csv", bytes: quarantine, mode: 0o600),
            OutputDirectory.File(name: "dashboard.json", bytes: dashboard),
            OutputDirectory.File(name: "manifest.json", bytes: manifest),
        ]
        try OutputDirectory(path: request.outputDirectory).publish(files)
        logger.info("published", metadata: [
            "directory": "\(request.outputDirectory)", "people": "\(built.graph.count)",
            "quarantined": "\(dataQuality.quarantinedTotal)", "findings": "\(findings.count)",
        ])
        return Outcome(
            outputDirectory: request.outputDirectory, files: files.map(\.name), dataQuality: dataQuality,
            people: built.graph.count, findings: findings.count)
    }

    /// Rows rejected after reading carry no text yet; fetch it in one extra pass, only when there are any.
    private static func fillRawText(of rejections: inout [Rejection], from reader: PeopleSourceReader) throws(RunError) {
        let missing = Set(rejections.filter { $0.raw.isEmpty }.map(\.line))
        guard !missing.isEmpty else { return }
        let raw = try reader.rawRecords(startingOnLines: missing)
        for index in rejections.indices where rejections[index].raw.isEmpty {
            rejections[index].raw = raw[rejections[index].line] ?? ""
        }
    }
}
