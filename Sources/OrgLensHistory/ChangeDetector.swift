public import OrgLensMetrics
import OrgLensModel
import OrgLensStage

/// Compares two snapshots of an org, person by person (matched on id).
public enum ChangeDetector {
    /// More than this share of the earlier night gone, with joiners at least `rekeyedJoinerShare` of the leavers,
    /// means the HRIS re-keyed its ids: no per-person change can be trusted.
    public static let rekeyedLeaverShare = 0.5
    public static let rekeyedJoinerShare = 0.8

    public static func compare(
        _ before: Snapshot, _ after: Snapshot, spanPolicy: SpanPolicy, withMovers: Bool
    ) -> Changes {
        if before.keyFingerprint != after.keyFingerprint {
            return skipped(before, after, rule: .changesKeyChanged, message: .changesKeyChanged)
        }
        let match = Match(before, after)
        let leavers = match.beforeToAfter.filter { $0 < 0 }.count
        let joiners = match.afterToBefore.filter { $0 < 0 }.count
        if before.count > 0, Double(leavers) > rekeyedLeaverShare * Double(before.count),
            Double(joiners) >= rekeyedJoinerShare * Double(leavers)
        {
            return skipped(
                before, after, rule: .changesRekeyed, message: .changesRekeyed,
                numbers: [leavers, before.count, joiners])
        }
        var people = PeopleChanges(before, after, match: match, spanPolicy: spanPolicy, withMovers: withMovers)
        people.counts.joiners = joiners
        people.counts.leavers = leavers
        let findingChanges = Self.findingChanges(before, after)
        people.counts.findingsOpened = findingChanges.filter { $0.change == .opened }.count
        people.counts.findingsResolved = findingChanges.count - people.counts.findingsOpened
        let orgs = OrgChanges(before, after, match: match, spanPolicy: spanPolicy)
        return Changes(
            previousAsOf: before.asOf, counts: people.counts, maxLayerBefore: before.maxLayer,
            maxLayerAfter: after.maxLayer, byManager: orgs.byManager, byOrgHead: orgs.byOrgHead,
            findingChanges: findingChanges, movers: people.movers.sorted(by: Self.moverOrder), findings: [])
    }

    private static func skipped(
        _ before: Snapshot, _ after: Snapshot, rule: Rule, message: RuleMessage, numbers: [Int] = []
    ) -> Changes {
        Changes(
            previousAsOf: before.asOf, counts: nil, maxLayerBefore: before.maxLayer, maxLayerAfter: after.maxLayer,
            byManager: [], byOrgHead: [], findingChanges: [], movers: [],
            findings: [
                Finding(
                    rule: rule, severity: .warning, subject: "org", value: nil, message: message, numbers: numbers)
            ])
    }

    private static func findingChanges(_ before: Snapshot, _ after: Snapshot) -> [Changes.FindingChange] {
        let earlier = Set(before.findings)
        let later = Set(after.findings)
        let opened = later.subtracting(earlier).map {
            Changes.FindingChange(rule: $0.rule, subject: $0.subject, change: .opened)
        }
        let resolved = earlier.subtracting(later).map {
            Changes.FindingChange(rule: $0.rule, subject: $0.subject, change: .resolved)
        }
        return (opened + resolved).sorted { lhs, rhs in
            if lhs.rule != rhs.rule { return lhs.rule.utf8.lexicographicallyPrecedes(rhs.rule.utf8) }
            if lhs.subject != rhs.subject { return lhs.subject.utf8.lexicographicallyPrecedes(rhs.subject.utf8) }
            return lhs.change == .opened && rhs.change == .resolved
        }
    }

    private static func moverOrder(_ lhs: Changes.PersonChange, _ rhs: Changes.PersonChange) -> Bool {
        if lhs.id != rhs.id { return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8) }
        let order = Changes.PersonChange.Kind.allCases
        return order.firstIndex(of: lhs.change)! < order.firstIndex(of: rhs.change)!
    }
}

/// People of the two nights matched on id, and one index space for both: after-night people keep their index,
/// people only in the earlier night follow them.
struct Match {
    let beforeToAfter: [Int32]
    let afterToBefore: [Int32]
    let afterCount: Int

    init(_ before: Snapshot, _ after: Snapshot) {
        let index = KeyIndex(names: after.ids)
        var beforeToAfter = [Int32](repeating: -1, count: before.count)
        var afterToBefore = [Int32](repeating: -1, count: after.count)
        before.ids.bytes.withUnsafeBufferPointer { bytes in
            for person in 0..<before.count {
                if let match = index.key(of: UnsafeBufferPointer(rebasing: bytes[before.ids.range(at: person)])) {
                    beforeToAfter[person] = match
                    afterToBefore[Int(match)] = Int32(person)
                }
            }
        }
        self.beforeToAfter = beforeToAfter
        self.afterToBefore = afterToBefore
        afterCount = after.count
    }

    /// An earlier-night person (or -1) in the shared index space.
    func unified(before person: Int32) -> Int32 {
        guard person >= 0 else { return -1 }
        let match = beforeToAfter[Int(person)]
        return match >= 0 ? match : Int32(afterCount) + person
    }
}

/// Spans, roles and bands computed the same way for both nights, from the snapshot: every direct report counts.
struct Structure {
    let span: [Int32]
    let managesManagers: [Bool]

    init(_ snapshot: Snapshot) {
        var span = [Int32](repeating: 0, count: snapshot.count)
        var managesManagers = [Bool](repeating: false, count: snapshot.count)
        for (person, manager) in snapshot.manager.enumerated() where manager >= 0 {
            span[Int(manager)] += 1
            if snapshot.flags[person].contains(.manages) { managesManagers[Int(manager)] = true }
        }
        self.span = span
        self.managesManagers = managesManagers
    }

    func band(_ person: Int, _ snapshot: Snapshot, policy: SpanPolicy) -> SpanBands.Band? {
        guard span[person] > 0 else { return nil }
        let role: ManagerRole =
            snapshot.flags[person].contains(.root)
            ? .executive : managesManagers[person] ? .managerOfManagers : .managerOfICs
        return policy.bands(for: role).band(for: Int(span[person]))
    }
}

extension RuleMessage {
    static let changesKeyChanged: RuleMessage =
        "the pseudonym key (or privacy.pseudonymize) changed since the previous run: ids cannot be matched, so no changes are reported; this run is the new baseline"
    static let changesRekeyed: RuleMessage =
        "\(.number(0)) of the previous run's \(.number(1)) ids are gone and \(.number(2)) new ones appeared: the HRIS seems to have re-keyed its ids, so no per-person changes are reported"
}
