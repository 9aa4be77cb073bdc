import OrgLensGraph
import OrgLensHistory
import OrgLensKeys
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

/// The optional positions export: read beside the catalogs, staged once the people are (a hiring manager named
/// by email or name is found in the people export), joined to the graph, and accounted for row by row.
enum PositionInputs {
    struct Read {
        let reader: ExportSourceReader<PositionField>
        let table: RawTable
    }

    static func read(_ request: AnalysisRequest) throws(RunError) -> Read? {
        guard let positions = request.positions else { return nil }
        let reader = try ExportSourceReader(positions.source, maxKeptRejections: request.quarantineMaxRows)
        let read = { () throws(RunError) in try reader.read(Array(PositionField.allCases), workers: 1) }
        let table: RawTable
        if let cache = request.readCache {
            table = try cache.table("positions", read: read)
        } else {
            table = try read()
        }
        return Read(reader: reader, table: request.editPositions.map { $0(table) } ?? table)
    }

    /// Typed rows, each hiring manager turned into a person's published id.
    static func stage(
        _ read: Read, people: RawTable, _ request: AnalysisRequest
    ) -> StagedPositions? {
        guard let positions = request.positions else { return nil }
        var staged = PositionStager.stage(read.table, values: positions.values)
        staged.resolveManagers(people: people, reference: positions.managerReference)
        if let pseudonymizer = request.pseudonymizer { staged.pseudonymizeManagers(pseudonymizer.function()) }
        return staged
    }

    static func join(
        _ staged: StagedPositions, people: StagedPeople, built: OrgGraphBuilder.Result, teams: KeyIndex?,
        _ request: AnalysisRequest
    ) -> OpenPositions? {
        guard let positions = request.positions else { return nil }
        return OpenPositions.resolve(
            staged, built: built, keys: people.keys, teamIndex: teams, asOf: request.policy.asOf,
            horizon: positions.horizon)
    }

    /// The positions export's books: its rejections with their raw text, every other row accepted.
    static func accounting(_ read: Read, staged: StagedPositions) throws(RunError) -> CatalogInputs.Part {
        try CatalogInputs.part(
            .positions, table: read.table, rejections: staged.rejections,
            rawRecords: read.reader.rawRecords(startingOnLines:))
    }
}

extension PositionInputs {
    /// The positions' planned figures on the org heads and teams (`PositionPlan`), and what tonight's snapshot
    /// keeps of each position for the nights after.
    struct Plan {
        let orgHeads: [OrgHeadRecord]
        let teams: TeamReport?
        let marks: [Snapshot.PositionMark]
    }

    static func plan(
        _ positions: OpenPositions, _ staged: StagedPositions, built: OrgGraphBuilder.Result,
        managers: [ManagerRecord], orgHeads: [OrgHeadRecord], teams: TeamReport?, costs: CostRollups?,
        earlierNights: [Snapshot], _ request: AnalysisRequest
    ) throws(RunError) -> Plan {
        let settings = request.costs
        let budgets = try costs.map { _ throws(RunError) in
            try PositionPlan.budgets(
                staged, planned: positions.planned, reportingCurrency: settings.currency,
                allInMultiplier: settings.allInMultiplier
            ) { code, count throws(RunError) in try settings.rate(for: code, people: 0, positions: count) }
        }
        let window = earlierNights.prefix(settings.historyWindow)
        let result = PositionPlan.apply(
            positions, staged, graph: built.graph, orgLayer: request.orgLayer, managers: managers,
            orgHeads: orgHeads, teams: teams, costs: costs, budgets: budgets,
            disclosure: PositionPlan.Disclosure(
                minGroupSize: settings.minGroupSize, precisionMinor: settings.precisionMinor,
                earlierByHead: window.map { $0.plannedCostMembers(byTeam: false) },
                earlierByTeam: window.map { $0.plannedCostMembers(byTeam: true) }))
        let marks = (0..<staged.count).map { position in
            let id = staged.ids[position]
            return Snapshot.PositionMark(
                id: id, open: staged.status[position].isOpen, orgHead: result.countedByHead[id] ?? "",
                team: result.countedByTeam[id] ?? "")
        }
        return Plan(orgHeads: result.orgHeads, teams: result.teams, marks: marks)
    }
}
