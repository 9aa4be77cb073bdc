import OrgLensGraph
import OrgLensHistory
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensReport
import OrgLensStage

extension Analysis {
    /// Where every row went and what was found: the books of the run, before anything is rendered.
    struct Accounts {
        let peopleQuality: DataQuality
        let quality: [DataQuality]
        let rejections: [Rejection]
        let inputs: [ManifestDocument.Input]
        let findings: [Finding]
        let content: DashboardContent
        let history: HistoryStage
    }

    /// Every finding of the run, before the comparison with the baseline adds its own.
    static func gatherFindings(_ inputs: StagedInputs, _ graph: GraphStage, _ metrics: MetricsStage) -> [Finding] {
        var findings =
            inputs.staged.findings + graph.built.findings + (graph.dotted?.findings ?? []) + metrics.spans.findings
        findings += graph.positions?.findings ?? []
        findings += graph.linked?.findings ?? []
        findings += metrics.teams?.findings ?? []
        findings += metrics.orgHeads.findings
        return findings
    }

    /// Fills the quarantine's raw rows, balances every input's books and gathers every finding.
    static func account(
        _ inputs: StagedInputs, _ graph: GraphStage, _ metrics: MetricsStage, findings given: [Finding],
        history: HistoryStage, _ request: AnalysisRequest
    ) throws(RunError) -> Accounts {
        let (staged, built, table) = (inputs.staged, graph.built, inputs.table)
        var peopleRejections = staged.rejections + built.rejections
        try RawText.fill(&peopleRejections) { lines throws(RunError) in
            try inputs.reader.rawRecords(startingOnLines: lines)
        }
        var peopleQuality = DataQuality(
            input: .people, rowsRead: table.rowsRead, accepted: built.graph.count, excluded: staged.excluded,
            rejections: peopleRejections, notKept: table.rejectionsNotKept)
        peopleQuality.reading = inputs.reading
        var quality = [peopleQuality]
        var rejections = peopleRejections
        var files = [ManifestDocument.Input(file: table.file, dataQuality: peopleQuality)]
        for part in try CatalogInputs.accounting(
            request, catalogs: inputs.catalogs, linked: graph.linked, services: graph.services,
            dependencies: graph.dependencies)
        {
            quality.append(part.quality)
            rejections += part.rejections
            files.append(ManifestDocument.Input(file: part.file, dataQuality: part.quality))
        }
        if let read = inputs.positionsRead, let positions = inputs.positions {
            let part = try PositionInputs.accounting(read, staged: positions)
            quality.append(part.quality)
            rejections += part.rejections
            files.append(ManifestDocument.Input(file: part.file, dataQuality: part.quality))
        }
        assert(quality.allSatisfy { $0.isBalanced }, "every row must be accounted for")
        let findings = history.changes.map { given + $0.findings } ?? given
        let costSection = metrics.costs.map {
            CostSection(
                rollups: $0, currency: request.costs.currency, allInMultiplier: request.costs.allInMultiplier,
                minGroupSize: request.costs.minGroupSize)
        }
        var content = DashboardContent(
            asOf: request.policy.asOf, metrics: metrics.spans.metrics, teams: metrics.teams,
            orgHeads: metrics.orgHeads.records, costs: costSection, findings: findings, dataQuality: quality,
            workers: request.workers, changes: history.changes,
            thresholds: ThresholdsSection(
                orgLayer: request.orgLayer, spanPolicy: request.spanPolicy, orgHeadBands: request.orgHeadBands,
                teamSizes: request.teamSizes, maxDottedManagers: request.maxDottedManagers))
        if let positions = graph.positions, let staged = inputs.positions {
            content.positions = PositionRecord.table(staged, positions, graph: built.graph)
        }
        return Accounts(
            peopleQuality: peopleQuality, quality: quality, rejections: rejections, inputs: files, findings: findings,
            content: content, history: history)
    }

    /// The files of the run (the dashboard streamed while it is written, the manifest after it with that time),
    /// and what `fail_on` and the gates judge it by.
    static func publication(
        _ accounts: Accounts, _ inputs: StagedInputs, _ graph: GraphStage, _ metrics: MetricsStage,
        _ request: AnalysisRequest, timings: StageTimings
    ) -> Result {
        let (content, kept, quality) = (accounts.content, accounts.rejections, accounts.quality)
        let notKept = quality.map { $0.quarantinedTotal }.reduce(0, +) - kept.count
        let quarantineWritten = Counter()
        let (maxRows, maxBytes) = (request.quarantineMaxRows, request.quarantineMaxBytes)
        let inputFiles = accounts.inputs
        let fingerprint = request.pseudonymizer?.fingerprint
        let manifest: @Sendable (ManifestDocument.Stamp) -> OutputDirectory.File = { stamp in
            OutputDirectory.File(name: "manifest.json") { emit in
                let written = quarantineWritten.value
                emit(
                    ManifestDocument.render(
                        toolVersion: toolVersion, asOf: request.policy.asOf, workers: request.workers,
                        inputs: inputFiles, timings: timings.laps,
                        quarantine: (written, kept.count - written + notKept),
                        keyFingerprint: fingerprint, stamp: stamp))
            }
        }
        var files = [
            // Streamed in bounded memory; the rows past the caps are counted in the manifest, not kept.
            OutputDirectory.File(name: "quarantine.csv", mode: 0o600) { emit in
                quarantineWritten.set(QuarantineFile.render(kept, maxRows: maxRows, maxBytes: maxBytes, emit: emit))
            },
            OutputDirectory.File(name: "dashboard.json") { emit in
                timings.measure("write") { DashboardDocument.render(content, emit: emit) }
            },
            manifest(ManifestDocument.Stamp()),
        ]
        if request.tables {
            for table in NDJSONTables.render(content) {
                files.append(OutputDirectory.File(name: "tables/\(table.name).ndjson", bytes: table.bytes))
            }
        }
        let built = graph.built
        let trendBefore = request.trendBefore
        let trendRecord = TrendFile.record(
            asOf: request.policy.asOf, summary: metrics.spans.metrics.summary, people: accounts.peopleQuality,
            changes: accounts.history.changes, findings: content.findings.count)
        if request.report {
            let names = request.reportNames ? reportNames(inputs, built) : nil
            // Drawn from the dashboard as published (without the managers table, which it does not show).
            files.append(
                OutputDirectory.File(name: "report.html", mode: names == nil ? 0o644 : 0o600) { emit in
                    var dashboard: [UInt8] = []
                    DashboardDocument.render(content, forReport: true) { dashboard += $0 }
                    let digest = ReportDigest(
                        findings: content.findings, teams: content.teams?.teams, services: content.teams?.services,
                        managers: metrics.spans.metrics.managers)
                    let trend = TrendFile.merge(existing: trendBefore, adding: trendRecord)
                    emit(
                        (try? ReportDocument.render(
                            dashboard: dashboard, digest: digest, trend: trend, toolVersion: toolVersion,
                            names: names)) ?? [])
                })
        }
        if request.peopleTable, let personal = inputs.personal {
            let people = PeopleTable.render(
                asOf: request.policy.asOf, graph: built.graph, staged: inputs.staged, stagedPerson: built.stagedPerson,
                personal: personal,
                orgHead: graph.linked?.catalog.orgHeadOfPerson ?? built.graph.ancestors(atLayer: request.orgLayer),
                teams: graph.linked?.catalog)
            files.append(OutputDirectory.File(name: "tables/people.ndjson", bytes: people, mode: 0o600))
            if let changes = accounts.history.changes, changes.counts != nil {
                files.append(
                    OutputDirectory.File(
                        name: "tables/people_changes.ndjson",
                        bytes: ChangesSection.renderMovers(changes, asOf: request.policy.asOf), mode: 0o600))
            }
        }
        if let snapshot = accounts.history.snapshot {
            // Ids and structure per person: personal data, readable by its owner only.
            files.append(OutputDirectory.File(name: "snapshot.bin", bytes: SnapshotFile.encode(snapshot), mode: 0o600))
        }
        var ruleCounts: [Rule: Int] = [:]
        for finding in accounts.findings { ruleCounts[finding.rule, default: 0] += 1 }
        // Quarantine counts from data quality: they include the rows counted past the quarantine's caps.
        for input in quality { ruleCounts.merge(input.quarantined.filter { $0.value > 0 }, uniquingKeysWith: +) }
        let summary = metrics.spans.metrics.summary
        let gateFacts = GateFacts(
            rowsRead: accounts.peopleQuality.rowsRead, quarantined: accounts.peopleQuality.quarantinedTotal,
            inOrg: built.graph.count, orphans: built.orphans, managers: summary.managers,
            largestRoot: largestRoot(built.graph), fields: inputs.reading.fields, ruleCounts: ruleCounts,
            orphanCauses: OrphanCauses.describe(accounts.findings),
            previous: inputs.publishedNights.first.map { last in
                GateFacts.Previous(
                    asOf: last.asOf, people: last.count,
                    // Compared with another run on request: the change gates still judge against the last published.
                    counts: request.history?.baselineFile == nil
                        ? accounts.history.changes?.counts
                        : accounts.history.snapshot.flatMap {
                            ChangeDetector.structure(last, $0, spanPolicy: request.spanPolicy, withMovers: false).counts
                        })
            })
        return Result(
            files: files, dataQuality: quality, summary: summary, ruleCounts: ruleCounts, gateFacts: gateFacts,
            operatorView: operatorView(inputs.staged, request), manifest: manifest, stageTimings: timings,
            trendRecord: trendRecord, changes: accounts.history.changes,
            snapshot: accounts.history.snapshot, content: content, positions: inputs.positions)
    }

    static func operatorView(_ staged: StagedPeople, _ request: AnalysisRequest) -> OperatorView {
        let unmapped = staged.unmapped.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { field, counts in
            counts.sorted { $0.key < $1.key }.map { (field: field.rawValue, value: $0.key, rows: $0.value) }
        }
        let clashes = staged.nameClashes.sorted { $0.key < $1.key }.map {
            (name: $0.key, rows: $0.value.rows, ids: $0.value.ids.sorted())
        }
        var people = [Int](repeating: 0, count: staged.pay?.currencies.count ?? 0)
        for index in staged.pay?.currency ?? [] where index >= 0 { people[Int(index)] += 1 }
        let currencies = (staged.pay?.currencies ?? []).enumerated().map { index, code in
            (
                code: code, people: people[index],
                hasRate: code == request.costs.currency || request.costs.rates[code] != nil
            )
        }.sorted { $0.code < $1.code }
        return OperatorView(unmapped: unmapped, nameClashes: clashes, currencies: currencies)
    }

    /// Each person's name by published id, for a report with names.
    static func reportNames(_ inputs: StagedInputs, _ built: OrgGraphBuilder.Result) -> ReportDocument.Names? {
        guard let personal = inputs.personal, let column = personal.fields.firstIndex(of: .name) else { return nil }
        var byID: [String: String] = [:]
        for person in 0..<built.graph.count {
            let record = Int(inputs.staged.record[Int(built.stagedPerson[person])])
            if let name = personal.value(column, record: record) { byID[built.graph.id(person)] = name }
        }
        return ReportDocument.Names(byID: byID)
    }
}
