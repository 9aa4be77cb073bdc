import Foundation
package import OrgLensMetrics
package import OrgLensModel

/// What the report shows of the long tables (findings, teams, services, managers), reduced once: per rule its
/// count and worst subjects, the least aligned teams, services per ownership, and per manager what the org chart
/// and the actions need. Made from the typed content in a run and
/// from `dashboard.json` for `orglens report`; a test holds the two to the same bytes. Every row keeps its index
/// in the dashboard, so the page can still name each number's field.
package struct ReportDigest: Sendable {
    struct Rule: Sendable {
        let rule: String
        let severity: String
        let count: Int
        let worst: [(index: Int, subject: String, value: Double?)]
    }

    struct Team: Sendable {
        let index: Int
        let id: String
        let size: Int
        let reportingManagers: Int
        let alignment: Double
    }

    /// One manager as the org chart, the actions and one org's page use them; `index` is the row in `managers`.
    struct Manager: Sendable {
        let index: Int
        let id: String
        let managerID: String?
        let layer: Int
        let directReports: Int
        let orgSize: Int
        let band: String
        let role: String
        let dottedReports: Int?
        let spanWithDotted: Int?
        /// With a positions export: direct reports plus planned positions.
        let plannedSpan: Int?
    }

    let rules: [Rule]
    /// Every manager, in the managers table's order. A run hands them over typed, so the report never renders and
    /// parses again the longest table of the dashboard (150,000 rows at a million people).
    let managers: [Manager]
    /// nil without a teams export.
    let teamCount: Int?
    let leastAligned: [Team]
    /// nil without a services export.
    let servicesByOwnership: [String: Int]?

    /// A value as `dashboard.json` writes it: rounded half away from zero to four decimals.
    static func published(_ value: Double) -> Double { (value * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000 }

    static let worstShown = 5
    static let teamsShown = 10

    /// In a run: from the findings, teams and services as published (findings in published order).
    package init(findings: [Finding], teams: [TeamRecord]?, services: [ServiceRecord]?, managers: [ManagerRecord]) {
        self.init(
            managers: managers.enumerated().map { index, row in
                Manager(
                    index: index, id: row.id, managerID: row.managerID, layer: row.layer,
                    directReports: row.directReports, orgSize: row.orgSize, band: row.spanBand.rawValue,
                    role: row.role.rawValue, dottedReports: row.dottedReports, spanWithDotted: row.spanWithDotted,
                    plannedSpan: row.plan?.plannedSpan)
            },
            findings: findings.map {
                ($0.rule.rawValue, $0.severity.rawValue, $0.subject, $0.value.map(Self.published))
            },
            teams: teams.map { $0.map { ($0.id, $0.size, $0.reportingManagers, $0.alignment.map(Self.published)) } },
            ownership: services.map { $0.map(\.ownership.rawValue) })
    }

    /// For `orglens report`: from the tables of a `dashboard.json`.
    init(dashboard: DashboardValue) {
        self.init(
            managers: dashboard["managers"].array.enumerated().map { index, row in
                Manager(
                    index: index, id: row["id"].string ?? "", managerID: row["manager_id"].string,
                    layer: row["layer"].int ?? 0, directReports: row["direct_reports"].int ?? 0,
                    orgSize: row["org_size"].int ?? 0, band: row["span_band"].string ?? "",
                    role: row["role"].string ?? "", dottedReports: row["dotted_reports"].int,
                    spanWithDotted: row["span_with_dotted"].int, plannedSpan: row["planned_span"].int)
            },
            findings: dashboard["findings"].array.map {
                ($0["rule"].string ?? "", $0["severity"].string ?? "", $0["subject"].string ?? "", $0["value"].double)
            },
            teams: dashboard["teams"].exists
                ? dashboard["teams"].array.map {
                    (
                        $0["id"].string ?? "", $0["size"].int ?? 0, $0["reporting_managers"].int ?? 0,
                        $0["alignment"].double
                    )
                } : nil,
            ownership: dashboard["services"].exists
                ? dashboard["services"].array.map { $0["ownership"].string ?? "" } : nil)
    }

    private init(
        managers: [Manager], findings: [(rule: String, severity: String, subject: String, value: Double?)],
        teams: [(id: String, size: Int, reportingManagers: Int, alignment: Double?)]?, ownership: [String]?
    ) {
        self.managers = managers
        var order: [String] = []
        var byRule: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            if byRule[finding.rule] == nil { order.append(finding.rule) }
            byRule[finding.rule, default: []].append(index)
        }
        rules = order.map { rule in
            let indices = byRule[rule]!
            // Largest value first; ties keep the published order.
            let worst = indices.enumerated().sorted { lhs, rhs in
                let (left, right) = (findings[lhs.element].value ?? 0, findings[rhs.element].value ?? 0)
                return left != right ? left > right : lhs.offset < rhs.offset
            }.prefix(Self.worstShown).map {
                (index: $0.element, subject: findings[$0.element].subject, value: findings[$0.element].value)
            }
            return Rule(rule: rule, severity: findings[indices[0]].severity, count: indices.count, worst: Array(worst))
        }
        teamCount = teams?.count
        leastAligned = (teams ?? []).enumerated().compactMap { index, team in
            team.alignment.map {
                Team(
                    index: index, id: team.id, size: team.size, reportingManagers: team.reportingManagers, alignment: $0
                )
            }
        }.enumerated().sorted { lhs, rhs in
            lhs.element.alignment != rhs.element.alignment
                ? lhs.element.alignment < rhs.element.alignment : lhs.offset < rhs.offset
        }.prefix(Self.teamsShown).map(\.element)
        servicesByOwnership = ownership.map { values in
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts
        }
    }
}
