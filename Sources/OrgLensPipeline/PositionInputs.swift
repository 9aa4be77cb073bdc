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
    /// What the positions add to the org heads and teams (planned headcount, planned cost), and what tonight's
    /// snapshot keeps of them for the nights after.
    struct Plan {
        let orgHeads: [OrgHeadRecord]
        let teams: TeamReport?
        let marks: [Snapshot.PositionMark]
    }

    static func plan(
        _ positions: OpenPositions, _ staged: StagedPositions, built: OrgGraphBuilder.Result,
        managers: [ManagerRecord], orgHeads: [OrgHeadRecord], teams given: TeamReport?, costs: CostRollups?,
        earlierNights: [Snapshot], _ request: AnalysisRequest
    ) throws(RunError) -> Plan {
        let graph = built.graph
        let headOf = graph.ancestors(atLayer: request.orgLayer)
        var byHead: [Int32: [Int]] = [:]
        // By catalog team index (a team record's `team`), as the cost roll-ups are.
        var byTeam = [[Int]](repeating: [], count: Int((given?.teams.map(\.team).max() ?? -1) + 1))
        for position in 0..<staged.count where positions.planned[position] {
            let manager = positions.manager[position]
            if manager >= 0, headOf[Int(manager)] >= 0 { byHead[headOf[Int(manager)], default: []].append(position) }
            let team = Int(positions.team[position])
            if team >= 0, team < byTeam.count { byTeam[team].append(position) }
        }
        let budgets = try costs.map { _ throws(RunError) in try budgetsOf(staged, positions, request) }
        let window = earlierNights.prefix(request.costs.historyWindow)
        let (earlierByHead, earlierByTeam) = (
            window.map { $0.plannedCostMembers(byTeam: false) }, window.map { $0.plannedCostMembers(byTeam: true) }
        )
        var countedByHead: [String: String] = [:]
        var countedByTeam: [String: String] = [:]
        func plannedCost(
            _ cost: CostFigures?, _ members: [Int], group: String, earlier: [[String: Set<String>]],
            counted: inout [String: String]
        ) -> PlannedCost? {
            guard let budgets else { return nil }
            let figure = PlannedCosts.figure(
                cost: cost, members: members, budgets: budgets, minGroupSize: request.costs.minGroupSize,
                precisionMinor: request.costs.precisionMinor, earlier: earlier.map { $0[group] ?? [] })
            if figure.costMinor != nil {
                for member in members where budgets.costMinor[member] >= 0 { counted[staged.ids[member]] = group }
            }
            return figure
        }
        let personOf = Dictionary(
            managers.lazy.filter { $0.layer == request.orgLayer }.map { ($0.id, $0.person) },
            uniquingKeysWith: { first, _ in first })
        let plannedOrgHeads = orgHeads.map { record in
            var record = record
            let members = personOf[record.id].flatMap { byHead[$0] } ?? []
            record.plannedCost = plannedCost(
                record.costs, members, group: record.id, earlier: earlierByHead, counted: &countedByHead)
            return record
        }
        var teams = given
        // Teams are planned only when the positions name theirs.
        if staged.namesTeams, var report = teams {
            for index in report.teams.indices {
                let team = Int(report.teams[index].team)
                let members = byTeam[team]
                report.teams[index].plannedHeadcount = report.teams[index].size + members.count
                report.teams[index].plannedCost = plannedCost(
                    costs?.byTeam?[team], members, group: report.teams[index].id, earlier: earlierByTeam,
                    counted: &countedByTeam)
            }
            teams = report
        }
        let marks = (0..<staged.count).map { position in
            Snapshot.PositionMark(
                id: staged.ids[position], open: staged.status[position].isOpen,
                orgHead: countedByHead[staged.ids[position]] ?? "", team: countedByTeam[staged.ids[position]] ?? "")
        }
        return Plan(orgHeads: plannedOrgHeads, teams: teams, marks: marks)
    }

    /// Each planned position's budget as an all-in cost in the reporting currency, exactly as a salary is.
    private static func budgetsOf(
        _ staged: StagedPositions, _ positions: OpenPositions, _ request: AnalysisRequest
    ) throws(RunError) -> PositionBudgets {
        var scaling: [String: CentsScaling] = [:]
        var budgetsIn: [String: Int] = [:]
        for position in 0..<staged.count where staged.budgetMicro[position] >= 0 && positions.planned[position] {
            budgetsIn[staged.currency[position] ?? request.costs.currency, default: 0] += 1
        }
        var costMinor: [Int64] = []
        costMinor.reserveCapacity(staged.count)
        for position in 0..<staged.count {
            let budget = staged.budgetMicro[position]
            guard budget >= 0, positions.planned[position] else {
                costMinor.append(-1)
                continue
            }
            let code = staged.currency[position] ?? request.costs.currency
            if scaling[code] == nil {
                let rate = try request.costs.rate(for: code, people: 0, positions: budgetsIn[code] ?? 0)
                scaling[code] = CentsScaling([rate, request.costs.allInMultiplier])
            }
            costMinor.append(scaling[code]!.cents(micro: budget))
        }
        return PositionBudgets(ids: staged.ids, costMinor: costMinor)
    }
}
