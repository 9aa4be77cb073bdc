import Logging
import OrgLensHistory
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// Every input staged: typed, interned, policy applied, pseudonymised when asked.
    struct StagedInputs {
        let reader: PeopleSourceReader
        /// The people export as finally read, its columns dropped (they are staged).
        let table: RawTable
        /// The personal fields the people table publishes (nil without one).
        let personal: PersonalColumns?
        /// The `department` column, kept when the org-head shape rules name departments.
        let departments: TextColumn?
        let staged: StagedPeople
        let reading: SourceReading
        let catalogs: CatalogInputs.Tables
        let teams: StagedTeams?
        let services: StagedServices?
        let dependencies: StagedDependencies?
        let positionsRead: PositionInputs.Read?
        let positions: StagedPositions?
        let baseline: Snapshot?
        let baselineSkipped: [String]
        let publishedNights: [Snapshot]
    }

    /// `manager_ref: auto` is staged as ids first: exports with ids (most, and every large one) are read and
    /// staged once, without the name and email columns.
    static func stage(
        _ inputs: consuming ReadInputs, _ request: AnalysisRequest, logger: Logger
    ) throws(RunError) -> StagedInputs {
        let (reader, catalogs, teams, baseline) = (inputs.reader, inputs.catalogs, inputs.teams, inputs.baseline)
        let positionsRead = inputs.positions
        let baselineSkipped = inputs.baselineSkipped
        let publishedNights = inputs.publishedNights
        var table = inputs.table
        let automatic = request.policy.managerReference == .auto
        var asGiven = request.policy
        if automatic { asGiven.managerReference = .id }
        var policy = try PolicyResolution.resolve(asGiven, for: table)
        let firstPolicy = policy
        let firstTable = table
        let (stagedPeople, (services, dependencies)) = concurrently(
            workers: request.workers,
            { PeopleStager.stage(firstTable, policy: firstPolicy, workers: request.workers) },
            {
                (
                    catalogs.services.map { CatalogStager.stageServices($0) },
                    catalogs.dependencies.map { CatalogStager.stageDependencies($0) }
                )
            })
        var staged = stagedPeople
        if automatic, staged.managerIDShare < PolicyResolution.referenceShare {
            // Managers are named, not given by id: read again with the columns names and emails are in.
            table = try readPeople(reader, peopleFields(request, reference: .auto), request)
            var named = request.policy
            named.values.dateFormat = policy.values.dateFormat
            policy = try PolicyResolution.resolve(named, for: table)
            if policy.managerReference != .id {
                staged = PeopleStager.stage(table, policy: policy, workers: request.workers)
            }
        }
        logger.info(
            "people staged",
            metadata: [
                "manager_ref": "\(policy.managerReference.rawValue)",
                "date_format": "\(policy.values.dateFormat.rawValue)",
            ])
        if let pseudonymizer = request.pseudonymizer { staged.pseudonymize(pseudonymizer.function()) }
        let reading = SourceReadingReport.make(
            staged: staged, policy: policy, table: table, minGroupSize: request.costs.minGroupSize)
        // Only the people table shows the columns again, and only those it publishes: dropping the rest now keeps
        // them out of the peak.
        let fields = personalFields(request)
        let personal = request.peopleTable || !fields.isEmpty ? PersonalColumns(table, publish: fields) : nil
        let departments =
            request.orgHeadBands.departments == nil ? nil : table.column(PersonField.department.rawValue)
        let positions = positionsRead.flatMap { PositionInputs.stage($0, people: table, request) }
        table.columns = []
        return StagedInputs(
            reader: reader, table: table, personal: personal, departments: departments, staged: staged,
            reading: reading, catalogs: catalogs,
            teams: teams,
            services: services, dependencies: dependencies, positionsRead: positionsRead, positions: positions,
            baseline: baseline,
            baselineSkipped: baselineSkipped, publishedNights: publishedNights)
    }
}
