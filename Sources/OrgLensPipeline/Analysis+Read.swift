import OrgLensHistory
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// What the read step hands on: the people export as read, its reader (for a second read and for the
    /// quarantine's raw rows), the catalogs, and the teams, staged while the people export is parsed.
    struct ReadInputs: ~Copyable {
        let reader: PeopleSourceReader
        var table: RawTable
        let catalogs: CatalogInputs.Tables
        let teams: StagedTeams?
        let positions: PositionInputs.Read?
        /// The earlier run to compare with, read beside the exports.
        let baseline: Snapshot?
        /// Why each newer published run's snapshot could not be the baseline.
        let baselineSkipped: [String]
        /// The last published nights, newest first (the first is what the change gates judge tonight against).
        let publishedNights: [Snapshot]
    }

    /// Reads the people export and the catalogs. The catalogs are read beside the people export, in the time its
    /// parallel parse leaves a core idle; their errors are reported first, as when they were read first.
    static func readInputs(_ request: AnalysisRequest) throws(RunError) -> ReadInputs {
        let fields = peopleFields(
            request, reference: request.policy.managerReference == .auto ? .id : request.policy.managerReference)
        let (peopleRead, catalogRead) = concurrently(
            workers: request.workers,
            {
                Swift.Result { () throws(RunError) in
                    let reader = try PeopleSourceReader(request.people, maxKeptRejections: request.quarantineMaxRows)
                    return (reader, try readPeople(reader, fields, request))
                }
            },
            {
                Swift.Result { () throws(RunError) in
                    let catalogs = try CatalogInputs.read(request)
                    return (
                        catalogs, catalogs.teams.map { CatalogStager.stageTeams($0) }, try PositionInputs.read(request),
                        try request.history?.loadBaseline(
                            day: request.policy.asOf, window: request.costs.historyWindow)
                    )
                }
            })
        let (catalogs, teams, positions, baseline) = try catalogRead.get()
        let (reader, table) = try peopleRead.get()
        return ReadInputs(
            reader: reader, table: table, catalogs: catalogs, teams: teams, positions: positions,
            baseline: baseline?.snapshot,
            baselineSkipped: baseline?.skipped ?? [], publishedNights: baseline?.published ?? [])
    }

    /// The people export as read, as a plan's scenario edits it.
    static func readPeople(
        _ reader: PeopleSourceReader, _ fields: [PersonField], _ request: AnalysisRequest
    ) throws(RunError) -> RawTable {
        let read = { () throws(RunError) in try reader.read(fields, workers: request.workers) }
        var table: RawTable
        if let cache = request.readCache {
            table = try cache.table("people " + fields.map(\.rawValue).joined(separator: ","), read: read)
        } else {
            table = try read()
        }
        if let edit = request.editPeople { table = try edit(table) }
        return table
    }

    static func peopleFields(_ request: AnalysisRequest, reference: ManagerReference) -> [PersonField] {
        var policy = request.policy
        policy.managerReference = reference
        var fields = PersonField.read(for: policy, publishing: personalFields(request))
        // Org heads are judged by their own department when the shape rules name departments.
        if request.orgHeadBands.departments != nil && !fields.contains(.department) { fields.append(.department) }
        // Hiring managers named by email or name are found by the people export's columns.
        let byPositions: [PersonField] =
            switch request.positions?.managerReference {
            case .email: [.email]
            case .name: [.email, .name, .firstName, .lastName]
            default: []
            }
        for field in byPositions where !fields.contains(field) { fields.append(field) }
        return fields
    }

    /// The personal fields a run shows: those the people table publishes, and names for a report with names.
    static func personalFields(_ request: AnalysisRequest) -> [PersonField] {
        if request.peopleTable { return request.publish }
        return request.reportNames ? [.name] : []
    }
}
