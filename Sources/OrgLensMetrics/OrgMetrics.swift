package import OrgLensGraph

/// One manager's row in the `managers` table.
package struct ManagerRecord: Sendable, Hashable {
    /// The manager's index in the `OrgGraph`: joins this row to other per-person figures.
    package let person: Int32
    package let id: String
    /// Their own manager's id; nil for a root or an orphan (whose manager is not in the org).
    package let managerID: String?
    /// The org head above them (themself at `thresholds.org_layer`); nil above that layer or when detached.
    package let orgHead: String?
    package let layer: Int
    package let directReports: Int
    package let directICs: Int
    package let directManagers: Int
    /// Everyone below, transitively, the manager excluded.
    package let orgSize: Int
    /// Deepest layer in the manager's org minus the manager's own layer.
    package let depthBelow: Int
    package let spanBand: SpanBands.Band
    package let role: ManagerRole
    /// Distinct known teams among direct reports; nil without a teams export.
    package let teamsSpanned: Int?
    /// People with a dotted line to the manager; nil without a dotted-line column.
    package let dottedReports: Int?

    /// With a positions export: the open positions reporting to the manager and the span they plan.
    package var plan: ManagerPlan? = nil

    /// Direct plus dotted reports, each person once (a dotted line to one's own manager does not count).
    package var spanWithDotted: Int? { dottedReports.map { directReports + $0 } }
}

/// A manager's figures with the positions reporting to them counted in.
package struct ManagerPlan: Sendable, Hashable {
    /// Open and offer positions reporting to the manager, whatever their planned start.
    package let openPositions: Int
    /// Direct reports plus the planned positions reporting to the manager.
    package let plannedSpan: Int
    /// The band of the planned span, by the bands for the manager's role.
    package let plannedSpanBand: SpanBands.Band
    /// Org size plus the planned positions anywhere below the manager.
    package let plannedOrgSize: Int
}

/// One row of the `layers` table.
package struct LayerRecord: Sendable, Hashable {
    package let layer: Int
    package let people: Int
    package let managers: Int
    /// Mean direct reports over this layer's managers; nil when the layer has none.
    package let meanSpan: Double?
}

/// One row of `span_distribution`: how many managers have exactly `span` direct reports.
package struct SpanCount: Sendable, Hashable {
    package let span: Int
    package let managers: Int
}

/// Org-wide figures.
package struct OrgSummary: Sendable, Hashable {
    package let people: Int
    package let managers: Int
    package let individualContributors: Int
    /// People in the org whose worker type means contractor; nil when the export has no worker type.
    package let contractors: Int?
    package let managersOfManagers: Int
    package let roots: Int
    package let orphans: Int
    /// People in detached subtrees (the orphans and everyone under them): on no layer of the org.
    package let detached: Int
    package let maxLayer: Int
    package let meanSpan: Double?
    package let medianSpan: Double?
    package let spanBands: [SpanBands.Band: Int]
    /// People with at least one dotted-line manager; nil without a dotted-line column.
    package var dottedLines: Int?
    /// The positions export's counts; nil without one.
    package var positions: OpenPositions.Counts?

    /// Managers in the healthy band ÷ managers; nil without managers.
    package var healthyShare: Double? {
        managers == 0 ? nil : Double(spanBands[.healthy] ?? 0) / Double(managers)
    }
}

/// Everything computed about the org's shape, ready to be written.
package struct OrgMetrics: Sendable {
    package let summary: OrgSummary
    package let spanDistribution: [SpanCount]
    package let layers: [LayerRecord]
    /// Ordered by layer, then id as bytes; managers in detached subtrees (layer 0) last.
    package let managers: [ManagerRecord]
}
