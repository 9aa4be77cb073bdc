package import OrgLensCSV
package import OrgLensHistory
package import OrgLensMetrics
package import OrgLensModel
import OrgLensSettings
package import OrgLensStage

/// Everything one analysis run needs to know, whichever front end (CLI flags, later pipeline files) filled it in.
package struct AnalysisRequest: Sendable {
    /// The people export and how to read it.
    package var people: PeopleSource
    /// Optional catalogs: teams, then services (needs teams), then dependencies (needs services).
    package var teams: TableSource<TeamField>?
    package var services: TableSource<ServiceField>?
    package var dependencies: TableSource<DependencyField>?
    /// Open positions, and how the export writes its values and names hiring managers.
    package var positions: PositionsRequest?
    package var policy: PeoplePolicy
    package var spanPolicy: SpanPolicy
    /// Layer whose managers are org heads (directors); teams and Conway figures group by them.
    package var orgLayer: Int
    /// More dotted-line managers than this is `matrix.many` (the default is the setting's, declared once).
    package var maxDottedManagers = ThresholdSettings().maxDottedManagers
    package var teamSizes: TeamSizeBands
    package var orgHeadBands: OrgHeadBands
    package var costs: CostSettings
    /// Dispatch workers for the parallel stages; results do not depend on it.
    package var workers: Int
    package var outputDirectory: String
    /// Also write every table as `tables/<name>.ndjson`.
    package var tables = false
    /// Also write the per-person table `tables/people.ndjson` (mode 0600): ids and structure, plus the
    /// personal fields in `publish` and nothing else.
    package var peopleTable = false
    package var publish: [PersonField] = []
    /// When set, person ids in everything but the quarantine are keyed pseudonyms.
    package var pseudonymizer: Pseudonymizer?
    /// Caps on quarantine.csv (`outputs.quarantine_max_rows`, `quarantine_max_bytes`): rows past them are
    /// counted, not kept, so a file of nothing but bad rows is read and written in bounded memory.
    package var quarantineMaxRows = 1_000_000
    package var quarantineMaxBytes = 1 << 30
    /// Test only (`make crash-test`): a pause inside publishing, so a kill can land there.
    package var publishPause: UInt32 = 0
    /// Told each stage as it starts ("reading", "staging", …): a terminal shows progress from it.
    package var onStage: (@Sendable (String) -> Void)?
    /// Test only: a pause after the inputs were read, so a test can change a file while the run has it.
    package var readPause: UInt32 = 0
    /// The pipeline file the request came from (nil: `analyze`'s flags): messages name its keys, not flags.
    package var pipelineFile: String?
    /// Also write `report.html` (`outputs.report`, `analyze --report`).
    package var report = false
    /// Names beside ids in the report (`outputs.report_names` with `name` in `privacy.publish`; the file is 0600).
    package var reportNames = false
    /// The outputs directory's `history/trend.ndjson` as it was before this run: the report's trend (with this
    /// night's record put in). nil outside a pipeline run.
    package var trendBefore: [UInt8]?
    /// Comparing with an earlier run: `run` always, `analyze` with `--compare-to`.
    package var history: HistoryRequest?
    /// `orglens plan`: the exports as the scenario edits them, applied to each table as it is read.
    var editPeople: (@Sendable (RawTable) throws(RunError) -> RawTable)?
    var editPositions: (@Sendable (RawTable) -> RawTable)?
    /// `orglens plan`: the exports as its first analysis read them, for the second.
    var readCache: ReadCache?

    package struct HistoryRequest: Sendable {
        /// The earlier run's snapshot; nil on a first run (nothing to compare with, not an error).
        package var baseline: Snapshot?
        /// Or the earlier run's `snapshot.bin`, read while the exports are.
        package var baselineFile: String?
        /// Or the published runs' `snapshot.bin` files, newest first: the first usable one is the baseline, and
        /// each one skipped (damaged, foreign, dated later) is a warning and a `changes.baseline_unusable` finding.
        package var candidates: [String] = []
        /// The outputs directory's identity: stamped into this run's snapshot, required of a candidate's.
        package var outputsID = ""
        /// Keep this run's `snapshot.bin` (a `run`'s run directory).
        package var keepSnapshot: Bool
        /// Nights published before, in memory (a plan's "before"): pay withholding is checked against them.
        var published: [Snapshot] = []

        package init(baseline: Snapshot?, keepSnapshot: Bool) {
            self.baseline = baseline
            self.keepSnapshot = keepSnapshot
        }

        package init(baselineFile: String?, keepSnapshot: Bool) {
            self.baselineFile = baselineFile
            self.keepSnapshot = keepSnapshot
        }

        package init(candidates: [String], outputsID: String, keepSnapshot: Bool) {
            self.candidates = candidates
            self.outputsID = outputsID
            self.keepSnapshot = keepSnapshot
        }

        /// The baseline (read from its file when it was given by path), why each candidate before it was
        /// skipped, and the newest usable published nights (at least the last one, which the change gates judge
        /// tonight against, and `window` of them, which pay withholding is checked against).
        func loadBaseline(
            day: CivilDate, window: Int
        ) throws(RunError) -> (snapshot: Snapshot?, skipped: [String], published: [Snapshot]) {
            var skipped: [String] = []
            var usable: [Snapshot] = []
            for candidate in candidates where usable.count < max(window, 1) {
                do throws(RunError) {
                    usable.append(try SnapshotFile.read(candidate, outputsID: outputsID, before: day))
                } catch {
                    // Only what stands before the baseline is reported as skipped.
                    if usable.isEmpty { skipped.append(error.message) }
                }
            }
            if let baselineFile { return (try SnapshotFile.read(baselineFile), [], usable) }
            return (usable.first ?? baseline, skipped, candidates.isEmpty ? published : usable)
        }
    }

    /// A setting in the user's terms: the flag for `analyze`, the key in the pipeline file for `run`.
    func setting(flag: String, key: String) -> String {
        pipelineFile.map { "\(key) in \($0)" } ?? flag
    }

    package init(
        people: PeopleSource, teams: TableSource<TeamField>? = nil, services: TableSource<ServiceField>? = nil,
        dependencies: TableSource<DependencyField>? = nil, policy: PeoplePolicy, spanPolicy: SpanPolicy = SpanPolicy(),
        orgLayer: Int = 2, teamSizes: TeamSizeBands = TeamSizeBands(), orgHeadBands: OrgHeadBands = OrgHeadBands(),
        costs: CostSettings = CostSettings(), workers: Int, outputDirectory: String
    ) {
        self.people = people
        self.teams = teams
        self.services = services
        self.dependencies = dependencies
        self.policy = policy
        self.spanPolicy = spanPolicy
        self.orgLayer = orgLayer
        self.teamSizes = teamSizes
        self.orgHeadBands = orgHeadBands
        self.costs = costs
        self.workers = max(1, workers)
        self.outputDirectory = outputDirectory
    }
}

/// A positions export and what the run needs to read it.
package struct PositionsRequest: Sendable {
    package var source: ExportSource<PositionField>
    package var values: SourceValues
    /// What `manager_id` holds: ids (and `auto`: ids, else an email or a name the people export has).
    package var managerReference: ManagerReference
    /// Positions planned to start on or before this day count as planned (`planning.horizon`).
    package var horizon: CivilDate

    package init(
        source: ExportSource<PositionField>, values: SourceValues = SourceValues(),
        managerReference: ManagerReference = .id, horizon: CivilDate
    ) {
        self.source = source
        self.values = values
        self.managerReference = managerReference
        self.horizon = horizon
    }
}

/// A CSV catalog export (teams, services, dependencies) and how to read it.
package struct TableSource<Field: CanonicalField>: Sendable {
    package var path: String
    package var mapping: ColumnMapping<Field>
    package var dialect: CSVDialect

    package init(path: String, mapping: ColumnMapping<Field> = ColumnMapping(), dialect: CSVDialect = CSVDialect()) {
        self.path = path
        self.mapping = mapping
        self.dialect = dialect
    }

    func reader() throws(RunError) -> CSVReader { try CSVReader(path: path, dialect: dialect).resolvingEncoding() }

    /// Reads every canonical column the export has.
    func read() throws(RunError) -> RawTable {
        let fields = Array(Field.allCases)
        return try reader().read(fields: fields.map(\.rawValue), identifierField: fields[0].rawValue) {
            header throws(RunError) in
            try mapping.resolve(fields, header: header, source: path)
        }
    }
}
