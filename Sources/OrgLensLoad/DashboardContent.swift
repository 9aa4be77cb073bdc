public import OrgLensHistory
public import OrgLensMetrics
public import OrgLensModel

/// Everything one run publishes about the org, before it is laid out as `dashboard.json` or as
/// NDJSON tables.
public struct DashboardContent: Sendable {
    public let asOf: CivilDate
    public let metrics: OrgMetrics
    /// Present when a teams export was given.
    public let teams: TeamReport?
    public let orgHeads: [OrgHeadRecord]
    /// Present when the people export has salaries.
    public let costs: CostSection?
    public let findings: [Finding]
    /// Every input read, people first.
    public let dataQuality: [DataQuality]
    /// Dispatch workers for rendering the large tables; the bytes do not depend on it.
    public let workers: Int
    /// What changed since the run compared with (`run`, or `analyze --compare-to`).
    public let changes: Changes?
    /// The thresholds the run judged the org by.
    public let thresholds: ThresholdsSection?

    public init(
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
