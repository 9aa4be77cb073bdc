import Foundation

/// `#span`, `#layers` and `#org-heads`: how the org is built.
extension ReportPage {
    /// The bands of managers of individual contributors colour the chart; the table lists every role's.
    func band(ofSpan span: Int) -> String? {
        let bands = dashboard["thresholds"]["span_bands"].array
        guard let ics = bands.first(where: { $0["role"].string == "manager_of_ics" }),
            let narrow = ics["narrow_max"].int, let healthy = ics["healthy_max"].int, let split = ics["split_at"].int
        else { return nil }
        return span <= narrow ? "narrow" : span <= healthy ? "healthy" : span < split ? "wide" : "split"
    }

    mutating func span() {
        if scope != nil {
            scopedManagers()
            return
        }
        section("span", "Span of control")
        let bands = Array(dashboard["thresholds"]["span_bands"].array.prefix(Self.maxRows))
        let allRows = dashboard["span_distribution"].array
        let rows = Array(allRows.prefix(Self.maxRows))
        html.raw("<p>Bands: ")
        for name in ["narrow", "healthy", "wide", "split"] {
            html.raw("<span class=\"band band-\(name)\">\(name)</span> ")
            html.number(dashboard["summary"]["span_\(name)"])
            html.raw(dashboard["summary"]["span_\(name)"].int == 1 ? " manager; " : " managers; ")
        }
        html.raw("the band of each manager follows their role. Mean span ")
        html.number(dashboard["summary"]["mean_span"], .oneDecimal)
        html.raw(", median ")
        html.number(dashboard["summary"]["median_span"], .oneDecimal)
        html.raw(".</p>")
        html.raw(
            ReportCharts.bars(
                rows.map {
                    ReportCharts.Bar(
                        label: String($0["span"].int ?? 0),
                        detail: "span \($0["span"].int ?? 0): \($0["managers"].int ?? 0) managers",
                        value: $0["managers"].double ?? 0, band: band(ofSpan: $0["span"].int ?? 0))
                }, title: "Managers by number of direct reports",
                description: "One bar per span, coloured by the band for managers of individual contributors.",
                id: "spans", xCaption: "direct reports (span)", yCaption: "managers"))
        more(allRows.count - rows.count, "spans (dashboard.json has them all)")
        html.raw("<div class=\"scroll\"><table class=\"stack\"><caption>Bands used, by role</caption><thead><tr>")
        html.raw("<th>Role</th><th class=\"n\">Narrow up to</th><th class=\"n\">Healthy up to</th>")
        html.raw("<th class=\"n\">Split due at</th></tr></thead><tbody>")
        for role in bands {
            html.raw("<tr><td data-label=\"Role\">")
            html.text((role["role"].string ?? "").replacingOccurrences(of: "_", with: " "))
            for (key, label) in [
                ("narrow_max", "Narrow up to"), ("healthy_max", "Healthy up to"), ("split_at", "Split at"),
            ] {
                html.raw("</td><td class=\"n\" data-label=\"\(label)\">")
                html.number(role[key])
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }

    /// The one-org page's span section: the org's managers, widest first.
    private mutating func scopedManagers() {
        section("span", "Span of control")
        guard let scope else { return }
        // Widest first; ties keep the table's order.
        let managers = digest.managers.filter { scope.managers.contains($0.id) }
            .sorted { $0.directReports != $1.directReports ? $0.directReports > $1.directReports : $0.index < $1.index }
        html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Managers in this org, widest first")
        html.raw("</caption><thead><tr><th>Manager</th><th class=\"n\">Layer</th><th class=\"n\">Span</th>")
        let dotted = managers.contains { $0.dottedReports != nil }
        let planned = managers.contains { $0.plannedSpan != nil }
        html.raw("<th>Band</th>\(dotted ? "<th class=\"n\">Span with dotted</th>" : "")")
        html.raw("\(planned ? "<th class=\"n\">Planned span</th>" : "")<th class=\"n\">Org size</th>")
        html.raw("</tr></thead><tbody>")
        for manager in managers.prefix(Self.maxRows) {
            // Numbers still name their place in the dashboard's managers table.
            func field(_ key: String, _ value: Int?) -> DashboardValue {
                value.map { DashboardValue(number: Double($0), path: "managers.\(manager.index).\(key)") }
                    ?? DashboardValue(nil, path: "managers.\(manager.index).\(key)")
            }
            html.raw("<tr><td data-label=\"Manager\">")
            person(manager.id)
            html.raw("</td><td class=\"n\" data-label=\"Layer\">")
            html.number(field("layer", manager.layer))
            html.raw("</td><td class=\"n\" data-label=\"Span\">")
            html.number(field("direct_reports", manager.directReports))
            html.raw("</td><td data-label=\"Band\">")
            let band = HTMLWriter.escaped(manager.band)
            html.raw("<span class=\"band band-\(band)\">\(band)</span>")
            if dotted {
                html.raw("</td><td class=\"n\" data-label=\"Span with dotted\">")
                html.number(field("span_with_dotted", manager.spanWithDotted))
            }
            if planned {
                html.raw("</td><td class=\"n\" data-label=\"Planned span\">")
                html.number(field("planned_span", manager.plannedSpan))
            }
            html.raw("</td><td class=\"n\" data-label=\"Org size\">")
            html.number(field("org_size", manager.orgSize))
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div>")
        more(managers.count - min(managers.count, Self.maxRows), "managers (dashboard.json has them all)")
        html.raw("</section>")
    }

    mutating func layers() {
        if wholeOrgOnly("layers", "Layers") { return }
        section("layers", "Layers")
        let summary = dashboard["summary"]
        if (summary["detached"].int ?? 0) > 0 {
            html.raw("<p>")
            html.number(summary["detached"])
            html.raw(
                " people sit under managers missing from the export (orphans and their reports): they are on no layer; fix their managers in the HRIS (see What to do next).</p>"
            )
        }
        let allLayers = dashboard["layers"].array
        let layers = Array(allLayers.prefix(Self.maxRows))
        html.raw("<div class=\"grid\"><div>")
        html.raw(
            ReportCharts.pyramid(
                layers.map { (layer: $0["layer"].int ?? 0, people: $0["people"].double ?? 0) },
                title: "People per layer",
                description: "One centred bar per layer, top layer first, widest where most people are."))
        html.raw("</div><div>")
        html.raw(
            ReportCharts.bars(
                layers.map {
                    ReportCharts.Bar(
                        label: String($0["layer"].int ?? 0),
                        detail: "layer \($0["layer"].int ?? 0): mean span \($0["mean_span"].numberText ?? "n/a")",
                        value: $0["mean_span"].double ?? 0, band: nil)
                }, title: "Mean span per layer", description: "One bar per layer, top layer first.", id: "layers",
                xCaption: "layer", yCaption: "mean span"))
        html.raw("</div></div>")
        html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Layers</caption><thead><tr>")
        html.raw("<th class=\"n\">Layer</th><th class=\"n\">People</th><th class=\"n\">Managers</th>")
        html.raw("<th class=\"n\">Mean span</th></tr></thead><tbody>")
        for layer in layers {
            html.raw("<tr>")
            for (key, label) in [("layer", "Layer"), ("people", "People"), ("managers", "Managers")] {
                html.raw("<td class=\"n\" data-label=\"\(label)\">")
                html.number(layer[key])
                html.raw("</td>")
            }
            html.raw("<td class=\"n\" data-label=\"Mean span\">")
            html.number(layer["mean_span"], .oneDecimal)
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
        more(allLayers.count - layers.count, "layers (dashboard.json has them all)")
        html.raw("</div></section>")
    }

    mutating func orgHeads() {
        section("org-heads", "Org heads")
        let thresholds = dashboard["thresholds"]
        let word = orgPeopleWord
        html.raw("<p>Org heads are the managers at layer ")
        html.number(thresholds["org_layer"])
        html.raw(". A healthy shape: ")
        html.number(thresholds["org_heads"]["min_em_reports"])
        html.raw(" to ")
        html.number(thresholds["org_heads"]["max_em_reports"])
        html.raw(" managers reporting, at least ")
        html.number(thresholds["org_heads"]["min_engineers"])
        html.raw(" \(word) in the org")
        let departments = thresholds["org_heads"]["departments"].array.compactMap(\.string)
        if !departments.isEmpty {
            html.raw(", for org heads in ")
            html.text(departments.joined(separator: ", "))
            html.raw(" (others are not judged)")
        }
        html.raw(".</p>")
        let allHeads = dashboard["org_heads"].array
        let heads =
            scope.map { [allHeads[$0.headIndex]] } ?? Array(allHeads.prefix(Self.maxRows))
        let withCost = heads.contains { $0["cost_suppressed"].exists }
        html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Org heads</caption><thead><tr>")
        html.raw("<th>Org head</th><th class=\"n\">Managers reporting</th><th class=\"n\">ICs reporting</th>")
        html.raw("<th class=\"n\">\(word.capitalized)</th><th class=\"n\">Layers below</th><th>Shape</th>")
        html.raw(withCost ? "<th class=\"n\">Cost</th>" : "")
        html.raw("</tr></thead><tbody>")
        for head in heads {
            html.raw("<tr><td data-label=\"Org head\">")
            person(head["id"].string ?? "")
            for (key, label) in [
                ("em_reports", "Managers"), ("ic_reports", "ICs"), ("engineers", word.capitalized),
                ("depth_below", "Layers below"),
            ] {
                html.raw("</td><td class=\"n\" data-label=\"\(label)\">")
                html.number(head[key])
            }
            html.raw("</td><td data-label=\"Shape\">")
            html.text((head["shape"].string ?? "").replacingOccurrences(of: "_", with: " "))
            if withCost {
                html.raw("</td><td class=\"n\" data-label=\"Cost\">")
                cost(of: head)
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table>")
        if scope == nil { more(allHeads.count - heads.count, "org heads (dashboard.json has them all)") }
        html.raw("</div></section>")
    }
}
