import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

/// What a positions export adds to the published records: counts in the summary, the planned span beside each
/// manager's span, planned headcount and planned cost beside each group's headcount and cost. Absent without one.
enum PlanFields {
    static func writeSummary(_ counts: OpenPositions.Counts, to json: inout JSONWriter) {
        json.field("positions", counts.positions)
        json.field("open_positions", counts.open)
        json.field("offer_positions", counts.offer)
        json.field("filled_positions", counts.filled)
        json.field("closed_positions", counts.closed)
        json.field("planned_positions", counts.planned)
        json.field("planned_manager_positions", counts.plannedManagers)
        json.field("overdue_positions", counts.overdue)
        json.field("positions_unknown_manager", counts.unknownManager)
    }

    static func writeManager(_ plan: ManagerPlan, to json: inout JSONWriter) {
        json.field("open_positions", plan.openPositions)
        json.field("planned_span", plan.plannedSpan)
        json.field("planned_span_band", plan.plannedSpanBand.rawValue)
        json.field("planned_org_size", plan.plannedOrgSize)
    }

    static func writePosition(_ row: PositionRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", row.id)
        json.field("manager_id", row.managerID)
        json.field("team_id", row.teamID)
        json.field("status", row.status.rawValue)
        json.field("planned_start", row.plannedStart?.description)
        json.field("role", row.role.rawValue)
        json.field("planned", row.planned)
        json.field("overdue", row.overdue)
        json.endObject()
    }

    /// A group's planned headcount and, with pay, its planned cost (null with its reason when withheld).
    static func writeGroup(headcount: Int?, cost: PlannedCost?, to json: inout JSONWriter) {
        guard let headcount else { return }
        json.field("planned_headcount", headcount)
        guard let cost else { return }
        json.field("budgeted_positions", cost.budgeted)
        json.key("planned_cost")
        json.cents(cost.costMinor)
        json.field("planned_cost_withheld", cost.withheld?.rawValue)
    }
}
