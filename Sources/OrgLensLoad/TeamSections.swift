import OrgLensMetrics

/// The `teams`, `services` and `conway` parts of `dashboard.json`. A part whose input was not given is
/// left out entirely, and so are record keys that need a missing input: absent, never zero.
enum TeamSections {
    /// Large tables go to `emit` as soon as they are rendered.
    static func write(
        _ report: TeamReport, costs: CostSection?, workers: Int, to json: inout JSONWriter, emit: ([UInt8]) -> Void
    ) {
        json.key("teams")
        json.beginArray(multiline: true)
        json.elements(report.teams, workers: workers, emit: emit) { writeTeam($0, costs: costs, to: &$1) }
        json.endArray()
        if let services = report.services {
            json.key("services")
            json.beginArray(multiline: true)
            json.elements(services, workers: workers, emit: emit) { writeService($0, to: &$1) }
            json.endArray()
        }
        if let conway = report.conway { writeConway(conway, to: &json) }
    }

    static func writeTeam(_ team: TeamRecord, costs: CostSection?, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", team.id)
        json.field("name", team.name)
        json.field("type", team.type)
        json.field("size", team.size)
        json.field("lead_id", team.leadID)
        json.field("reporting_managers", team.reportingManagers)
        json.field("alignment", decimal: team.alignment)
        json.field("owning_manager", team.owningManager)
        json.field("org_head", team.orgHead)
        json.field("cross_org", team.crossOrg)
        if let owned = team.servicesOwned { json.field("services_owned", owned) }
        if let outbound = team.outboundTeams { json.field("outbound_teams", outbound) }
        if let inbound = team.inboundTeams { json.field("inbound_teams", inbound) }
        if let crossOrg = team.crossOrgDependencies { json.field("cross_org_dependencies", crossOrg) }
        if let figures = costs?.rollups.byTeam?[Int(team.team)] { CostSection.write(figures, to: &json) }
        PlanFields.writeGroup(headcount: team.plannedHeadcount, cost: team.plannedCost, to: &json)
        json.endObject()
    }

    static func writeService(_ service: ServiceRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", service.id)
        json.field("name", service.name)
        json.key("owners")
        json.beginArray()
        for owner in service.owners { json.string(owner) }
        json.endArray()
        json.field("live_owners", service.liveOwners)
        json.field("ownership", service.ownership.rawValue)
        if let dependencies = service.dependencies { json.field("dependencies", dependencies) }
        if let dependents = service.dependents { json.field("dependents", dependents) }
        json.endObject()
    }

    private static func writeConway(_ conway: ConwayReport, to json: inout JSONWriter) {
        json.key("conway")
        json.beginObject(multiline: true)
        writeConwayTotals(conway, to: &json)
        json.key("by_org_head")
        json.beginArray(multiline: true)
        for row in conway.byOrgHead { writeConwayOrgHead(row, to: &json) }
        json.endArray()
        json.key("org_head_dependencies")
        json.beginArray(multiline: true)
        for row in conway.orgHeadDependencies { writeConwayDependency(row, to: &json) }
        json.endArray()
        json.endObject()
    }

    static func writeConwayTotals(_ conway: ConwayReport, to json: inout JSONWriter) {
        json.field("pairs", conway.pairs)
        json.field("same_org_head_share", decimal: conway.sameOrgHeadShare)
        json.field("same_manager_share", decimal: conway.sameManagerShare)
    }

    static func writeConwayOrgHead(_ row: ConwayReport.OrgHeadRow, to json: inout JSONWriter) {
        json.beginObject()
        json.field("org_head", row.orgHead)
        json.field("pairs", row.pairs)
        json.field("same_org_head_share", decimal: row.sameOrgHeadShare)
        json.field("same_manager_share", decimal: row.sameManagerShare)
        json.endObject()
    }

    static func writeConwayDependency(_ row: ConwayReport.Dependency, to json: inout JSONWriter) {
        json.beginObject()
        json.field("from_org_head", row.fromOrgHead)
        json.field("to_org_head", row.toOrgHead)
        json.field("team_pairs", row.teamPairs)
        json.endObject()
    }
}
