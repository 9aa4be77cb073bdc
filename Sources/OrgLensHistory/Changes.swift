public import OrgLensMetrics
public import OrgLensModel

/// What changed between two runs of the same org: the counts the dashboard's `changes` object publishes,
/// the tables per manager and per org head, the findings opened and resolved, and (for the 0600 people-level
/// table only) each individual change.
public struct Changes: Sendable {
    public struct Counts: Sendable, Equatable {
        public var joiners = 0
        public var leavers = 0
        public var managerChanges = 0
        public var orgHeadChanges = 0
        public var teamChanges = 0
        public var becameManagers = 0
        public var stoppedManaging = 0
        public var findingsOpened = 0
        public var findingsResolved = 0
        public var spanBandChanges = 0

        public init() {}
    }

    /// One manager of either night, counting their whole org.
    public struct ManagerChange: Sendable, Equatable {
        public let id: String
        public let spanBefore: Int?
        public let spanAfter: Int?
        public let bandBefore: SpanBands.Band?
        public let bandAfter: SpanBands.Band?
        public let joiners: Int
        public let leavers: Int
        public let movedIn: Int
        public let movedOut: Int
    }

    /// One org head of either night.
    public struct OrgHeadChange: Sendable, Equatable {
        public let id: String
        public let headcountBefore: Int?
        public let headcountAfter: Int?
        public let layersBefore: Int?
        public let layersAfter: Int?
    }

    public struct FindingChange: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case opened, resolved
        }

        public let rule: String
        public let subject: String
        public let change: Kind
    }

    /// One person's change, for the people-level table only.
    public struct PersonChange: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case joiner, leaver
            case managerChange = "manager_change"
            case teamChange = "team_change"
            case orgHeadChange = "org_head_change"
            case becameManager = "became_manager"
            case stoppedManaging = "stopped_managing"
        }

        public let id: String
        public let change: Kind
        public let before: String?
        public let after: String?
    }

    /// The run compared with (nil on a first run).
    public let previousAsOf: CivilDate?
    /// nil on a first run, and when the ids were re-keyed or the pseudonym key changed (nothing per person can
    /// be said then).
    public internal(set) var counts: Counts?
    public let maxLayerBefore: Int?
    public let maxLayerAfter: Int
    public let byManager: [ManagerChange]
    public let byOrgHead: [OrgHeadChange]
    public internal(set) var findingChanges: [FindingChange]
    public let movers: [PersonChange]
    /// `changes.rekeyed` or `changes.key_changed` when the comparison was skipped.
    public internal(set) var findings: [Finding]

    /// A first run: nothing to compare with, which is not an error.
    public static func firstRun(maxLayer: Int) -> Changes {
        Changes(
            previousAsOf: nil, counts: nil, maxLayerBefore: nil, maxLayerAfter: maxLayer, byManager: [], byOrgHead: [],
            findingChanges: [], movers: [], findings: [])
    }
}

extension Changes {
    /// These changes, noting that `skipped` newer runs' snapshots could not be used (damaged, foreign or
    /// future-dated): the comparison is with an older run, or none.
    public func noting(unusableBaselines skipped: Int) -> Changes {
        guard skipped > 0 else { return self }
        var changes = self
        changes.findings.append(
            Finding(
                rule: .changesBaselineUnusable, severity: .warning, subject: "org", value: Double(skipped),
                message: .changesBaselineUnusable, numbers: [skipped]))
        return changes
    }
}

extension RuleMessage {
    static let changesBaselineUnusable: RuleMessage =
        "the snapshot of \(.number(0)) newer published run(s) could not be used (made by an earlier version, damaged, from another outputs directory or dated later): changes are since the newest usable run, or not reported"
}
