import Foundation
import OrgLensModel
import OrgLensReport
import OrgLensTestSupport
import Testing

/// What a VP acts on: the actions, the trend, the org chart, the cost with its reasons, one org head's page.
@Suite struct ReportPageTests {
    static let dashboardPath = TestPaths.cases.appendingPathComponent("engineering-org-teams/expected/dashboard.json")
        .path
    static let costsPath = TestPaths.cases.appendingPathComponent("costs-directors/expected/dashboard.json").path
    static let historyPath = TestPaths.cases.deletingLastPathComponent().appendingPathComponent("history/expected")

    func page(_ dashboard: [UInt8], trend: [UInt8]? = nil, orgHead: String? = nil) throws -> String {
        String(
            decoding: try ReportDocument.render(dashboard: dashboard, trend: trend, toolVersion: "t", orgHead: orgHead),
            as: UTF8.self)
    }

    func dashboard(_ path: String) throws -> (bytes: [UInt8], json: [String: Any]) {
        let data = try #require(FileManager.default.contents(atPath: path))
        return (Array(data), try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    @Test func everySectionCanBeLinkedTo() throws {
        let html = try page(try dashboard(Self.dashboardPath).bytes)
        for id in [
            "summary", "actions", "trend", "org-chart", "span", "layers", "org-heads", "teams", "cost", "changes",
            "data-quality",
        ] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
            #expect(html.contains("<a href=\"#\(id)\">"), "\(id)")
        }
    }

    @Test func actionsNameEveryManagerDueForASplitWithFigureAndLimit() throws {
        let (bytes, json) = try dashboard(Self.dashboardPath)
        let html = try page(bytes)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let splits = findings.filter { $0["rule"] as? String == "span.split" }.compactMap { $0["subject"] as? String }
        #expect(!splits.isEmpty)
        for subject in splits {
            #expect(html.contains("data-rule=\"span.split\" data-subject=\"\(subject)\""), "\(subject)")
        }
        #expect(html.contains("at or over the split point of <span class=\"num\" data-field=\"thresholds.span_bands."))
        // Actions come before the trend, which comes before the org chart.
        let order = ["id=\"actions\"", "id=\"trend\"", "id=\"org-chart\""].map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func theTrendHasAPointPerNight() throws {
        let night3 = Self.historyPath.appendingPathComponent("night-3/dashboard.json").path
        let trend = try #require(
            FileManager.default.contents(atPath: Self.historyPath.appendingPathComponent("trend.ndjson").path))
        let html = try page(try dashboard(night3).bytes, trend: Array(trend))
        let charts = html.components(separatedBy: "<svg").dropFirst().filter { $0.contains("id=\"chart-trend-") }
        #expect(charts.count == 6)
        for chart in charts {
            #expect(chart.components(separatedBy: "class=\"point\"").count - 1 == 3)
            #expect(chart.contains("2026-11-01") && chart.contains("2026-11-03"))
        }
        // One night: no chart, and the page says why.
        let single = try page(try dashboard(night3).bytes)
        #expect(!single.contains("chart-trend-") && single.contains("needs two published nights"))
    }

    @Test func chartsHaveAxisText() throws {
        let html = try page(try dashboard(Self.dashboardPath).bytes)
        for chart in html.components(separatedBy: "<svg").dropFirst() {
            #expect(chart.components(separatedBy: "<text").count > 3, "\(chart.prefix(120))")
        }
    }

    @Test func withheldCostsSayWhy() throws {
        let (bytes, json) = try dashboard(Self.costsPath)
        let html = try page(bytes)
        let heads = try #require(json["org_heads"] as? [[String: Any]])
        #expect(heads.contains { $0["cost_suppressed"] as? Bool == true })
        #expect(!html.contains(">suppressed<"))
        #expect(
            html.contains("withheld: fewer than") || html.contains("withheld: withheld so that a smaller group"))
        // The whole org's cost, with its currency.
        #expect(html.contains("The whole org&#39;s cost") || html.contains("The whole org's cost"))
    }

    @Test func numbersAreFormattedForReading() {
        #expect(ReportFormat.grouped("40583000") == "40,583,000")
        #expect(ReportFormat.grouped("-1234.5") == "-1,234.5")
        #expect(ReportFormat.oneDecimal(4.8571) == "4.9")
        #expect(ReportFormat.percent(0.5238) == "52.4%")
    }

    @Test func theOrgChartCarriesEveryManagerWithItsParent() throws {
        let (bytes, json) = try dashboard(Self.dashboardPath)
        let html = try page(bytes)
        let managers = try #require(json["managers"] as? [[String: Any]])
        let data = try #require(html.firstRange(of: "<script type=\"application/json\" id=\"org-data\">"))
        let end = try #require(html[data.upperBound...].firstRange(of: "</script>"))
        let tree = try #require(
            try JSONSerialization.jsonObject(with: Data(html[data.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        let rows = try #require(tree["rows"] as? [[Any]])
        #expect(rows.count == managers.count)
        for (row, manager) in zip(rows, managers) {
            #expect(row[0] as? String == manager["id"] as? String)
            let parent = row[1] as? Int ?? -2
            #expect((parent < 0 ? nil : rows[parent][0] as? String) == manager["manager_id"] as? String)
        }
    }

    @Test func oneOrgHeadsPageShowsOnlyTheirOrg() throws {
        let (bytes, json) = try dashboard(Self.dashboardPath)
        let heads = try #require(json["org_heads"] as? [[String: Any]])
        let head = try #require(heads.first?["id"] as? String)
        let other = try #require(heads.last?["id"] as? String)
        let html = try page(bytes, orgHead: head)
        #expect(html.contains("the org of \(head)"))
        #expect(!html.contains("[\"\(other)\","), "another org head is not in this org's chart")
        #expect(throws: RunError.self) { try page(bytes, orgHead: "NOBODY") }
    }
}
