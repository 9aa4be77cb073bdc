/// One manager's row in the `managers` table.
public struct ManagerRecord: Sendable, Hashable {
    /// The manager's index in the `OrgGraph`: joins this row to other per-person figures.
    public let person: Int32
    public let id: String
    public let layer: Int
    public let directReports: Int
    public let directICs: Int
    public let directManagers: Int
    /// Everyone below, transitively, the manager excluded.
    public let orgSize: Int
    /// Deepest layer in the manager's org minus the manager's own layer.
    public let depthBelow: Int
    public let spanBand: SpanBands.Band
    public let role: ManagerRole
    /// Distinct known teams among direct reports; nil without a teams export.
    public let teamsSpanned: Int?
}

/// One row of the `layers` table.
public struct LayerRecord: Sendable, Hashable {
    public let layer: Int
    public let people: Int
    public let managers: Int
    /// Mean direct reports over this layer's managers; nil when the layer has none.
    public let meanSpan: Double?
}

/// One row of `span_distribution`: how many managers have exactly `span` direct reports.
public struct SpanCount: Sendable, Hashable {
    public let span: Int
    public let managers: Int
}

/// Org-wide figures.
public struct OrgSummary: Sendable, Hashable {
    public let people: Int
    public let managers: Int
    public let individualContributors: Int
    /// People in the org whose worker type means contractor; nil when the export has no worker type.
    public let contractors: Int?
    public let managersOfManagers: Int
    public let roots: Int
    public let orphans: Int
    /// People in detached subtrees (the orphans and everyone under them): on no layer of the org.
    public let detached: Int
    public let maxLayer: Int
    public let meanSpan: Double?
    public let medianSpan: Double?
    public let spanBands: [SpanBands.Band: Int]

    /// Managers in the healthy band ÷ managers; nil without managers.
    public var healthyShare: Double? {
        managers == 0 ? nil : Double(spanBands[.healthy] ?? 0) / Double(managers)
    }
}

/// Everything computed about the org's shape, ready to be written.
public struct OrgMetrics: Sendable {
    public let summary: OrgSummary
    public let spanDistribution: [SpanCount]
    public let layers: [LayerRecord]
    /// Ordered by layer, then id as bytes; managers in detached subtrees (layer 0) last.
    public let managers: [ManagerRecord]
}
