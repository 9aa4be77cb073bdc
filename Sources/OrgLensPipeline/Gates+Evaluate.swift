import OrgLensHistory
import OrgLensModel
package import OrgLensSettings

extension Gates {
    /// One gate's reading on this run.
    package struct Reading: Sendable, Hashable {
        /// The pipeline key of the gate (`max_orphan_share`), or `block_on` with the rule.
        package let gate: String
        package let value: Double
        package let limit: Double
        package let detail: String
    }

    /// Gates tripped (nothing is published), and gates past half their limit (a warning).
    package func evaluate(_ facts: Analysis.GateFacts) -> (tripped: [Reading], nearing: [Reading]) {
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
