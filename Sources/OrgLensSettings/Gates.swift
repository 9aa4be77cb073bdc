package import OrgLensModel

/// What a run must look like to be published (`gates:` in a pipeline file). A run that trips a gate cannot
/// be right, so it goes to `blocked/` and the dashboard keeps the last good run.
package struct Gates: SettingsGroup, Hashable {
    package var maxQuarantinedShare: Double? = 0.05
    package var maxOrphanShare: Double?
    package var maxUnreadableShare: Double?
    /// An org without a manager was read wrong.
    package var minManagers = 1
    /// Most of the org hanging loose means the manager column was read wrong.
    package var orphansWithinLargestRoot = true
    /// They win over `fail_on`.
    package var blockOn: [Rule] = []
    // Against the last published run: an export cut short or swapped looks like a mass exodus, and real
    // reorganisations of that size are rare enough to be confirmed by hand (`--accept-change`).
    package var maxHeadcountDrop: Double? = 0.2
    package var maxLeaverShare: Double? = 0.2
    package var maxJoinerShare: Double? = 0.3
    package var maxManagerChangeShare: Double? = 0.25

    package init() {}

    package static let settings: [Setting<Gates>] = [
        .share("max_quarantined_share", \.maxQuarantinedShare, "quarantined people rows ÷ rows read"),
        .share(
            "max_orphan_share", \.maxOrphanShare, "orphans (a manager reference that leads nowhere) ÷ people"),
        .share("max_unreadable_share", \.maxUnreadableShare, "unreadable values ÷ non-empty, per typed field"),
        .integer("min_managers", \.minManagers, minimum: 0, "fewest managers a real org has"),
        .boolean(
            "orphans_within_largest_root", \.orphansWithinLargestRoot,
            "orphans must be no more than the people under the largest root"),
        .choices("block_on", \.blockOn, "finding rules that block publishing"),
        .share(
            "max_headcount_drop", \.maxHeadcountDrop,
            "people fewer than the last published run's, as a share"),
        .share("max_leaver_share", \.maxLeaverShare, "leavers ÷ the last published run's people"),
        .share("max_joiner_share", \.maxJoinerShare, "joiners ÷ the last published run's people"),
        .share(
            "max_manager_change_share", \.maxManagerChangeShare,
            "people with another manager ÷ people on both nights"),
    ]

    /// The gates that compare tonight with the last published run: `--accept-change` lets them pass once.
    package static let changeGates: Set<String> = [
        "max_headcount_drop", "max_leaver_share", "max_joiner_share", "max_manager_change_share",
    ]
}
