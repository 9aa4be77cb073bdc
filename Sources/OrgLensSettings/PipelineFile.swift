import Foundation
package import OrgLensContract
package import OrgLensModel

extension Rule: SettingChoice {}

/// A declarative pipeline (`Pipelines/*.yml`): which exports to read and how, the policy and thresholds,
/// what may be published, where outputs go, and which rules fail the run. Paths are relative to the file.
package struct PipelineFile: SettingsGroup {
    package var path = ""
    /// The folder the pipeline file is in ("" for the current one): paths and `presets/` are relative to it.
    package var baseDirectory = ""
    package var name = ""
    package var asOf: CivilDate?
    package var sources = Sources()
    package var policy = Policy()
    /// costs, privacy and thresholds: the keys `analyze --config` reads too.
    package var settings = ConfigFile()
    package var outputs = Outputs()
    package var failOn: [Rule] = []
    package var freshness = Freshness()
    /// What a run must look like to be published.
    package var gates = Gates()
    /// Described by `analyze`'s flags rather than read from a file: messages name flags, not keys.
    package private(set) var isCommandLine = false

    package init() {}

    package static let settings: [Setting<PipelineFile>] =
        [
            .text("name", \.name, "the pipeline's name (default: the file name)"),
            .date("as_of", \.asOf, "the org's date (default: today, UTC)"),
            .group("sources", \.sources, required: true, "the exports to read"),
            .group("policy", \.policy, "who is in the org"),
        ] + ConfigFile.settings.map { $0.lifted(\.settings) }
        + [
            .group("outputs", \.outputs, required: true, "where and what to publish"),
            .choices("fail_on", \.failOn, "finding rules that make the run exit 65 after publishing"),
            .group("freshness", \.freshness, "how old the people export may be"),
            .group("gates", \.gates, "checks that keep a run off the dashboard (blocked/, exit 65)"),
        ]

    /// The pipeline file's keys: the loader accepts exactly these, and `orglens schema pipeline` and
    /// `Schemas/pipeline.schema.json` are rendered from them.
    package static let contract = PipelineFile.contract(
        "pipeline", "A pipeline file (YAML): what to read, how to read it, what to compute and where to publish it.")

    /// The pipeline `analyze`'s flags describe: one source of requests for flags and files alike.
    package init(commandLine settings: ConfigFile, flags: CommandLineSettings) throws(RunError) {
        path = "the command line"
        name = "analyze"
        self.settings = settings
        isCommandLine = true
        outputs.tables = false
        outputs.report = false
        try flags.apply(to: &self)
    }

    package static func load(_ path: String) throws(RunError) -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(.cannotOpenInput, "cannot open pipeline file '\(path)'; check the path.")
        }
        return try PipelineFile(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    package init(yaml text: String, path: String) throws(RunError) {
        self.path = path
        baseDirectory = (path as NSString).deletingLastPathComponent
        let reader = NodeReader(path: path, base: baseDirectory)
        guard let node = try reader.compose(text) else {
            throw reader.fail("the pipeline file is empty; it needs at least sources.people and outputs.directory")
        }
        try read(node, at: nil, reader: reader)
        if name.isEmpty { name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
        outputs.directory = Self.resolve(outputs.directory, base: baseDirectory)
    }

    /// The people export.
    package var people: Source {
        get { sources.people }
        set { sources.people = newValue }
    }

    /// Every source the pipeline reads, people first.
    package var allSources: [Source] {
        [sources.people, sources.teams, sources.services, sources.dependencies, sources.positions].compactMap { $0 }
    }

    /// A path from the pipeline file, relative to the folder the file is in.
    package static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") || base.isEmpty ? path : ((base + "/" + path) as NSString).standardizingPath
    }

    package struct Sources: SettingsGroup {
        package var people = Source()
        package var teams: Source?
        package var services: Source?
        package var dependencies: Source?
        package var positions: Source?

        package init() {}

        package static let settings: [Setting<Sources>] = [
            .group("people", \.people, required: true, "the people export"),
            .group("teams", \.teams, "the teams export: team_id, name, parent_team_id, lead_id, type"),
            .group(
                "services", \.services,
                "the service catalog: service_id, name, owner_team_id; one row per owner (needs teams)"),
            .group(
                "dependencies", \.dependencies,
                "the service dependencies: service_id, depends_on_service_id (needs services)"),
            .group(
                "positions", \.positions,
                "open positions (CSV or XML): position_id, manager_id, team_id, status, planned_start, budget, currency, role"
            ),
        ]
    }

    package struct Policy: SettingsGroup, Hashable {
        /// nil: each source's own (or the built-in list).
        package var inactiveStatuses: [String]?

        package init() {}

        package static let settings: [Setting<Policy>] = [
            .texts("inactive_statuses", \.inactiveStatuses, "statuses that leave a person out (beats each source's)")
        ]
    }

    package struct Outputs: SettingsGroup, Hashable {
        package var directory = ""
        package var tables = true
        package var peopleTable = false
        package var report = true
        package var reportNames = false
        package var history = true
        package var keep = 14
        package var quarantineMaxRows = 1_000_000
        package var quarantineMaxBytes = 1 << 30
        package var database: DatabaseSettings?

        package init() {}

        package static let settings: [Setting<Outputs>] = [
            .text("directory", \.directory, required: true, "the outputs directory (runs/, latest)"),
            .boolean("tables", \.tables, "also write every table as tables/<name>.ndjson"),
            .boolean("people_table", \.peopleTable, "also write tables/people.ndjson, readable by the owner only"),
            .boolean("report", \.report, "also write report.html, the one-page org audit"),
            .boolean(
                "report_names", \.reportNames,
                "names beside ids in the report, readable by the owner only; needs name in privacy.publish"),
            .boolean(
                "history", \.history, "keep snapshot.bin, report what changed and keep history/trend.ndjson"),
            .integer("keep", \.keep, minimum: 1, "days of runs to keep"),
            .integer("quarantine_max_rows", \.quarantineMaxRows, minimum: 0, "rows kept in quarantine.csv"),
            .integer("quarantine_max_bytes", \.quarantineMaxBytes, minimum: 0, "bytes kept in quarantine.csv"),
            .group(
                "database", \.database,
                "also load each published night into PostgreSQL (its tables, summary, findings and runs)"),
        ]
    }

    package struct Freshness: SettingsGroup, Hashable {
        package var maxAgeHours: Double?
        package var fail = false

        package init() {}

        package static let settings: [Setting<Freshness>] = [
            .number("max_age_hours", \.maxAgeHours, "the oldest export accepted, in hours"),
            .boolean("fail", \.fail, "exit 65 instead of warning"),
        ]
    }
}
