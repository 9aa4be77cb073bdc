package import OrgLensGraph
package import OrgLensModel
package import OrgLensStage

/// One row of the `positions` table: where a position stands and whose plan it is in. Never its budget (one
/// position's budget is one person's planned pay).
package struct PositionRecord: Sendable, Hashable {
    package let id: String
    /// The hiring manager's published id; nil when the position names no one in the org.
    package let managerID: String?
    package let teamID: String?
    package let status: PositionStatus
    package let plannedStart: CivilDate?
    package let role: PositionRole
    package let planned: Bool
    package let overdue: Bool

    /// Every position, by id as bytes.
    package static func table(
        _ staged: StagedPositions, _ positions: OpenPositions, graph: OrgGraph
    ) -> [PositionRecord] {
        (0..<staged.count).map { index in
            let manager = positions.manager[index]
            return PositionRecord(
                id: staged.ids[index], managerID: manager >= 0 ? graph.id(Int(manager)) : nil,
                teamID: staged.teamIDs[index].isEmpty ? nil : staged.teamIDs[index], status: staged.status[index],
                plannedStart: staged.plannedStart[index], role: staged.role[index],
                planned: positions.planned[index], overdue: positions.overdue[index])
        }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }
}
