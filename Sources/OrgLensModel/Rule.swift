/// A data-quality or org-design rule id. The raw values are part of the output contract:
/// dashboards filter on them and pipelines fail runs on them, so never rename one.
package enum Rule: String, Sendable, CaseIterable, Comparable {
    // Rows that cannot enter the org (quarantine).
    case rowMissingID = "row.missing_id"
    case rowDuplicateID = "row.duplicate_id"
    case rowMalformed = "row.malformed"
    case managerCycle = "manager.cycle"

    // Rows left out of the org on purpose (policy).
    case policyInactiveStatus = "policy.inactive_status"
    case policyNotStarted = "policy.not_started"
    /// History rows of an effective-dated export: another row of the person is in force on `as_of`.
    case policySuperseded = "policy.superseded"
    /// A row with nothing in any column read (a spreadsheet's empty row): skipped, counted, never quarantined.
    case rowBlank = "row.blank"

    // Reporting structure.
    case managerSelf = "manager.self"
    case managerDangling = "manager.dangling"
    /// The manager's email or name matches several people: the person is kept as an orphan.
    case managerAmbiguous = "manager.ambiguous"
    case managerInactive = "manager.inactive"
    case orgMultipleRoots = "org.multiple_roots"

    // Dotted lines (a second manager in a matrix org): they never change the tree.
    /// A dotted-line manager who is no one in the org (or a name several people share).
    case managerDottedDangling = "manager.dotted_dangling"
    /// A dotted line to oneself or to one's own manager: it adds no second manager.
    case managerDottedSelf = "manager.dotted_self"
    /// More dotted-line managers than `thresholds.max_dotted_managers`.
    case matrixMany = "matrix.many"

    // Span of control.
    case spanNarrow = "span.narrow"
    case spanWide = "span.wide"
    case spanSplit = "span.split"
    case managerSingleReport = "manager.single_report"
    case managerLayerInflation = "manager.layer_inflation"

    // Teams, services and dependencies.
    case teamMissingID = "team.missing_id"
    case teamDuplicateID = "team.duplicate_id"
    case teamParentCycle = "team.parent_cycle"
    case serviceMissingID = "service.missing_id"
    case dependencyDangling = "dependency.dangling"
    case teamUnknown = "team.unknown"
    case teamLeadUnknown = "team.lead_unknown"
    case teamSplitReporting = "team.split_reporting"
    case teamCrossOrg = "team.cross_org"
    case teamUndersized = "team.undersized"
    case teamOversized = "team.oversized"
    case serviceOrphan = "service.orphan"
    case serviceShared = "service.shared"

    // Positions (open requisitions and hiring plans).
    case positionMissingID = "position.missing_id"
    case positionDuplicateID = "position.duplicate_id"
    /// A status, role, planned start or budget that cannot be read: the row is quarantined.
    case positionInvalidValue = "position.invalid_value"
    /// The hiring manager is no one in the org (or several people, or no one is named).
    case positionUnknownManager = "position.unknown_manager"
    /// Still open although its planned start has passed.
    case positionOverdue = "position.overdue"
    /// Direct reports plus planned positions reach the split band.
    case spanPlannedSplit = "span.planned_split"

    // Values that are present but unusable.
    case valueInvalidDate = "value.invalid_date"
    case valueInvalidSalary = "value.invalid_salary"

    // Org heads (directors).
    case orgHeadMixed = "org_head.mixed"
    case orgHeadTooFewEMReports = "org_head.too_few_em_reports"
    case orgHeadTooManyEMReports = "org_head.too_many_em_reports"
    case orgHeadTooSmall = "org_head.too_small"

    // Comparing with the previous run (history).
    case changesRekeyed = "changes.rekeyed"
    case changesKeyChanged = "changes.key_changed"
    /// A newer run's snapshot was damaged, foreign or future-dated and was skipped.
    case changesBaselineUnusable = "changes.baseline_unusable"

    package static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}
