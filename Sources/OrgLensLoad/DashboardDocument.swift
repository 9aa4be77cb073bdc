import OrgLensContract
import OrgLensMetrics
import OrgLensModel

/// `dashboard.json`, the contract with the BI dashboard. Every table is an array of flat records with
/// every key present; nothing in it depends on file paths, row order, worker count or the clock.
package enum DashboardDocument {
    /// Renders the document piece by piece into `emit`, handing over each large table as soon as it is
    /// rendered, so the document is never held whole.
    /// `forReport: true` leaves out the teams and services tables and every manager but the executives (the
    /// first rows, whose cost is the whole org's): the report reads them from their digest (`ReportDigest`), not
    /// row by row. It keeps the findings (its actions).
    package static func render(_ content: DashboardContent, forReport: Bool = false, emit: ([UInt8]) -> Void) {
        let (asOf, metrics, teams, orgHeads, costs, findings, dataQuality) = (
            content.asOf, content.metrics, content.teams, content.orgHeads, content.costs, content.findings,
            content.dataQuality
        )
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("schema_version", OutputContract.schemaVersion)
        json.field("as_of", asOf.description)
        content.thresholds?.write(to: &json)
        if let costs { costs.writeBasis(to: &json) }
        json.key("summary")
        writeSummary(metrics.summary, to: &json)
        json.key("span_distribution")
        json.beginArray(multiline: true)
        for row in metrics.spanDistribution { writeSpanCount(row, to: &json) }
        json.endArray()
        json.key("layers")
        json.beginArray(multiline: true)
        for row in metrics.layers { writeLayer(row, to: &json) }
        json.endArray()
        if let costs { costs.writeLayers(to: &json) }
        json.key("managers")
        json.beginArray(multiline: true)
        // Executives are the roots with reports, all on layer 1: the managers table's first rows.
        let managers = forReport ? Array(metrics.managers.prefix { $0.role == .executive }) : metrics.managers
        json.elements(managers, workers: content.workers, emit: emit) {
            writeManager($0, costs: costs, to: &$1)
        }
        json.endArray()
        OrgHeadSection.write(orgHeads, withTeams: teams != nil, withCosts: costs != nil, to: &json)
        if let teams, !forReport {
            TeamSections.write(teams, costs: costs, workers: content.workers, to: &json, emit: emit)
        }
        if let positions = content.positions, !forReport {
            json.key("positions")
            json.beginArray(multiline: true)
            json.elements(positions, workers: content.workers, emit: emit) { PlanFields.writePosition($0, to: &$1) }
            json.endArray()
        }
        json.key("findings")
        json.beginArray(multiline: true)
        json.elements(findings, workers: content.workers, emit: emit) { writeFinding($0, to: &$1) }
        json.endArray()
        json.key("data_quality")
        writeDataQuality(dataQuality, to: &json)
        if let changes = content.changes { ChangesSection.write(changes, to: &json) }
        json.endObject()
        json.finishedSegments().forEach(emit)
    }

    static func writeSpanCount(_ row: SpanCount, to json: inout JSONWriter) {
        json.beginObject()
        json.field("span", row.span)
        json.field("managers", row.managers)
        json.endObject()
    }

    static func writeLayer(_ row: LayerRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field("layer", row.layer)
        json.field("people", row.people)
        json.field("managers", row.managers)
        json.field("mean_span", decimal: row.meanSpan)
        json.endObject()
    }

    static func writeFinding(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule", finding.rule.rawValue)
        json.field("severity", finding.severity.rawValue)
        json.field("subject", finding.subject)
        json.field("value", decimal: finding.value)
        json.field("message", finding.message)
        json.endObject()
    }

    static func writeSummary(_ summary: OrgSummary, multiline: Bool = true, to json: inout JSONWriter) {
        json.beginObject(multiline: multiline)
        writeSummaryFields(summary, to: &json)
        json.endObject()
    }

    /// The summary's keys, into an object already open (the summary itself, or a trend record).
    static func writeSummaryFields(_ summary: OrgSummary, to json: inout JSONWriter) {
        json.field("people", summary.people)
        json.field("managers", summary.managers)
        json.field("individual_contributors", summary.individualContributors)
        json.field("contractors", summary.contractors)
        json.field("managers_of_managers", summary.managersOfManagers)
        json.field("roots", summary.roots)
        json.field("orphans", summary.orphans)
        json.field("detached", summary.detached)
        json.field("max_layer", summary.maxLayer)
        json.field("mean_span", decimal: summary.meanSpan)
        json.field("median_span", decimal: summary.medianSpan)
        json.field("dotted_lines", summary.dottedLines)
        if let positions = summary.positions { PlanFields.writeSummary(positions, to: &json) }
        for band in SpanBands.Band.allCases {
            json.field("span_\(band.rawValue)", summary.spanBands[band] ?? 0)
        }
        json.field("span_healthy_share", decimal: summary.healthyShare)
    }

    static func writeManager(_ row: ManagerRecord, costs: CostSection?, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", row.id)
        json.field("manager_id", row.managerID)
        json.field("org_head", row.orgHead)
        json.field("layer", row.layer)
        json.field("direct_reports", row.directReports)
        json.field("direct_ics", row.directICs)
        json.field("direct_managers", row.directManagers)
        json.field("org_size", row.orgSize)
        json.field("depth_below", row.depthBelow)
        json.field("span_band", row.spanBand.rawValue)
        json.field("role", row.role.rawValue)
        if let teamsSpanned = row.teamsSpanned { json.field("teams_spanned", teamsSpanned) }
        if let dotted = row.dottedReports, let spanWithDotted = row.spanWithDotted {
            json.field("dotted_reports", dotted)
            json.field("span_with_dotted", spanWithDotted)
        }
        if let plan = row.plan { PlanFields.writeManager(plan, to: &json) }
        if let costs, let figures = costs.rollups.subtree(of: Int(row.person)) { CostSection.write(figures, to: &json) }
        json.endObject()
    }

    /// People's counts at the top (the org), then every input and every outcome rule, zeros included.
    private static func writeDataQuality(_ inputs: [DataQuality], to json: inout JSONWriter) {
        let people = inputs.first { $0.input == .people }
        json.beginObject(multiline: true)
        json.field("rows_read", people?.rowsRead ?? 0)
        json.field("in_org", people?.accepted ?? 0)
        json.field("excluded", people?.excludedTotal ?? 0)
        json.field("quarantined", people?.quarantinedTotal ?? 0)
        if let reading = people?.reading { writeReading(reading, to: &json) }
        json.key("inputs")
        json.beginArray(multiline: true)
        for quality in inputs { writeInput(quality, to: &json) }
        json.endArray()
        json.key("outcomes")
        json.beginArray(multiline: true)
        for outcome in outcomes(inputs) { writeOutcome(outcome, to: &json) }
        json.endArray()
        json.endObject()
    }

    /// What `auto` became, unreadable values per typed field, and values no vocabulary knew.
    private static func writeReading(_ reading: SourceReading, to json: inout JSONWriter) {
        json.field("manager_ref", reading.managerReference)
        json.field("date_format", reading.dateFormat)
        json.field("zero_pay", reading.zeroPay)
        json.key("values")
        json.beginArray(multiline: true)
        for field in reading.fields { writeValues(field, to: &json) }
        json.endArray()
        json.key("unmapped")
        json.beginArray(multiline: true)
        for value in reading.unmapped { writeUnmapped(value, to: &json) }
        json.endArray()
    }

    static func writeValues(_ field: SourceReading.Field, to json: inout JSONWriter) {
        json.beginObject()
        json.field("field", field.field)
        json.field("non_empty", field.nonEmpty)
        json.field("unreadable", field.unreadable)
        json.endObject()
    }

    static func writeUnmapped(_ value: SourceReading.Unmapped, to json: inout JSONWriter) {
        json.beginObject()
        json.field("field", value.field)
        json.field("value", value.value)
        json.field("rows", value.rows)
        json.endObject()
    }

    static func writeInput(_ quality: DataQuality, to json: inout JSONWriter) {
        json.beginObject()
        json.field("input", quality.input.rawValue)
        json.field("rows_read", quality.rowsRead)
        json.field("accepted", quality.accepted)
        json.field("excluded", quality.excludedTotal)
        json.field("quarantined", quality.quarantinedTotal)
        json.endObject()
    }

    struct Outcome: Sendable {
        let input: DataQuality.Input
        let outcome: String
        let rule: Rule
        let rows: Int
    }

    /// Every exclusion and quarantine rule of every input, zeros included.
    static func outcomes(_ inputs: [DataQuality]) -> [Outcome] {
        inputs.flatMap { quality in
            quality.input.exclusionRules.map {
                Outcome(input: quality.input, outcome: "excluded", rule: $0, rows: quality.excluded[$0] ?? 0)
            }
                + quality.input.quarantineRules.map {
                    Outcome(input: quality.input, outcome: "quarantined", rule: $0, rows: quality.quarantined[$0] ?? 0)
                }
        }
    }

    static func writeOutcome(_ outcome: Outcome, to json: inout JSONWriter) {
        json.beginObject()
        json.field("input", outcome.input.rawValue)
        json.field("outcome", outcome.outcome)
        json.field("rule", outcome.rule.rawValue)
        json.field("rows", outcome.rows)
        json.endObject()
    }
}
