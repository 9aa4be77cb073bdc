public import Logging
import OrgLensGraph
public import OrgLensLoad
public import OrgLensMetrics
public import OrgLensModel
import OrgLensStage

/// One run, end to end: read → stage → graph → metrics → publish. Stages hand each other values and
/// never reach back; a fatal problem stops the run before anything is written.
public enum Analysis {
    public static let toolVersion = "0.3.0"

    /// Everything a run produced, in memory, ready to be published in one step.
    public struct Result: Sendable {
        /// dashboard.json, quarantine.csv, manifest.json, then tables/*.ndjson when asked for.
        public let files: [OutputDirectory.File]
        public let dataQuality: [DataQuality]
        public let summary: OrgSummary
        /// Finding and quarantine rules that occurred, with how often: what `fail_on` checks.
        public let ruleCounts: [Rule: Int]
        /// What the publishing gates look at.
        public let gateFacts: GateFacts
        let stageTimings: StageTimings
        /// Wall time per stage (also in the manifest); `write` is known once the files were written.
        public var timings: [(stage: String, seconds: Double)] { stageTimings.laps }
    }

    /// The counts `Gates` judge a run by.
    public struct GateFacts: Sendable {
        public let rowsRead: Int
        public let quarantined: Int
        public let inOrg: Int
        public let orphans: Int
        public let managers: Int
        /// People under the largest root, the root included (0 without a root).
        public let largestRoot: Int
        public let fields: [SourceReading.Field]
        public let ruleCounts: [Rule: Int]
    }

    /// Computes and publishes into `request.outputDirectory` (`analyze`).
    public static func run(_ request: AnalysisRequest, logger: Logger) throws(RunError) -> Result {
        let result = try compute(request, logger: logger)
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

    /// Reads, validates and computes everything; writes nothing.
    public static func compute(_ request: AnalysisRequest, logger: Logger) throws(RunError) -> Result {
        try validate(request)
        var clock = StageClock()
        let (reader, read, catalogs, teams) = try readInputs(request)
        var table = consume read
        clock.lap("read")
        logger.info("read people", metadata: ["rows": "\(table.rowsRead)", "rejected": "\(table.rejections.count)"])

        // `manager_ref: auto` is staged as ids first: exports with ids (most, and every large one) are read and
        // staged once, without the name and email columns.
        let automatic = request.policy.managerReference == .auto
        var asGiven = request.policy
        if automatic { asGiven.managerReference = .id }
        var policy = try PolicyResolution.resolve(asGiven, for: table)
        let firstPolicy = policy
        let (stagedPeople, services) = concurrently(
            workers: request.workers,
            { PeopleStager.stage(table, policy: firstPolicy, teams: teams, workers: request.workers) },
            { catalogs.services.flatMap { table in teams.map { CatalogStager.stageServices(table, teams: $0) } } })
        var staged = stagedPeople
        if automatic, staged.managerIDShare < PolicyResolution.referenceShare {
            // Managers are named, not given by id: read again with the columns names and emails are in.
            table = try reader.read(peopleFields(request, reference: .auto), workers: request.workers)
            var named = request.policy
            named.values.dateFormat = policy.values.dateFormat
            policy = try PolicyResolution.resolve(named, for: table)
            if policy.managerReference != .id {
                staged = PeopleStager.stage(table, policy: policy, teams: teams, workers: request.workers)
            }
        }
        logger.info(
            "reading people",
            metadata: [
                "manager_ref": "\(policy.managerReference.rawValue)",
                "date_format": "\(policy.values.dateFormat.rawValue)",
            ])
        if let pseudonymizer = request.pseudonymizer { staged.pseudonymize(pseudonymizer.function()) }
        let reading = SourceReadingReport.make(
            staged: staged, policy: policy, table: table, minGroupSize: request.costs.minGroupSize)
        // Only the people table reads the columns again; dropping them now keeps them out of the peak.
        if !request.peopleTable { table.columns = [] }
        let dependencies = catalogs.dependencies.flatMap { table in
            services.map { CatalogStager.stageDependencies(table, services: $0) }
        }
        clock.lap("stage")
        let built = OrgGraphBuilder.build(staged)
        guard built.graph.count > 0 else {
            throw RunError(
                .badData,
                "\(request.people.path): no one is left in the org (\(table.rowsRead) rows read, \(staged.excluded.values.reduce(0, +)) excluded by policy, \(staged.rejections.count + built.rejections.count) quarantined). Check \(request.setting(flag: "--map", key: "sources.people.map")), \(request.setting(flag: "--inactive-status", key: "the preset's status_map")) and \(request.setting(flag: "--as-of", key: "as_of")); quarantine.csv was not written."
            )
        }
        var linked: TeamCatalogBuilder.Result?
        if let teams {
            var unknown = staged.unknownTeamReferences.merging(teams.unknownReferences, uniquingKeysWith: +)
            unknown.merge(services?.unknownReferences ?? [:], uniquingKeysWith: +)
            linked = TeamCatalogBuilder.build(
                teams: teams, people: staged, built: built, orgLayer: request.orgLayer, unknownReferences: unknown)
        }
        clock.lap("graph")
        let isContractor = PersonCostInputs.contractors(staged: staged, built: built)
        let personCosts = try PersonCostInputs.make(
            staged: staged, built: built, isContractor: isContractor, settings: request.costs)
        let countsInSpan = request.costs.contractorsInSpans ? nil : isContractor.map { !$0 }
        // Span, team and cost metrics read the same frozen graph and nothing of each other.
        let catalog = linked?.catalog
        let (spans, teamReport, rollups) = concurrently(
            workers: request.workers,
            {
                OrgMetricsBuilder.compute(
                    built, policy: request.spanPolicy, personTeam: catalog?.personTeam, countsInSpan: countsInSpan,
                    isContractor: staged.isContractor.isEmpty ? nil : isContractor, workers: request.workers)
            },
            {
                catalog.map {
                    TeamMetrics.compute(
                        graph: built.graph, catalog: $0, services: services, dependencies: dependencies,
                        sizes: request.teamSizes, workers: request.workers)
                }
            },
            {
                personCosts.map {
                    CostRollups(
                        graph: built.graph, costs: $0, minGroupSize: request.costs.minGroupSize, catalog: catalog,
                        dimensions: request.costs.dimensions, precisionMinor: request.costs.precisionMinor)
                }
            })
        let orgHeads = OrgHeads.compute(
            orgLayer: request.orgLayer, managers: spans.metrics.managers, teams: teamReport?.teams, costs: rollups,
            bands: request.orgHeadBands)
        clock.lap("metrics")

        var peopleRejections = staged.rejections + built.rejections
        try RawText.fill(&peopleRejections) { lines throws(RunError) in try reader.rawRecords(startingOnLines: lines) }
        var peopleQuality = DataQuality(
            input: .people, rowsRead: table.rowsRead, accepted: built.graph.count, excluded: staged.excluded,
            rejections: peopleRejections, notKept: table.rejectionsNotKept)
        peopleQuality.reading = reading
        var quality = [peopleQuality]
        var rejections = peopleRejections
        var inputs = [ManifestDocument.Input(file: table.file, dataQuality: quality[0])]
        for part in try CatalogInputs.accounting(
            request, catalogs: catalogs, linked: linked, services: services, dependencies: dependencies)
        {
            quality.append(part.quality)
            rejections += part.rejections
            inputs.append(ManifestDocument.Input(file: part.file, dataQuality: part.quality))
        }
        assert(quality.allSatisfy { $0.isBalanced }, "every row must be accounted for")
        var findings = staged.findings + built.findings + spans.findings
        findings += linked?.findings ?? []
        findings += teamReport?.findings ?? []
        findings += orgHeads.findings
        let costSection = rollups.map {
            CostSection(
                rollups: $0, currency: request.costs.currency, allInMultiplier: request.costs.allInMultiplier,
                minGroupSize: request.costs.minGroupSize)
        }
        let content = DashboardContent(
            asOf: request.policy.asOf, metrics: spans.metrics, teams: teamReport, orgHeads: orgHeads.records,
            costs: costSection, findings: findings, dataQuality: quality, workers: request.workers)
        let kept = rejections
        let notKept = quality.map { $0.quarantinedTotal }.reduce(0, +) - kept.count
        let quarantineWritten = Counter()
        let (maxRows, maxBytes) = (request.quarantineMaxRows, request.quarantineMaxBytes)
        clock.lap("render")

        // dashboard.json is rendered while it is written; the manifest comes after it, with that time.
        let timings = StageTimings(clock.laps)
        let inputFiles = inputs
        var files = [
            // Streamed in bounded memory; the rows past the caps are counted in the manifest, not kept.
            OutputDirectory.File(name: "quarantine.csv", mode: 0o600) { emit in
                quarantineWritten.set(QuarantineFile.render(kept, maxRows: maxRows, maxBytes: maxBytes, emit: emit))
            },
            OutputDirectory.File(name: "dashboard.json") { emit in
                timings.measure("write") { DashboardDocument.render(content, emit: emit) }
            },
            OutputDirectory.File(name: "manifest.json") { emit in
                let written = quarantineWritten.value
                emit(
                    ManifestDocument.render(
                        toolVersion: toolVersion, asOf: request.policy.asOf, workers: request.workers,
                        inputs: inputFiles,
                        timings: timings.laps, quarantine: (written, kept.count - written + notKept)))
            },
        ]
        if request.tables {
            for table in NDJSONTables.render(content) {
                files.append(OutputDirectory.File(name: "tables/\(table.name).ndjson", bytes: table.bytes))
            }
        }
        if request.peopleTable {
            let people = PeopleTable.render(
                graph: built.graph, staged: staged, stagedPerson: built.stagedPerson, table: table,
                orgHead: linked?.catalog.orgHeadOfPerson ?? built.graph.ancestors(atLayer: request.orgLayer),
                teams: linked?.catalog, publish: request.publish)
            files.append(OutputDirectory.File(name: "tables/people.ndjson", bytes: people, mode: 0o600))
        }
        var ruleCounts: [Rule: Int] = [:]
        for finding in findings { ruleCounts[finding.rule, default: 0] += 1 }
        // Quarantine counts from data quality: they include the rows counted past the quarantine's caps.
        for input in quality { ruleCounts.merge(input.quarantined.filter { $0.value > 0 }, uniquingKeysWith: +) }
        let gateFacts = GateFacts(
            rowsRead: peopleQuality.rowsRead, quarantined: peopleQuality.quarantinedTotal, inOrg: built.graph.count,
            orphans: built.orphans, managers: spans.metrics.summary.managers, largestRoot: largestRoot(built.graph),
            fields: reading.fields, ruleCounts: ruleCounts)
        return Result(
            files: files, dataQuality: quality, summary: spans.metrics.summary, ruleCounts: ruleCounts,
            gateFacts: gateFacts,
            stageTimings: timings)
    }

    private static func largestRoot(_ graph: OrgGraph) -> Int {
        var size: [Int32: Int] = [:]
        for top in graph.ancestors(atLayer: 1) where top >= 0 && graph.top[Int(top)] == .root {
            size[top, default: 0] += 1
        }
        return size.values.max() ?? 0
    }

    /// Reads the people export and the catalogs; the teams are staged too (people staging needs them).
    /// The catalogs are read beside the people export, in the time its parallel parse leaves a core
    /// idle; their errors are reported first, as when they were read first.
    private static func readInputs(
        _ request: AnalysisRequest
    ) throws(RunError)
        -> (PeopleSourceReader, RawTable, CatalogInputs.Tables, StagedTeams?)
    {
        let fields = peopleFields(
            request, reference: request.policy.managerReference == .auto ? .id : request.policy.managerReference)
        let (peopleRead, catalogRead) = concurrently(
            workers: request.workers,
            {
                Swift.Result { () throws(RunError) in
                    let reader = try PeopleSourceReader(request.people, maxKeptRejections: request.quarantineMaxRows)
                    return (reader, try reader.read(fields, workers: request.workers))
                }
            },
            {
                Swift.Result { () throws(RunError) in
                    let catalogs = try CatalogInputs.read(request)
                    return (catalogs, catalogs.teams.map { CatalogStager.stageTeams($0) })
                }
            })
        let (catalogs, teams) = try catalogRead.get()
        let (reader, table) = try peopleRead.get()
        return (reader, table, catalogs, teams)
    }

    private static func peopleFields(_ request: AnalysisRequest, reference: ManagerReference) -> [PersonField] {
        var policy = request.policy
        policy.managerReference = reference
        return PersonField.read(for: policy, publishing: request.peopleTable ? request.publish : [])
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
