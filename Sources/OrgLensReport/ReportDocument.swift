import Foundation
import OrgLensContract
package import OrgLensModel

/// `report.html`: the one-page org audit a VP acts on, drawn from `dashboard.json` and the trend alone — it
/// computes nothing the dashboard does not publish (counts of published rows at most), and every number names its
/// dashboard field in a `data-field` attribute. Opens offline, loads nothing, byte-identical on rerun.
package enum ReportDocument {
    /// What the report may add to ids: names (with `outputs.report_names` and `name` in `privacy.publish`).
    package struct Names: Sendable {
        let byID: [String: String]
        package init(byID: [String: String]) { self.byID = byID }
    }

    /// The page for `dashboard` (the bytes of a `dashboard.json`); a clear error when they are not one.
    /// `digest`: the teams and services reduced (a run passes it with a dashboard rendered without them); nil reads
    /// them from `bytes`. `trend`: `history/trend.ndjson` with this night's record in it (records after the
    /// dashboard's `as_of` are left out). `orgHead`: the page for that org head's org only.
    package static func render(
        dashboard bytes: [UInt8], digest: ReportDigest? = nil, trend: [UInt8]? = nil, toolVersion: String,
        names: Names? = nil, orgHead: String? = nil
    ) throws(RunError) -> [UInt8] {
        guard let parsed = SchemaValue.parse(bytes), case .object = parsed else {
            throw RunError(
                .badData,
                "the dashboard is not a JSON object (or is nested deeper than \(SchemaValue.maxDepth) levels, which no OrgLens dashboard is); give a run directory made by orglens run."
            )
        }
        let dashboard = DashboardValue(parsed)
        let digest = digest ?? ReportDigest(dashboard: dashboard)
        var scope: ReportScope?
        if let orgHead {
            guard let found = ReportScope(orgHead: orgHead, dashboard: dashboard, managers: digest.managers) else {
                let heads = dashboard["org_heads"].array.prefix(5).compactMap { $0["id"].string }
                throw RunError(
                    .usage,
                    "--org-head \(orgHead) is not an org head of this run (org heads are the managers at layer \(dashboard["thresholds"]["org_layer"].int ?? 0)\(heads.isEmpty ? "" : ", e.g. \(heads.joined(separator: ", "))"))."
                )
            }
            scope = found
        }
        var page = ReportPage(
            dashboard: dashboard, digest: digest,
            trend: ReportTrend(trend ?? [], asOf: dashboard["as_of"].string ?? ""), names: names, scope: scope)
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
    let trend: ReportTrend
    let names: ReportDocument.Names?
    /// One org head's org, or nil for the whole org.
    let scope: ReportScope?
    /// A manager's position in `digest.managers` (and the dashboard's managers table), by id.
    let managerIndex: [String: Int]
    /// The findings the page shows (all, or those about the scope's org), with their dashboard positions.
    let visibleFindings: [(index: Int, value: DashboardValue)]
    var html = HTMLWriter()

    init(
        dashboard: DashboardValue, digest: ReportDigest, trend: ReportTrend, names: ReportDocument.Names?,
        scope: ReportScope?
    ) {
        self.dashboard = dashboard
        self.digest = digest
        self.trend = trend
        self.names = names
        self.scope = scope
        var index: [String: Int] = [:]
        for (position, manager) in digest.managers.enumerated() { index[manager.id] = position }
        managerIndex = index
        visibleFindings = dashboard["findings"].array.enumerated().map { (index: $0.offset, value: $0.element) }
            .filter { scope?.covers(subject: $0.value["subject"].string ?? "") ?? true }
    }

    /// The sections, in the order of the page; each can be linked to by its id.
    static let sections: [(id: String, title: String)] = [
        ("summary", "Summary"), ("actions", "What to do next"), ("trend", "Trend"), ("org-chart", "Org chart"),
        ("span", "Span of control"), ("layers", "Layers"), ("org-heads", "Org heads"), ("teams", "Teams and services"),
        ("cost", "Cost"), ("changes", "Changes"), ("data-quality", "Data quality"),
    ]

    mutating func render(toolVersion: String) {
        let asOf = dashboard["as_of"].string ?? ""
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportStyle.contentSecurityPolicy)\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.raw("<title>Org audit, as of ")
        html.text(asOf)
        html.raw("</title><style>\(ReportStyle.css)</style></head><body><main>")
        html.raw("<header><h1>Org audit")
        if let scope {
            html.raw(": the org of ")
            person(scope.head)
        }
        html.raw("</h1><p class=\"muted\">As of ")
        html.text(asOf)
        html.raw(". Ids only")
        if names != nil { html.raw(", with names") }
        html.raw(". Every number below is a field of this run's dashboard.json.</p><nav>")
        for (position, section) in Self.sections.enumerated() {
            if position > 0 { html.raw(" · ") }
            html.raw("<a href=\"#\(section.id)\">\(section.title)</a>")
        }
        html.raw("</nav></header>")
        summary()
        actions()
        trendSection()
        orgChart()
        span()
        layers()
        orgHeads()
        teams()
        cost()
        changes()
        dataQuality()
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
        html.raw("</footer></main>")
        orgChartData()
        html.raw("<script>\(ReportStyle.script)</script></body></html>\n")
    }

    mutating func section(_ id: String, _ title: String) {
        html.raw("<section id=\"\(id)\"><h2>")
        html.text(title)
        html.raw("</h2>")
    }

    /// For a section the one-org page leaves to the whole org's.
    mutating func wholeOrgOnly(_ id: String, _ title: String) -> Bool {
        guard scope != nil else { return false }
        section(id, title)
        html.raw("<p class=\"muted\">Published for the whole org only: see the whole org's report.</p></section>")
        return true
    }

    /// "and N more" under a list cut at `maxRows` (the dashboard has them all).
    mutating func more(_ count: Int, _ what: String) {
        guard count > 0 else { return }
        html.raw("<p class=\"muted\">… and \(ReportFormat.grouped(count)) more \(what).</p>")
    }

    mutating func person(_ id: String) {
        html.text(id)
        if let name = names?.byID[id] {
            html.raw(" <span class=\"muted\">(")
            html.text(name)
            html.raw(")</span>")
        }
    }

    mutating func card(_ label: String, _ body: (inout HTMLWriter) -> Void) {
        html.raw("<div class=\"card\"><span class=\"muted\">")
        html.text(label)
        html.raw("</span><span class=\"big\">")
        body(&html)
        html.raw("</span></div>")
    }

    /// What the page calls the people under an org head: engineers only when the shape rules are for engineering.
    var orgPeopleWord: String {
        let departments = dashboard["thresholds"]["org_heads"]["departments"].array.compactMap(\.string)
        return !departments.isEmpty && departments.allSatisfy { $0.lowercased().hasPrefix("engineering") }
            ? "engineers" : "people"
    }

    var currency: String { dashboard["cost_basis"]["currency"].string ?? "" }
}
