import Foundation
import Logging
import OrgLensCSV
import OrgLensHistory
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensPipeline
import OrgLensSettings
import OrgLensStage
import OrgLensXML

/// Entry points for libFuzzer (`make fuzz`) and for replaying saved inputs in tests. Each takes any
/// bytes: a `RunError` is a fine answer, a crash is a bug, and so is parallel output that differs from
/// serial output.
package enum FuzzTargets {
    package enum Target: String, CaseIterable, Sendable {
        case csv, xml, pipeline, analysis, snapshot, trend
    }

    /// Builds what lives for the whole process (the pipeline file's contract, the presets) before the first input,
    /// so the leak check that follows an input never sees them being made.
    package static func prepare() {
        pipeline(Array("sources: {people: {path: p.csv}}\noutputs: {directory: out}\n".utf8))
    }

    package static func run(_ target: Target, _ data: [UInt8]) {
        switch target {
        case .csv: csv(data)
        case .xml: xml(data)
        case .pipeline: pipeline(data)
        case .analysis: analysis(data)
        case .snapshot: snapshot(data)
        case .trend: trend(data)
        }
    }

    /// The previous night's `snapshot.bin` as found and as the payload of a file whose checksum holds (so the
    /// fuzzer reaches every check behind it); whatever decodes must compare with itself without trapping.
    static func snapshot(_ data: [UInt8]) {
        _ = try? SnapshotFile.decode(data, path: "fuzz")
        guard let snapshot = try? SnapshotFile.decode(SnapshotFile.seal(data), path: "fuzz") else { return }
        _ = ChangeDetector.compare(snapshot, snapshot, spanPolicy: SpanPolicy(), withMovers: true)
    }

    /// `history/trend.ndjson` as found: what the merge writes is made of contract records only, so merging it
    /// again changes nothing.
    static func trend(_ data: [UInt8]) {
        let merged = TrendFile.merge(existing: data, records: [("2026-11-01", data)]).bytes
        precondition(
            TrendFile.merge(existing: merged, records: []).bytes == merged, "a merged trend is not a fixed point")
    }

    /// The CSV reader in every dialect, serially and in parallel byte ranges: both must agree.
    static func csv(_ data: [UInt8]) {
        let path = scratchFile("csv", data)
        for dialect in [CSVDialect(), CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .windows1252)] {
            var reader = CSVReader(
                path: path, dialect: dialect, limits: CSVLimits(maxFieldBytes: 4096, maxRecordBytes: 65_536))
            reader.parallelThreshold = 1
            let select: ([String]) throws(RunError) -> [Int?] = { header in
                [0, 1, 2].map { $0 < header.count ? $0 : nil }
            }
            let serial = try? reader.read(fields: ["a", "b", "c"], identifierField: "a", workers: 1, select: select)
            let parallel = try? reader.read(fields: ["a", "b", "c"], identifierField: "a", workers: 3, select: select)
            precondition(describe(serial) == describe(parallel), "parallel CSV parse differs from serial")
        }
    }

    static func xml(_ data: [UInt8]) {
        let path = scratchFile("xml", data)
        for mapping in xmlMappings {
            _ = try? XMLReader(path: path, mapping: mapping, limits: XMLLimits(maxFieldBytes: 4096, maxDepth: 64))
                .read(fields: ["employee_id", "manager_id", "status"], identifierField: "employee_id")
        }
    }

    static func pipeline(_ data: [UInt8]) {
        _ = try? PipelineFile(yaml: String(decoding: data, as: UTF8.self), path: "fuzz.yml")
        _ = try? ConfigFile(yaml: String(decoding: data, as: UTF8.self), path: "fuzz.yml")
        _ = try? Scenario(yaml: String(decoding: data, as: UTF8.self), path: "fuzz.yml")
    }

    /// Ingest, validation and metrics on a small org made from the bytes, with the same bytes read as its positions
    /// export too (their ids are the org's, so hiring managers resolve): one worker and four must give the same
    /// dashboard.
    static func analysis(_ data: [UInt8]) {
        let path = scratchFile(
            "org",
            Array("employee_id,manager_id,status,hire_date,salary,currency,employment_type,dotted_manager_ids\n".utf8)
                + data)
        let positions = scratchFile(
            "positions", Array("position_id,manager_id,status,planned_start,budget,currency,role\n".utf8) + data)
        var dashboards: [[UInt8]?] = []
        for workers in [1, 4] {
            var request = AnalysisRequest(
                people: PeopleSource(path: path), policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 20_000)),
                costs: CostSettings(rates: ["EUR": ExactDecimal("1.1")!]), workers: workers,
                outputDirectory: "/nonexistent")
            request.positions = PositionsRequest(
                source: ExportSource(path: positions), horizon: CivilDate(daysSinceEpoch: 20_090))
            let result = try? Analysis.compute(
                request, logger: Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() }))
            dashboards.append(result?.files.first { $0.name == "dashboard.json" }?.bytes)
        }
        precondition(dashboards[0] == dashboards[1], "1 and 4 workers give different dashboards")
    }

    private static let xmlMappings: [XMLRecordMapping] = {
        var mappings = XMLExportLayout.names.compactMap { try? XMLExportLayout.mapping(named: $0) }
        if let generic = try? XMLRecordMapping.generic(
            recordElement: "p", fields: ["employee_id", "manager_id", "status"])
        {
            mappings.append(generic)
        }
        return mappings
    }()

    private static func describe(_ table: RawTable?) -> String {
        guard let table else { return "error" }
        let values = table.columns.map { column in column.map { c in (0..<c.count).map(c.string(at:)) } }
        return
            "\(table.lines) \(table.rowsRead) \(table.rejections.map { "\($0.line) \($0.message) \($0.raw)" }) \(values)"
    }

    /// One file per process and target, rewritten for every input.
    private static func scratchFile(_ name: String, _ data: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "orglens-fuzz-\(getpid())-\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(data))
        return path
    }
}
