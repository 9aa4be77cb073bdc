import Foundation

/// `#summary` and `#trend`: the org at a glance, and how it moved night by night.
extension ReportPage {
    mutating func summary() {
        section("summary", "Summary")
        html.raw("<div class=\"cards\">")
        if let scope {
            let head = dashboard["org_heads"][scope.headIndex]
            card("People in the org") { $0.number(head["engineers"]) }
            card("Managers reporting") { $0.number(head["em_reports"]) }
            card("Layers below") { $0.number(head["depth_below"]) }
            card("Shape") { $0.text((head["shape"].string ?? "").replacingOccurrences(of: "_", with: " ")) }
            html.raw("</div>")
        } else {
            let summary = dashboard["summary"]
            card("People") { $0.number(summary["people"]) }
            card("Managers") { $0.number(summary["managers"]) }
            card("Layers") { $0.number(summary["max_layer"]) }
            card("Median span") { $0.number(summary["median_span"], .oneDecimal) }
            card("In the healthy band") { $0.number(summary["span_healthy_share"], .percent) }
            card("Due for a split") { $0.number(summary["span_split"]) }
            if summary["dotted_lines"].exists {
                card("With a dotted-line manager") { $0.number(summary["dotted_lines"]) }
            }
            if summary["planned_positions"].exists {
                card("Planned hires (by the horizon)") { $0.number(summary["planned_positions"]) }
                card("Open past their start") { $0.number(summary["overdue_positions"]) }
            }
            html.raw("</div>")
            let changes = dashboard["changes"]
            if changes["previous_as_of"].exists && changes["joiners"].exists {
                html.raw("<p>Since ")
                html.text(changes["previous_as_of"].string ?? "")
                html.raw(": ")
                html.number(changes["joiners"])
                html.raw(" joined, ")
                html.number(changes["leavers"])
                html.raw(" left, ")
                html.number(changes["manager_changes"])
                html.raw(" changed manager; the deepest layer was ")
                html.number(changes["max_layer_before"])
                html.raw(", now ")
                html.number(changes["max_layer_after"])
                html.raw(".</p>")
            }
        }
        html.raw("</section>")
    }

    /// What each trend chart draws: the record's key, the chart's title, how a value is written.
    static let trendCharts: [(key: String, title: String, format: @Sendable (Double) -> String)] = [
        ("people", "People", { ReportFormat.tick($0) }),
        ("managers", "Managers", { ReportFormat.tick($0) }),
        ("max_layer", "Deepest layer", { ReportFormat.tick($0) }),
        ("median_span", "Median span", { ReportFormat.oneDecimal($0) }),
        ("span_healthy_share", "Share of managers in the healthy band", { ReportFormat.percent($0) }),
        ("open_findings", "Open findings", { ReportFormat.tick($0) }),
    ]

    mutating func trendSection() {
        if wholeOrgOnly("trend", "Trend") { return }
        section("trend", "Trend")
        let records = trend.records
        guard records.count >= 2 else {
            html.raw(
                "<p class=\"muted\">The trend needs two published nights or more; this outputs directory has \(records.count). Each nightly run adds one (history/trend.ndjson).</p></section>"
            )
            return
        }
        let days = trend.days
        html.raw("<p>")
        html.raw(ReportFormat.grouped(records.count))
        html.raw(" published nights, ")
        html.text(days.first ?? "")
        html.raw(" to ")
        html.text(days.last ?? "")
        html.raw(" (history/trend.ndjson).</p><div class=\"grid\">")
        for chart in Self.trendCharts {
            let values = records.map { $0[chart.key].double }
            html.raw("<figure><figcaption>")
            html.text(chart.title)
            html.raw("</figcaption>")
            html.raw(
                ReportCharts.line(
                    ReportCharts.Series(
                        title: chart.title, id: "trend-\(chart.key)", values: values, format: chart.format),
                    days: days))
            html.raw("</figure>")
        }
        html.raw("</div></section>")
    }
}
