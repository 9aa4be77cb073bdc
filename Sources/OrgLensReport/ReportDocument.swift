import Foundation
import OrgLensContract
package import OrgLensModel

/// `report.html`: the one-page org audit for people who would rather look than read, drawn from `dashboard.json`
/// alone — it computes nothing the dashboard does not publish (counts of published rows at most), and every
/// number names its dashboard field in a `data-field` attribute. Opens offline, loads nothing, byte-identical on
/// rerun.
package enum ReportDocument {
    /// What the report may add to ids: names (with `outputs.report_names` and `name` in `privacy.publish`).
    package struct Names: Sendable {
        let byID: [String: String]
        package init(byID: [String: String]) { self.byID = byID }
    }

    /// The page for `dashboard` (the bytes of a `dashboard.json`); a clear error when they are not one.
    /// `digest`: the long tables reduced (a run passes it with a dashboard rendered without them); nil reads them
    /// from `bytes`.
    package static func render(
        dashboard bytes: [UInt8], digest: ReportDigest? = nil, toolVersion: String, names: Names? = nil
    ) throws(RunError) -> [UInt8] {
        guard let parsed = SchemaValue.parse(bytes), case .object = parsed else {
            throw RunError(
                .badData,
                "the dashboard is not a JSON object (or is nested deeper than \(SchemaValue.maxDepth) levels, which no OrgLens dashboard is); give a run directory made by orglens run."
            )
        }
        let dashboard = DashboardValue(parsed)
        var page = ReportPage(dashboard: dashboard, digest: digest ?? ReportDigest(dashboard: dashboard), names: names)
        page.render(toolVersion: toolVersion)
        return Array(page.html.text.utf8)
    }
}

/// The page, section by section.
struct ReportPage {
    /// Rows a table or chart shows before "and N more": a page stays readable, and small, whatever the dashboard.
    static let maxRows = 100

    let dashboard: DashboardValue
    let digest: ReportDigest
    let names: ReportDocument.Names?
    var html = HTMLWriter()

    init(dashboard: DashboardValue, digest: ReportDigest, names: ReportDocument.Names?) {
        self.dashboard = dashboard
        self.digest = digest
        self.names = names
    }

    mutating func render(toolVersion: String) {
        let asOf = dashboard["as_of"].string ?? ""
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportStyle.contentSecurityPolicy)\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.raw("<title>Org audit, as of ")
        html.text(asOf)
        html.raw("</title><style>\(ReportStyle.css)</style></head><body><main>")
        html.raw("<header><h1>Org audit</h1><p class=\"muted\">As of ")
        html.text(asOf)
        html.raw(". Ids only")
        if names != nil { html.raw(", with names") }
        html.raw(". Every number below is a field of this run's dashboard.json.</p></header>")
        headline()
        spanDistribution()
        spanByLayer()
        layerPyramid()
        orgHeads()
        findings()
        teams()
        costs()
        dataQuality()
        changes()
        html.raw("<footer>OrgLens ")
        html.text(toolVersion)
        html.raw(" · schema ")
        html.text(dashboard["schema_version"].string ?? "")
        html.raw(" · as of ")
        html.text(asOf)
        if names != nil {
            html.raw(
                " · <strong>This report holds personal data (names): keep it to the people entitled to it.</strong>")
        }
        html.raw("</footer></main><script>\(ReportStyle.script)</script></body></html>\n")
    }

    private mutating func section(_ id: String, _ title: String) {
        html.raw("<section id=\"\(id)\"><h2>")
        html.text(title)
        html.raw("</h2>")
    }

    /// "and N more" under a table cut at `maxRows` (the dashboard has them all).
    private mutating func more(_ count: Int, _ what: String) {
        guard count > 0 else { return }
        html.raw(
            "<p class=\"muted\">… and \(count) more \(what) (the first \(Self.maxRows) are shown; dashboard.json has them all).</p>"
        )
    }

    private mutating func person(_ id: String) {
        html.text(id)
        if let name = names?.byID[id] {
            html.raw(" <span class=\"muted\">(")
            html.text(name)
            html.raw(")</span>")
        }
    }

    private mutating func card(_ label: String, _ body: (inout HTMLWriter) -> Void) {
        html.raw("<div class=\"card\"><span class=\"muted\">")
        html.text(label)
        html.raw("</span><span class=\"big\">")
        body(&html)
        html.raw("</span></div>")
    }

    // MARK: Sections

    mutating func headline() {
        let summary = dashboard["summary"]
        section("headline", "Headline")
        html.raw("<div class=\"cards\">")
        card("People") { $0.number(summary["people"]) }
        card("Managers") { $0.number(summary["managers"]) }
        card("Layers") { $0.number(summary["max_layer"]) }
        card("Median span") { $0.number(summary["median_span"]) }
        card("In the healthy band") {
            $0.number(summary["span_healthy_share"], scale: 100, suffix: "%")
        }
        html.raw("</div>")
        let changes = dashboard["changes"]
        if changes["previous_as_of"].exists {
            html.raw("<p>Since ")
            html.text(changes["previous_as_of"].string ?? "")
            html.raw(": ")
            html.number(changes["joiners"])
            html.raw(" joined, ")
            html.number(changes["leavers"])
            html.raw(" left; the deepest layer was ")
            html.number(changes["max_layer_before"])
            html.raw(", now ")
            html.number(changes["max_layer_after"])
            html.raw(".</p>")
        }
        html.raw("</section>")
    }

    /// The bands of managers of individual contributors colour the chart; the table lists every role's.
    mutating func spanDistribution() {
        section("span-distribution", "Span of control")
        let bands = Array(dashboard["thresholds"]["span_bands"].array.prefix(Self.maxRows))
        let ics = bands.first { $0["role"].string == "manager_of_ics" }
        func band(_ span: Int) -> String? {
            guard let ics, let narrow = ics["narrow_max"].int, let healthy = ics["healthy_max"].int,
                let split = ics["split_at"].int
            else { return nil }
            return span <= narrow ? "narrow" : span <= healthy ? "healthy" : span < split ? "wide" : "split"
        }
        let allRows = dashboard["span_distribution"].array
        let rows = Array(allRows.prefix(Self.maxRows))
        html.raw("<div class=\"grid\"><div class=\"scroll\">")
        html.raw(
            ReportCharts.bars(
                rows.map {
                    ReportCharts.Bar(
                        label: "span \($0["span"].int ?? 0): \($0["managers"].int ?? 0) managers",
                        value: $0["managers"].double ?? 0, band: band($0["span"].int ?? 0))
                }, title: "Managers by number of direct reports",
                description: "One bar per span, coloured by the band for managers of individual contributors.",
                id: "spans"))
        html.raw("</div><div class=\"scroll\"><table class=\"sortable\"><caption>Managers per span</caption>")
        html.raw(
            "<thead><tr><th class=\"n\">Span</th><th class=\"n\">Managers</th><th>Band (managers of ICs)</th></tr></thead><tbody>"
        )
        for row in rows {
            html.raw("<tr><td class=\"n\">")
            html.number(row["span"])
            html.raw("</td><td class=\"n\">")
            html.number(row["managers"])
            html.raw("</td><td>")
            if let name = band(row["span"].int ?? 0) { html.raw("<span class=\"band band-\(name)\">\(name)</span>") }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
        more(allRows.count - rows.count, "spans")
        html.raw("</div></div>")
        html.raw("<div class=\"scroll\"><table><caption>Bands used, by role</caption><thead><tr><th>Role</th>")
        html.raw("<th class=\"n\">Narrow up to</th><th class=\"n\">Healthy up to</th><th class=\"n\">Split due at</th>")
        html.raw("</tr></thead><tbody>")
        for role in bands {
            html.raw("<tr><td>")
            html.text((role["role"].string ?? "").replacingOccurrences(of: "_", with: " "))
            for key in ["narrow_max", "healthy_max", "split_at"] {
                html.raw("</td><td class=\"n\">")
                html.number(role[key])
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div><p>Bands: ")
        for name in ["narrow", "healthy", "wide", "split"] {
            html.raw("<span class=\"band band-\(name)\">\(name)</span> ")
            html.number(dashboard["summary"]["span_\(name)"])
            html.raw(" managers; ")
        }
        html.raw("the band of each manager follows their role.</p></section>")
    }

    mutating func spanByLayer() {
        section("span-by-layer", "Span by layer")
        let allLayers = dashboard["layers"].array
        let layers = Array(allLayers.prefix(Self.maxRows))
        html.raw(
            ReportCharts.bars(
                layers.map {
                    ReportCharts.Bar(
                        label: "layer \($0["layer"].int ?? 0): mean span \($0["mean_span"].numberText ?? "n/a")",
                        value: $0["mean_span"].double ?? 0, band: nil)
                }, title: "Mean span per layer", description: "One bar per layer, top layer first.", id: "layers"))
        html.raw("<div class=\"scroll\"><table class=\"sortable\"><caption>Layers</caption><thead><tr>")
        html.raw(
            "<th class=\"n\">Layer</th><th class=\"n\">People</th><th class=\"n\">Managers</th><th class=\"n\">Mean span</th>"
        )
        html.raw("</tr></thead><tbody>")
        for layer in layers {
            html.raw("<tr>")
            for key in ["layer", "people", "managers", "mean_span"] {
                html.raw("<td class=\"n\">")
                html.number(layer[key])
                html.raw("</td>")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
        more(allLayers.count - layers.count, "layers")
        html.raw("</div></section>")
    }

    mutating func layerPyramid() {
        section("layer-pyramid", "Layer pyramid")
        let layers = Array(dashboard["layers"].array.prefix(Self.maxRows))
        html.raw(
            ReportCharts.pyramid(
                layers.map {
                    (
                        "layer \($0["layer"].int ?? 0): \($0["people"].int ?? 0) people, \($0["managers"].int ?? 0) managers",
                        $0["people"].double ?? 0
                    )
                }, title: "People per layer",
                description:
                    "One centred bar per layer, widest where most people are; the Layers table gives the figures."))
        html.raw("<p class=\"muted\">People and managers per layer are in the Layers table above.</p></section>")
    }

    mutating func orgHeads() {
        section("org-heads", "Org heads")
        let thresholds = dashboard["thresholds"]
        html.raw("<p>Org heads are the managers at layer ")
        html.number(thresholds["org_layer"])
        html.raw(". A healthy shape: ")
        html.number(thresholds["org_heads"]["min_em_reports"])
        html.raw(" to ")
        html.number(thresholds["org_heads"]["max_em_reports"])
        html.raw(" engineering managers reporting, at least ")
        html.number(thresholds["org_heads"]["min_engineers"])
        html.raw(" people in the org.</p>")
        let allHeads = dashboard["org_heads"].array
        let heads = Array(allHeads.prefix(Self.maxRows))
        let withCost = heads.contains { $0["cost_suppressed"].exists }
        html.raw(
            "<div class=\"scroll\"><table class=\"sortable\"><caption>Org heads</caption><thead><tr><th>Org head</th>")
        html.raw("<th class=\"n\">EM reports</th><th class=\"n\">IC reports</th><th class=\"n\">Engineers</th>")
        html.raw(
            "<th class=\"n\">Layers below</th><th>Shape</th>\(withCost ? "<th class=\"n\">Cost</th>" : "")</tr></thead><tbody>"
        )
        for head in heads {
            html.raw("<tr><td>")
            person(head["id"].string ?? "")
            for key in ["em_reports", "ic_reports", "engineers", "depth_below"] {
                html.raw("</td><td class=\"n\">")
                html.number(head[key])
            }
            html.raw("</td><td>")
            html.text((head["shape"].string ?? "").replacingOccurrences(of: "_", with: " "))
            if withCost {
                html.raw("</td><td class=\"n\">")
                cost(head)
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
        more(allHeads.count - heads.count, "org heads")
        html.raw("</div></section>")
    }

    private mutating func cost(_ record: DashboardValue) {
        if record["cost"].exists {
            html.number(record["cost"])
        } else {
            html.raw("<span class=\"suppressed\">suppressed</span>")
        }
    }

    /// Findings by rule: how many, and the subjects with the largest values.
    mutating func findings() {
        section("findings", "Findings")
        guard !digest.rules.isEmpty else {
            html.raw("<p>No findings.</p></section>")
            return
        }
        html.raw("<div class=\"scroll\"><table class=\"sortable\"><caption>Findings by rule</caption><thead><tr>")
        html.raw("<th>Rule</th><th>Severity</th><th class=\"n\">Count</th><th>Worst subjects</th></tr></thead><tbody>")
        for rule in digest.rules {
            html.raw("<tr><td>")
            html.text(rule.rule)
            html.raw("</td><td>")
            html.text(rule.severity)
            html.raw("</td><td class=\"n\">")
            html.count(rule.count, field: "count(findings[rule=\(rule.rule)])")
            html.raw("</td><td>")
            for (position, worst) in rule.worst.enumerated() {
                if position > 0 { html.raw(", ") }
                person(worst.subject)
                if let value = worst.value {
                    html.raw(" (")
                    html.number(DashboardValue(number: Double(value), path: "findings.\(worst.index).value"))
                    html.raw(")")
                }
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }

    mutating func teams() {
        guard let teamCount = digest.teamCount else { return }
        section("teams", "Teams and services")
        let rules = digest.rules
        let split = rules.first { $0.rule == "team.split_reporting" }?.count ?? 0
        let crossOrg = rules.first { $0.rule == "team.cross_org" }?.count ?? 0
        html.raw("<div class=\"cards\">")
        card("Teams") { $0.count(teamCount, field: "count(teams)") }
        card("Reporting to several managers") {
            $0.count(split, field: "count(findings[rule=team.split_reporting])")
        }
        card("Across org heads") { $0.count(crossOrg, field: "count(findings[rule=team.cross_org])") }
        if let services = digest.servicesByOwnership {
            for ownership in ["orphan", "single", "shared"] {
                card("Services, \(ownership) owner\(ownership == "single" ? "" : "s")") {
                    $0.count(services[ownership] ?? 0, field: "count(services[ownership=\(ownership)])")
                }
            }
        }
        html.raw("</div>")
        if !digest.leastAligned.isEmpty {
            html.raw(
                "<div class=\"scroll\"><table class=\"sortable\"><caption>Least aligned teams</caption><thead><tr>")
            html.raw(
                "<th>Team</th><th class=\"n\">Size</th><th class=\"n\">Reporting managers</th><th class=\"n\">Alignment</th>"
            )
            html.raw("</tr></thead><tbody>")
            for team in digest.leastAligned {
                html.raw("<tr><td>")
                html.text(team.id)
                html.raw("</td><td class=\"n\">")
                html.number(DashboardValue(number: Double(team.size), path: "teams.\(team.index).size"))
                html.raw("</td><td class=\"n\">")
                html.number(
                    DashboardValue(
                        number: Double(team.reportingManagers), path: "teams.\(team.index).reporting_managers"))
                html.raw("</td><td class=\"n\">")
                html.number(
                    DashboardValue(number: Double(team.alignment), path: "teams.\(team.index).alignment"), scale: 100,
                    suffix: "%")
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        html.raw("</section>")
    }

    mutating func costs() {
        let basis = dashboard["cost_basis"]
        guard basis.exists else { return }
        section("costs", "Cost")
        html.raw("<p>All-in cost in ")
        html.text(basis["currency"].string ?? "")
        html.raw(" (salary × ")
        html.number(basis["all_in_multiplier"])
        html.raw("), published only for groups of at least ")
        html.number(basis["min_group_size"])
        html.raw(" salaried people; withheld figures show as suppressed. Org heads' costs are in their table.</p>")
        let layers = Array(dashboard["cost_by_layer"].array.prefix(Self.maxRows))
        if !layers.isEmpty {
            html.raw("<div class=\"scroll\"><table class=\"sortable\"><caption>Cost by layer</caption><thead><tr>")
            html.raw(
                "<th class=\"n\">Layer</th><th class=\"n\">Headcount</th><th class=\"n\">Cost</th></tr></thead><tbody>")
            for layer in layers {
                html.raw("<tr><td class=\"n\">")
                html.number(layer["layer"])
                html.raw("</td><td class=\"n\">")
                html.number(layer["headcount"])
                html.raw("</td><td class=\"n\">")
                cost(layer)
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        html.raw("</section>")
    }

    mutating func dataQuality() {
        let quality = dashboard["data_quality"]
        section("data-quality", "Data quality")
        html.raw("<p>")
        html.number(quality["rows_read"])
        html.raw(" rows read → ")
        html.number(quality["in_org"])
        html.raw(" people in the org; ")
        html.number(quality["excluded"])
        html.raw(" excluded by policy; ")
        html.number(quality["quarantined"])
        html.raw(
            " quarantined (their rows, with what is wrong and how to fix it, are in quarantine.csv beside this report).</p>"
        )
        html.raw(
            "<div class=\"scroll\"><table class=\"sortable\"><caption>Rows by outcome and rule</caption><thead><tr>")
        html.raw("<th>Input</th><th>Outcome</th><th>Rule</th><th class=\"n\">Rows</th></tr></thead><tbody>")
        for outcome in quality["outcomes"].array where (outcome["rows"].int ?? 0) > 0 {
            html.raw("<tr><td>")
            html.text(outcome["input"].string ?? "")
            html.raw("</td><td>")
            html.text(outcome["outcome"].string ?? "")
            html.raw("</td><td>")
            html.text(outcome["rule"].string ?? "")
            html.raw("</td><td class=\"n\">")
            html.number(outcome["rows"])
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }

    mutating func changes() {
        let changes = dashboard["changes"]
        guard changes["previous_as_of"].exists else { return }
        section("changes", "Changes since the last run")
        html.raw("<p>Compared with the run of ")
        html.text(changes["previous_as_of"].string ?? "")
        html.raw(".</p>")
        guard changes["joiners"].exists else {
            html.raw(
                "<p>Ids could not be matched between the two runs (see the changes findings); no per-person change is reported.</p></section>"
            )
            return
        }
        html.raw(
            "<div class=\"scroll\"><table><caption>What changed</caption><thead><tr><th>Change</th><th class=\"n\">People</th></tr></thead><tbody>"
        )
        let rows: [(String, String)] = [
            ("joiners", "Joined"), ("leavers", "Left"), ("manager_changes", "Changed manager"),
            ("org_head_changes", "Changed org head"), ("team_changes", "Changed team"),
            ("became_managers", "Became managers"), ("stopped_managing", "Stopped managing"),
            ("span_band_changes", "Managers whose span band changed"), ("findings_opened", "Findings opened"),
            ("findings_resolved", "Findings resolved"),
        ]
        for (key, label) in rows {
            html.raw("<tr><td>")
            html.text(label)
            html.raw("</td><td class=\"n\">")
            html.number(changes[key])
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }
}
