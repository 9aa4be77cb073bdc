import OrgLensHistory
public import OrgLensModel

/// What a run must look like to be published (`gates:` in a pipeline file). A run that trips a gate cannot
/// be right, so it goes to `blocked/` and the dashboard keeps the last good run.
public struct Gates: Sendable, Hashable {
    /// Quarantined people rows ÷ rows read.
    public var maxQuarantinedShare: Double? = 0.05
    /// Orphans (a manager reference that leads nowhere) ÷ people in the org.
    public var maxOrphanShare: Double?
    /// Unreadable ÷ non-empty values, for each typed field (hire dates, pay).
    public var maxUnreadableShare: Double?
    /// At least this many managers (default 1: an org without one was read wrong).
    public var minManagers = 1
    /// Orphans no more than the people under the largest root (default on): most of the org hanging loose
    /// means the manager column was read wrong.
    public var orphansWithinLargestRoot = true
    /// Rules whose presence blocks publishing (they win over `fail_on`).
    public var blockOn: [Rule] = []
    // Against the last published run: an export cut short or swapped looks like a mass exodus, and real
    // reorganisations of that size are rare enough to be confirmed by hand (`--accept-change`).
    /// Fewer people in the org than (1 − this) × the last published run's.
    public var maxHeadcountDrop: Double? = 0.2
    /// Leavers ÷ the last published run's people.
    public var maxLeaverShare: Double? = 0.2
    /// Joiners ÷ the last published run's people.
    public var maxJoinerShare: Double? = 0.3
    /// People whose manager changed ÷ people present on both nights.
    public var maxManagerChangeShare: Double? = 0.25

    public init() {}

    /// The gates that compare tonight with the last published run: `--accept-change` lets them pass once.
    public static let changeGates: Set<String> = [
        "max_headcount_drop", "max_leaver_share", "max_joiner_share", "max_manager_change_share",
    ]

    /// One gate's reading on this run.
    public struct Reading: Sendable, Hashable {
        /// The pipeline key of the gate (`max_orphan_share`), or `block_on` with the rule.
        public let gate: String
        public let value: Double
        public let limit: Double
        public let detail: String
    }

    /// Gates tripped (nothing is published), and gates past half their limit (a warning).
    public func evaluate(_ facts: Analysis.GateFacts) -> (tripped: [Reading], nearing: [Reading]) {
        var tripped: [Reading] = []
        var nearing: [Reading] = []
        func share(_ gate: String, _ value: Double, _ limit: Double?, _ detail: String) {
            guard let limit else { return }
            let reading = Reading(gate: gate, value: value, limit: limit, detail: detail)
            if value > limit { tripped.append(reading) } else if value > limit / 2 { nearing.append(reading) }
        }
        share(
            "max_quarantined_share", facts.rowsRead == 0 ? 0 : Double(facts.quarantined) / Double(facts.rowsRead),
            maxQuarantinedShare,
            "\(facts.quarantined) of \(facts.rowsRead) people rows quarantined")
        share(
            "max_orphan_share", facts.inOrg == 0 ? 0 : Double(facts.orphans) / Double(facts.inOrg), maxOrphanShare,
            "\(facts.orphans) of \(facts.inOrg) people in the org are orphans")
        for field in facts.fields where field.nonEmpty > 0 {
            share(
                "max_unreadable_share", Double(field.unreadable) / Double(field.nonEmpty), maxUnreadableShare,
                "\(field.unreadable) of \(field.nonEmpty) \(field.field) values unreadable")
        }
        if facts.managers < minManagers {
            tripped.append(
                Reading(
                    gate: "min_managers", value: Double(facts.managers), limit: Double(minManagers),
                    detail: "\(facts.managers) managers, fewer than \(minManagers)"))
        }
        if orphansWithinLargestRoot, facts.orphans > facts.largestRoot {
            tripped.append(
                Reading(
                    gate: "orphans_within_largest_root", value: Double(facts.orphans), limit: Double(facts.largestRoot),
                    detail:
                        "\(facts.orphans) orphans, more than the \(facts.largestRoot) people under the largest root (\(facts.orphanCauses))"
                ))
        }
        for rule in blockOn {
            guard let count = facts.ruleCounts[rule], count > 0 else { continue }
            tripped.append(
                Reading(gate: "block_on", value: Double(count), limit: 0, detail: "\(count) × \(rule.rawValue)"))
        }
        if let previous = facts.previous {
            evaluateChanges(facts, previous: previous, share: share)
        }
        return (tripped, nearing)
    }

    private func evaluateChanges(
        _ facts: Analysis.GateFacts, previous: Analysis.GateFacts.Previous,
        share: (String, Double, Double?, String) -> Void
    ) {
        let before = previous.people
        guard before > 0 else { return }
        let since = "\(previous.asOf)'s published run"
        let percent = { (value: Double) in "\(Int((value * 100).rounded())) %" }
        let drop = max(0, Double(before - facts.inOrg) / Double(before))
        share(
            "max_headcount_drop", drop, maxHeadcountDrop,
            "\(facts.inOrg) people in the org, \(percent(drop)) fewer than \(before) in \(since)")
        guard let counts = previous.counts else { return }
        let leavers = Double(counts.leavers) / Double(before)
        share(
            "max_leaver_share", leavers, maxLeaverShare,
            "\(counts.leavers) leavers, \(percent(leavers)) of the \(before) people in \(since)")
        let joiners = Double(counts.joiners) / Double(before)
        share(
            "max_joiner_share", joiners, maxJoinerShare,
            "\(counts.joiners) joiners, \(percent(joiners)) of the \(before) people in \(since)")
        let stayed = before - counts.leavers
        let moved = stayed == 0 ? 0 : Double(counts.managerChanges) / Double(stayed)
        share(
            "max_manager_change_share", moved, maxManagerChangeShare,
            "\(counts.managerChanges) of the \(stayed) people also in \(since) have another manager (\(percent(moved)))"
        )
    }
}
