package import OrgLensGraph
package import OrgLensModel
package import OrgLensStage

/// What positions add to the org heads and teams: planned headcount, and with pay the planned cost (`PlannedCosts`),
/// with which group's published planned cost counted each position (ids only: the next night checks against it).
package enum PositionPlan {
    package struct Result: Sendable {
        package let orgHeads: [OrgHeadRecord]
        package let teams: TeamReport?
        /// Position id → the org head (or team) whose published planned cost counted its budget.
        package let countedByHead: [String: String]
        package let countedByTeam: [String: String]
    }

    /// How planned cost is disclosed, and what earlier published nights counted (group id → position ids), newest
    /// first.
    package struct Disclosure: Sendable {
        package let minGroupSize: Int
        package let precisionMinor: Int64
        package let earlierByHead: [[String: Set<String>]]
        package let earlierByTeam: [[String: Set<String>]]

        package init(
            minGroupSize: Int, precisionMinor: Int64, earlierByHead: [[String: Set<String>]],
            earlierByTeam: [[String: Set<String>]]
        ) {
            self.minGroupSize = minGroupSize
            self.precisionMinor = precisionMinor
            self.earlierByHead = earlierByHead
            self.earlierByTeam = earlierByTeam
        }
    }

    /// `budgets` is nil without pay (no planned cost then).
    package static func apply(
        _ positions: OpenPositions, _ staged: StagedPositions, graph: OrgGraph, orgLayer: Int,
        managers: [ManagerRecord], orgHeads: [OrgHeadRecord], teams given: TeamReport?, costs: CostRollups?,
        budgets: PositionBudgets?, disclosure: Disclosure
    ) -> Result {
        let headOf = graph.ancestors(atLayer: orgLayer)
        var byHead: [Int32: [Int]] = [:]
        // By catalog team index (a team record's `team`), as the cost roll-ups are.
        var byTeam = [[Int]](repeating: [], count: Int((given?.teams.map(\.team).max() ?? -1) + 1))
        for position in 0..<staged.count where positions.planned[position] {
            let manager = positions.manager[position]
            if manager >= 0, headOf[Int(manager)] >= 0 { byHead[headOf[Int(manager)], default: []].append(position) }
            let team = Int(positions.team[position])
            if team >= 0, team < byTeam.count { byTeam[team].append(position) }
        }
        var countedByHead: [String: String] = [:]
        var countedByTeam: [String: String] = [:]
        func plannedCost(
            _ cost: CostFigures?, _ members: [Int], group: String, earlier: [[String: Set<String>]],
            counted: inout [String: String]
        ) -> PlannedCost? {
            guard let budgets else { return nil }
            let figure = PlannedCosts.figure(
                cost: cost, members: members, budgets: budgets, minGroupSize: disclosure.minGroupSize,
                precisionMinor: disclosure.precisionMinor, earlier: earlier.map { $0[group] ?? [] })
            if figure.costMinor != nil {
                for member in members where budgets.costMinor[member] >= 0 { counted[staged.ids[member]] = group }
            }
            return figure
        }
        let personOf = Dictionary(
            managers.lazy.filter { $0.layer == orgLayer }.map { ($0.id, $0.person) },
            uniquingKeysWith: { first, _ in first })
        let plannedOrgHeads = orgHeads.map { record in
            var record = record
            let members = personOf[record.id].flatMap { byHead[$0] } ?? []
            record.plannedCost = plannedCost(
                record.costs, members, group: record.id, earlier: disclosure.earlierByHead, counted: &countedByHead)
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
                    costs?.byTeam?[team], members, group: report.teams[index].id, earlier: disclosure.earlierByTeam,
                    counted: &countedByTeam)
            }
            teams = report
        }
        return Result(
            orgHeads: plannedOrgHeads, teams: teams, countedByHead: countedByHead, countedByTeam: countedByTeam)
    }

    /// Each planned position's budget as an all-in cost in the reporting currency, exactly as a salary is
    /// (`PersonCostInputs`): one exact scaling per currency, rounded once to the cent. `rate` gives a currency's rate
    /// (told how many budgets are in it, for its message when there is none).
    package static func budgets(
        _ staged: StagedPositions, planned: [Bool], reportingCurrency: String, allInMultiplier: ExactDecimal,
        rate: (_ code: String, _ budgets: Int) throws(RunError) -> ExactDecimal
    ) throws(RunError) -> PositionBudgets {
        let counted = (0..<staged.count).filter { staged.budgetMicro[$0] >= 0 && planned[$0] }
        var budgetsIn: [String: Int] = [:]
        for position in counted { budgetsIn[staged.currency[position] ?? reportingCurrency, default: 0] += 1 }
        var scaling: [String: CentsScaling] = [:]
        for (code, count) in budgetsIn.sorted(by: { $0.key < $1.key }) {
            scaling[code] = CentsScaling([try rate(code, count), allInMultiplier])
        }
        var costMinor = [Int64](repeating: -1, count: staged.count)
        for position in counted {
            costMinor[position] = scaling[staged.currency[position] ?? reportingCurrency]!.cents(
                micro: staged.budgetMicro[position])
        }
        return PositionBudgets(ids: staged.ids, costMinor: costMinor)
    }
}
