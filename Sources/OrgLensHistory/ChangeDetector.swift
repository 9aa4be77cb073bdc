import OrgLensKeys
package import OrgLensMetrics
import OrgLensModel

/// Compares two snapshots of an org, person by person (matched on id).
package enum ChangeDetector {
    /// More than this share of the earlier night gone, with joiners at least `rekeyedJoinerShare` of the leavers,
    /// means the HRIS re-keyed its ids: no per-person change can be trusted.
    package static let rekeyedLeaverShare = 0.5
    package static let rekeyedJoinerShare = 0.8

    package static func compare(
        _ before: Snapshot, _ after: Snapshot, spanPolicy: SpanPolicy, withMovers: Bool
    ) -> Changes {
        addingFindings(structure(before, after, spanPolicy: spanPolicy, withMovers: withMovers), before, after)
    }

    /// Everything but the findings, which a run knows only once its metrics are done: this part runs beside them.
    package static func structure(
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
        // Spans and roles of both nights, worked out once for the people and the org comparisons.
        let structure = (before: Structure(before), after: Structure(after))
        var people = PeopleChanges(
            before, after, match: match, structure: structure, spanPolicy: spanPolicy, withMovers: withMovers)
        people.counts.joiners = joiners
        people.counts.leavers = leavers
        let orgs = OrgChanges(before, after, match: match, structure: structure, spanPolicy: spanPolicy)
        return Changes(
            previousAsOf: before.asOf, counts: people.counts, maxLayerBefore: before.maxLayer,
            maxLayerAfter: after.maxLayer, byManager: orgs.byManager, byOrgHead: orgs.byOrgHead,
            findingChanges: [], movers: people.movers.sorted(by: Self.moverOrder), findings: [])
    }

    /// `changes` with the findings opened and resolved between the two snapshots (nothing when the comparison
    /// was skipped).
    package static func addingFindings(_ changes: Changes, _ before: Snapshot, _ after: Snapshot) -> Changes {
        guard var counts = changes.counts else { return changes }
        var result = changes
        result.findingChanges = findingChanges(before, after)
        counts.findingsOpened = result.findingChanges.filter { $0.change == .opened }.count
        counts.findingsResolved = result.findingChanges.count - counts.findingsOpened
        result.counts = counts
        return result
    }

    private static func skipped(
        _ before: Snapshot, _ after: Snapshot, rule: Rule, message: RuleMessage, numbers: MessageNumbers = []
    ) -> Changes {
        Changes(
            previousAsOf: before.asOf, counts: nil, maxLayerBefore: before.maxLayer, maxLayerAfter: after.maxLayer,
            byManager: [], byOrgHead: [], findingChanges: [], movers: [],
            findings: [
                Finding(
                    rule: rule, severity: .warning, subject: "org", value: nil, message: message, numbers: numbers)
            ])
    }

    /// Findings of either night matched on (rule, subject): by a 64-bit hash first (a million findings hash as
    /// integers, not strings), then compared whole, so a collision cannot hide a change.
    private static func findingChanges(_ before: Snapshot, _ after: Snapshot) -> [Changes.FindingChange] {
        var earlier: [UInt64: [Int]] = [:]
        earlier.reserveCapacity(before.findings.count)
        for (index, finding) in before.findings.enumerated() { earlier[hash(finding), default: []].append(index) }
        var matched = [Bool](repeating: false, count: before.findings.count)
        var changes: [Changes.FindingChange] = []
        for finding in after.findings {
            if let candidates = earlier[hash(finding)],
                let same = candidates.first(where: { before.findings[$0] == finding })
            {
                matched[same] = true
            } else {
                changes.append(.init(rule: finding.rule, subject: finding.subject, change: .opened))
            }
        }
        for (index, finding) in before.findings.enumerated() where !matched[index] {
            changes.append(.init(rule: finding.rule, subject: finding.subject, change: .resolved))
        }
        return changes.sorted { lhs, rhs in
            if lhs.rule != rhs.rule { return lhs.rule.utf8.lexicographicallyPrecedes(rhs.rule.utf8) }
            if lhs.subject != rhs.subject { return lhs.subject.utf8.lexicographicallyPrecedes(rhs.subject.utf8) }
            return lhs.change == .opened && rhs.change == .resolved
        }
    }

    private static func hash(_ finding: Snapshot.FindingKey) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in finding.rule.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        for byte in finding.subject.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
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

    /// Exports mostly keep their row order from night to night, so the people are first matched walking both
    /// nights in order (a byte comparison each, looking a few rows ahead past joiners and leavers); only the
    /// rest are matched through a hash index over the earlier night's unmatched ids.
    init(_ before: Snapshot, _ after: Snapshot) { self.init(before: before.ids, after: after.ids) }

    /// The two nights' ids, each in its night's person order.
    init(before: TextColumn, after: TextColumn) {
        var beforeToAfter = [Int32](repeating: -1, count: before.count)
        var afterToBefore = [Int32](repeating: -1, count: after.count)
        var unmatched: [Int] = []
        before.bytes.withUnsafeBufferPointer { earlierBytes in
            after.bytes.withUnsafeBufferPointer { laterBytes in
                func earlier(_ person: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: earlierBytes[before.range(at: person)])
                }
                var cursor = 0
                for person in 0..<after.count {
                    let id = UnsafeBufferPointer(rebasing: laterBytes[after.range(at: person)])
                    var found = -1
                    for candidate in cursor..<min(cursor + Self.lookAhead, before.count)
                    where beforeToAfter[candidate] < 0 && KeyIndex.equal(id, earlier(candidate)) {
                        found = candidate
                        break
                    }
                    if found >= 0 {
                        beforeToAfter[found] = Int32(person)
                        afterToBefore[person] = Int32(found)
                        cursor = found + 1
                    } else {
                        unmatched.append(person)
                    }
                }
                guard !unmatched.isEmpty else { return }
                var rest = TextColumn()
                var restPerson: [Int32] = []
                for person in 0..<before.count where beforeToAfter[person] < 0 {
                    rest.append(UnsafeRawBufferPointer(earlier(person)))
                    restPerson.append(Int32(person))
                }
                let index = KeyIndex(names: rest)
                for person in unmatched {
                    let id = UnsafeBufferPointer(rebasing: laterBytes[after.range(at: person)])
                    guard let key = index.key(of: id) else { continue }
                    let earlierPerson = restPerson[Int(key)]
                    beforeToAfter[Int(earlierPerson)] = Int32(person)
                    afterToBefore[person] = earlierPerson
                }
            }
        }
        self.beforeToAfter = beforeToAfter
        self.afterToBefore = afterToBefore
        afterCount = after.count
    }

    /// Rows looked at past the cursor before an id is left to the hash index.
    static let lookAhead = 8

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
