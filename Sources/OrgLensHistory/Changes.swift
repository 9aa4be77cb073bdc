package import OrgLensMetrics
package import OrgLensModel

/// What changed between two runs of the same org: the counts the dashboard's `changes` object publishes,
/// the tables per manager and per org head, the findings opened and resolved, and (for the 0600 people-level
/// table only) each individual change.
package struct Changes: Sendable {
    package struct Counts: Sendable, Equatable {
        package var joiners = 0
        package var leavers = 0
        package var managerChanges = 0
        package var orgHeadChanges = 0
        package var teamChanges = 0
        package var becameManagers = 0
        package var stoppedManaging = 0
        package var findingsOpened = 0
        package var findingsResolved = 0
        package var spanBandChanges = 0

        package init() {}
    }

    /// Positions open (or at offer) tonight that were not the night compared with, and the reverse; nil unless both
    /// nights read a positions export.
    package var positionsOpened: Int?
    package var positionsClosed: Int?

    /// One manager of either night, counting their whole org.
    package struct ManagerChange: Sendable, Equatable {
        package let id: String
        package let spanBefore: Int?
        package let spanAfter: Int?
        package let bandBefore: SpanBands.Band?
        package let bandAfter: SpanBands.Band?
        package let joiners: Int
        package let leavers: Int
        package let movedIn: Int
        package let movedOut: Int
        /// People with a dotted line to the manager then and now; nil when that night had no dotted lines or
        /// the manager was not there.
        package var dottedBefore: Int?
        package var dottedAfter: Int?
    }

    /// One org head of either night.
    package struct OrgHeadChange: Sendable, Equatable {
        package let id: String
        package let headcountBefore: Int?
        package let headcountAfter: Int?
        package let layersBefore: Int?
        package let layersAfter: Int?
        /// Over their whole org (as in `changes_by_manager`): people who joined the company, left it, moved in
        /// from another part of the org or out to one.
        package let joiners: Int
        package let leavers: Int
        package let movedIn: Int
        package let movedOut: Int

        package init(
            id: String, headcountBefore: Int?, headcountAfter: Int?, layersBefore: Int?, layersAfter: Int?,
            flows: (joiners: Int, leavers: Int, movedIn: Int, movedOut: Int)
        ) {
            self.id = id
            self.headcountBefore = headcountBefore
            self.headcountAfter = headcountAfter
            self.layersBefore = layersBefore
            self.layersAfter = layersAfter
            (joiners, leavers, movedIn, movedOut) = flows
        }
    }

    package struct FindingChange: Sendable, Equatable {
        package enum Kind: String, Sendable, CaseIterable {
            case opened, resolved
        }

        package let rule: String
        package let subject: String
        package let change: Kind
    }

    /// One person's change, for the people-level table only.
    package struct PersonChange: Sendable, Equatable {
        package enum Kind: String, Sendable, CaseIterable {
            case joiner, leaver
            case managerChange = "manager_change"
            case teamChange = "team_change"
            case orgHeadChange = "org_head_change"
            case becameManager = "became_manager"
            case stoppedManaging = "stopped_managing"
        }

        package let id: String
        package let change: Kind
        package let before: String?
        package let after: String?
    }

    /// The run compared with (nil on a first run).
    package let previousAsOf: CivilDate?
    /// nil on a first run, and when the ids were re-keyed or the pseudonym key changed (nothing per person can
    /// be said then).
    package internal(set) var counts: Counts?
    package let maxLayerBefore: Int?
    package let maxLayerAfter: Int
    package let byManager: [ManagerChange]
    package let byOrgHead: [OrgHeadChange]
    package internal(set) var findingChanges: [FindingChange]
    package let movers: [PersonChange]
    /// `changes.rekeyed` or `changes.key_changed` when the comparison was skipped.
    package internal(set) var findings: [Finding]

    /// A first run: nothing to compare with, which is not an error.
    package static func firstRun(maxLayer: Int) -> Changes {
        Changes(
            previousAsOf: nil, counts: nil, maxLayerBefore: nil, maxLayerAfter: maxLayer, byManager: [], byOrgHead: [],
            findingChanges: [], movers: [], findings: [])
    }
}

extension Changes {
    /// These changes, noting that `skipped` newer runs' snapshots could not be used (damaged, foreign or
    /// future-dated): the comparison is with an older run, or none.
    package func noting(unusableBaselines skipped: Int) -> Changes {
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
