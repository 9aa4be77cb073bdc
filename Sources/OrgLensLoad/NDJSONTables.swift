import OrgLensHistory
import OrgLensMetrics
import OrgLensModel

/// Every table of `dashboard.json` as `tables/<name>.ndjson`: one flat record per line, the same keys,
/// explicit nulls, one type per key, so DuckDB, Grafana, Tableau or Power BI load them without work.
/// Records carry no schema version (the manifest's versions them) but every one carries the run's `as_of`,
/// so the tables of many nights load into one table and still say which night each row is from.
package enum NDJSONTables {
    package static func render(_ content: DashboardContent) -> [(name: String, bytes: [UInt8])] {
        var tables: [(String, [UInt8])] = []
        let asOf = Array(#"{"as_of": "\#(content.asOf)", "#.utf8)
        func table<Row>(_ name: String, _ rows: [Row], _ write: (Row, inout JSONWriter) -> Void) {
            var bytes: [UInt8] = []
            for row in rows {
                var json = JSONWriter()
                write(row, &json)
                // Every record is an object with keys: `as_of` goes in front of its first key.
                bytes += asOf
                bytes += json.finished().dropFirst()
            }
            tables.append((name, bytes))
        }
        func record<Row>(_ name: String, _ rows: [Row], _ write: @escaping (Row, inout JSONWriter) -> Void) {
            table(name, rows) { row, json in
                json.beginObject()
                write(row, &json)
                json.endObject()
            }
        }
        let metrics = content.metrics
        table("summary", [metrics.summary]) { DashboardDocument.writeSummary($0, multiline: false, to: &$1) }
        table("span_distribution", metrics.spanDistribution, DashboardDocument.writeSpanCount)
        table("layers", metrics.layers, DashboardDocument.writeLayer)
        if let costs = content.costs {
            if let byLayer = costs.rollups.byLayer {
                table("cost_by_layer", Array(byLayer.indices)) { costs.writeLayer($0, to: &$1) }
            }
        }
        table("managers", metrics.managers) { DashboardDocument.writeManager($0, costs: content.costs, to: &$1) }
        table("org_heads", content.orgHeads) {
            OrgHeadSection.writeRecord($0, withTeams: content.teams != nil, withCosts: content.costs != nil, to: &$1)
        }
        if let teams = content.teams {
            table("teams", teams.teams) { TeamSections.writeTeam($0, costs: content.costs, to: &$1) }
            if let services = teams.services { table("services", services, TeamSections.writeService) }
            if let conway = teams.conway {
                table("conway", [conway]) { row, json in
                    json.beginObject()
                    TeamSections.writeConwayTotals(row, to: &json)
                    json.endObject()
                }
                table("conway_by_org_head", conway.byOrgHead, TeamSections.writeConwayOrgHead)
                table("conway_org_head_dependencies", conway.orgHeadDependencies, TeamSections.writeConwayDependency)
            }
        }
        if let positions = content.positions { table("positions", positions, PlanFields.writePosition) }
        table("findings", content.findings, DashboardDocument.writeFinding)
        table("data_quality_inputs", content.dataQuality, DashboardDocument.writeInput)
        let reading = content.dataQuality.first { $0.input == .people }?.reading
        table("data_quality_values", reading?.fields ?? [], DashboardDocument.writeValues)
        table("data_quality_unmapped", reading?.unmapped ?? [], DashboardDocument.writeUnmapped)
        table("data_quality_outcomes", DashboardDocument.outcomes(content.dataQuality), DashboardDocument.writeOutcome)
        if let changes = content.changes {
            table("changes", [changes]) { ChangesSection.writeObject($0, multiline: false, to: &$1) }
            record("changes_by_manager", changes.byManager, ChangesSection.writeManager)
            record("changes_by_org_head", changes.byOrgHead, ChangesSection.writeOrgHead)
            record("finding_changes", changes.findingChanges, ChangesSection.writeFinding)
        }
        return tables
    }
}
