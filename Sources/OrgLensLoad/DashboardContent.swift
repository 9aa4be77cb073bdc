package import OrgLensHistory
package import OrgLensMetrics
package import OrgLensModel

/// Everything one run publishes about the org, before it is laid out as `dashboard.json` or as
/// NDJSON tables.
package struct DashboardContent: Sendable {
    package let asOf: CivilDate
    package let metrics: OrgMetrics
    /// Present when a teams export was given.
    package let teams: TeamReport?
    package let orgHeads: [OrgHeadRecord]
    /// Present when the people export has salaries.
    package let costs: CostSection?
    package let findings: [Finding]
    /// Every input read, people first.
    package let dataQuality: [DataQuality]
    /// Dispatch workers for rendering the large tables; the bytes do not depend on it.
    package let workers: Int
    /// What changed since the run compared with (`run`, or `analyze --compare-to`).
    package let changes: Changes?
    /// The thresholds the run judged the org by.
    package let thresholds: ThresholdsSection?
    /// With a positions export: every position, by id.
    package var positions: [PositionRecord]?

    package init(
        asOf: CivilDate, metrics: OrgMetrics, teams: TeamReport? = nil, orgHeads: [OrgHeadRecord] = [],
        costs: CostSection? = nil, findings: [Finding], dataQuality: [DataQuality], workers: Int = 1,
        changes: Changes? = nil, thresholds: ThresholdsSection? = nil
    ) {
        self.changes = changes
        self.thresholds = thresholds
        self.workers = workers
        self.asOf = asOf
        self.metrics = metrics
        self.teams = teams
        self.orgHeads = orgHeads
        self.costs = costs
        self.findings = Finding.publishedSorted(findings)
        self.dataQuality = dataQuality
    }
}
