import Foundation
import OrgLensModel

/// `#org-chart`: the management tree (managers only, never every IC) as nested boxes coloured by span band. The
/// page carries it as compact data and the browser draws a level only when it is opened, so a 100,000-person org
/// stays small and quick: open down to the org heads, the rest on demand or by search.
extension ReportPage {
    mutating func orgChart() {
        section("org-chart", "Org chart")
        html.raw("<p>Managers only, each with their span (direct reports) and org size; the left edge shows the span ")
        html.raw("band. Open a box to see the managers under it, or find one by id")
        if names != nil { html.raw(" or name") }
        html.raw(".</p><form class=\"search\" id=\"org-search-form\" role=\"search\"><label for=\"org-search\">Find ")
        html.raw("a manager</label> <input id=\"org-search\" type=\"search\" autocomplete=\"off\" placeholder=\"id")
        html.raw(names != nil ? " or name" : "")
        html.raw("\"> <button type=\"submit\">Find</button> <span id=\"org-search-result\" class=\"muted\"></span>")
        html.raw("</form><ul class=\"tree\" id=\"org-tree\"></ul></section>")
    }

    /// The tree's data: per manager `[id, parent row or -1, span, org size, band, row in the managers table,
    /// name or null, dotted reports or null, planned span or null]`, in the managers table's order (by layer, then
    /// id).
    mutating func orgChartData() {
        let managers = digest.managers.filter { scope?.managers.contains($0.id) ?? true }
        var rowOf: [String: Int] = [:]
        for (row, manager) in managers.enumerated() { rowOf[manager.id] = row }
        var data = "{\"open\":\(scope == nil ? dashboard["thresholds"]["org_layer"].int ?? 2 : 1),\"rows\":["
        for (row, manager) in managers.enumerated() {
            let parent = scope?.head == manager.id ? -1 : manager.managerID.flatMap { rowOf[$0] } ?? -1
            if row > 0 { data += "," }
            data += "[\(Self.jsonString(manager.id)),\(parent),\(manager.directReports),\(manager.orgSize),"
            data += "\(Self.jsonString(manager.band)),\(manager.index),"
            data += "\(names?.byID[manager.id].map(Self.jsonString) ?? "null"),"
            data += "\(manager.dottedReports.map(String.init) ?? "null"),"
            // Only where positions change it: the chart stays short where they do not.
            let planned = manager.plannedSpan.flatMap { $0 != manager.directReports ? $0 : nil }
            data += "\(planned.map(String.init) ?? "null")]"
        }
        data += "]}"
        html.raw("<script type=\"application/json\" id=\"org-data\">\(data)</script>")
    }

    /// A JSON string that can sit inside a `<script>` element (no `<`, so no `</script>`).
    static func jsonString(_ value: String) -> String {
        JSONString.quoted(value).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
