package import OrgLensMetrics
package import OrgLensModel

/// Headcount and cost parts of `dashboard.json`: the basis (`cost_basis`), `cost_by_layer`, and the
/// cost fields added to managers, teams and org heads. A suppressed value is `null` with its
/// `<field>_suppressed` flag `true`; people counts are structure and are never suppressed.
package struct CostSection: Sendable {
    package let rollups: CostRollups
    package let currency: String
    package let allInMultiplier: ExactDecimal
    package let minGroupSize: Int

    package init(rollups: CostRollups, currency: String, allInMultiplier: ExactDecimal, minGroupSize: Int) {
        self.rollups = rollups
        self.currency = currency
        self.allInMultiplier = allInMultiplier
        self.minGroupSize = minGroupSize
    }

    func writeBasis(to json: inout JSONWriter) {
        json.key("cost_basis")
        json.beginObject()
        json.field("currency", currency)
        json.field("all_in_multiplier", exactly: allInMultiplier)
        json.field("min_group_size", minGroupSize)
        json.endObject()
    }

    /// `cost_by_layer`, when layers are a published dimension.
    func writeLayers(to json: inout JSONWriter) {
        guard let byLayer = rollups.byLayer else { return }
        json.key("cost_by_layer")
        json.beginArray(multiline: true)
        for index in byLayer.indices { writeLayer(index, to: &json) }
        json.endArray()
    }

    func writeLayer(_ index: Int, to json: inout JSONWriter) {
        json.beginObject()
        json.field("layer", index + 1)
        if let byLayer = rollups.byLayer { Self.write(byLayer[index], to: &json) }
        json.endObject()
    }

    /// The cost fields of one record, in a fixed order.
    static func write(_ figures: CostFigures, to json: inout JSONWriter) {
        json.field("headcount", figures.headcount)
        json.field("employees", figures.employees)
        json.field("contractors", figures.contractors)
        json.field("salaried", figures.salaried)
        json.key("cost")
        json.cents(figures.costMinor)
        json.field("cost_suppressed", figures.suppressed)
        json.field("management_cost_share", decimal: figures.managementCostShare)
        json.field("management_cost_share_suppressed", figures.shareSuppressed)
    }
}

/// The `org_heads` table.
enum OrgHeadSection {
    static func write(_ records: [OrgHeadRecord], withTeams: Bool, withCosts: Bool, to json: inout JSONWriter) {
        json.key("org_heads")
        json.beginArray(multiline: true)
        for record in records { writeRecord(record, withTeams: withTeams, withCosts: withCosts, to: &json) }
        json.endArray()
    }

    static func writeRecord(_ record: OrgHeadRecord, withTeams: Bool, withCosts: Bool, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", record.id)
        json.field("em_reports", record.emReports)
        json.field("ic_reports", record.icReports)
        if withTeams { json.field("teams", record.teams ?? 0) }
        json.field("engineers", record.engineers)
        json.field("depth_below", record.depthBelow)
        json.field("shape", record.shape.rawValue)
        if withCosts, let costs = record.costs { CostSection.write(costs, to: &json) }
        PlanFields.writeGroup(headcount: record.plannedHeadcount, cost: record.plannedCost, to: &json)
        json.endObject()
    }
}
