package import OrgLensMetrics

/// The thresholds a run judged the org by, published beside the numbers they produced (`thresholds`).
package struct ThresholdsSection: Sendable {
    package let orgLayer: Int
    package let spanPolicy: SpanPolicy
    package let orgHeadBands: OrgHeadBands
    package let teamSizes: TeamSizeBands
    package let maxDottedManagers: Int

    package init(
        orgLayer: Int, spanPolicy: SpanPolicy, orgHeadBands: OrgHeadBands, teamSizes: TeamSizeBands,
        maxDottedManagers: Int
    ) {
        self.orgLayer = orgLayer
        self.spanPolicy = spanPolicy
        self.orgHeadBands = orgHeadBands
        self.teamSizes = teamSizes
        self.maxDottedManagers = maxDottedManagers
    }

    func write(to json: inout JSONWriter) {
        json.key("thresholds")
        json.beginObject(multiline: true)
        json.field("org_layer", orgLayer)
        json.key("span_bands")
        json.beginArray(multiline: true)
        for role in ManagerRole.allCases {
            let bands = spanPolicy.bands(for: role)
            json.beginObject()
            json.field("role", role.rawValue)
            json.field("narrow_max", bands.narrowMax)
            json.field("healthy_max", bands.healthyMax)
            json.field("split_at", bands.splitAt)
            json.endObject()
        }
        json.endArray()
        json.key("org_heads")
        json.beginObject()
        json.field("min_em_reports", orgHeadBands.minEMReports)
        json.field("max_em_reports", orgHeadBands.maxEMReports)
        json.field("min_engineers", orgHeadBands.minEngineers)
        json.key("departments")
        if let departments = orgHeadBands.departments {
            json.beginArray()
            for department in departments { json.string(department) }
            json.endArray()
        } else {
            json.null()
        }
        json.endObject()
        json.field("team_min_size", teamSizes.minimum)
        json.field("team_max_size", teamSizes.maximum)
        json.field("max_dotted_managers", maxDottedManagers)
        json.endObject()
    }
}
