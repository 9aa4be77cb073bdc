import OrgLensKeys
package import OrgLensModel
package import OrgLensStage

/// Resolves staged manager references into a frozen `OrgGraph`: finds roots and orphans,
/// quarantines every member of a reporting loop, and reports each structural finding.
package enum OrgGraphBuilder {
    package struct Result: Sendable {
        package let graph: OrgGraph
        package let findings: [Finding]
        /// Members of reporting loops; they leave the org.
        package let rejections: [Rejection]
        package let roots: Int
        package let orphans: Int
        /// Person (graph index) of each interned key, or -1 (not in the org).
        package let personOfKey: [Int32]
        /// The staged person each graph person came from (loop members are gone from the graph).
        package let stagedPerson: [Int32]

        /// Values kept per staged person (export order), taken into graph order (reporting order). A gather:
        /// each read misses the cache, so it runs alone in a tight loop, on the workers, where the CPU overlaps
        /// the misses, rather than inside a loop that does work per person.
        ///
        /// One overload per element type rather than one generic function: called from another module, a generic
        /// gather was not specialised, and copying each element through its type's metadata cost more than the
        /// cache misses (about 8 % of a 1M run's CPU samples).
        package func inGraphOrder(_ staged: [Int64], workers: Int) -> [Int64] { gather(staged, workers: workers) }

        package func inGraphOrder(_ staged: [Int32], workers: Int) -> [Int32] { gather(staged, workers: workers) }

        package func inGraphOrder(_ staged: [Bool], workers: Int) -> [Bool] { gather(staged, workers: workers) }

        @inline(__always)
        private func gather<Value: BitwiseCopyable & Sendable>(_ staged: [Value], workers: Int) -> [Value] {
            let stagedPerson = stagedPerson
            return parallelChunks(count: stagedPerson.count, workers: workers, serialThreshold: 65_536) { range in
                [Value](unsafeUninitializedCapacity: range.count) { gathered, initialized in
                    staged.withUnsafeBufferPointer { source in
                        stagedPerson.withUnsafeBufferPointer { order in
                            for (slot, person) in range.enumerated() {
                                gathered.initializeElement(at: slot, to: source[Int(order[person])])
                            }
                        }
                    }
                    initialized = range.count
                }
            }.flatMap { $0 }
        }
    }

    private enum Unresolved {
        case dangling
        case inactive
        case ambiguous(Int32)
    }

    package static func build(_ staged: StagedPeople) -> Result {
        var links = resolveLinks(staged)
        let (loopRejections, inLoop) = quarantineLoops(staged, parent: links.parent)
        let kept = (0..<staged.count).filter { !inLoop[$0] }
        var newIndex = [Int32](repeating: -1, count: staged.count)
        for (index, person) in kept.enumerated() { newIndex[person] = Int32(index) }
        let personKey = kept.map { staged.personKey[$0] }
        let tops = classifyTops(staged, kept: kept, newIndex: newIndex, inLoop: inLoop, links: &links)
        let (graph, order) = OrgGraph(keys: staged.keys, personKey: personKey, parent: tops.parent, top: tops.top)
            .inReportingOrder()
        var personOfKey = [Int32](repeating: -1, count: staged.keys.count)
        for (person, key) in graph.personKey.enumerated() { personOfKey[Int(key)] = Int32(person) }
        return Result(
            graph: graph, findings: links.findings, rejections: loopRejections, roots: tops.roots,
            orphans: tops.orphans, personOfKey: personOfKey, stagedPerson: order.map { Int32(kept[Int($0)]) })
    }

    /// Manager references as staged people, and why the rest resolve to no one.
    private struct Links {
        var parent: [Int32]
        var unresolved: [Int: Unresolved]
        var findings: [Finding]
    }

    private static func resolveLinks(_ staged: StagedPeople) -> Links {
        var keyToPerson = [Int32](repeating: -1, count: staged.keys.count)
        for person in 0..<staged.count { keyToPerson[Int(staged.personKey[person])] = Int32(person) }
        var links = Links(parent: [Int32](repeating: -1, count: staged.count), unresolved: [:], findings: [])
        for person in 0..<staged.count {
            switch staged.managerLink[person] {
            case .none:
                break
            case .ambiguous(let candidates):
                links.unresolved[person] = .ambiguous(candidates)
            case .selfManaged:
                links.findings.append(
                    Finding(
                        rule: .managerSelf, severity: .info, subject: staged.id(ofPerson: person), value: nil,
                        message: .managerSelf))
            case .key(let key):
                let manager = keyToPerson[Int(key)]
                if manager >= 0 {
                    links.parent[person] = manager
                } else {
                    links.unresolved[person] = staged.keyStates[Int(key)] == .excluded ? .inactive : .dangling
                }
            }
        }
        return links
    }

    /// Every member of a reporting loop is quarantined (with real ids: the quarantine is for operators fixing
    /// the source, also when outputs are pseudonymized).
    private static func quarantineLoops(
        _ staged: StagedPeople, parent: [Int32]
    ) -> (rejections: [Rejection], inLoop: [Bool]) {
        let loops = ReportingLoops.find(parent: parent)
        var inLoop = [Bool](repeating: false, count: staged.count)
        for member in loops.joined() { inLoop[Int(member)] = true }
        let rejections = ReportingLoops.quarantine(
            loops, id: { staged.quarantineID(ofPerson: Int($0)) }, line: { staged.line[Int($0)] },
            source: staged.source, rule: .managerCycle, short: .managerCycle, long: .managerCycleLong)
        return (rejections, inLoop)
    }

    /// Each kept person's parent in the compacted graph, or why they are at the top: a root (no manager) or an
    /// orphan (a manager who is not in the org; reports of loop members become orphans too).
    private static func classifyTops(
        _ staged: StagedPeople, kept: [Int], newIndex: [Int32], inLoop: [Bool], links: inout Links
    ) -> (parent: [Int32], top: [OrgGraph.Top], roots: Int, orphans: Int) {
        var parent = [Int32](repeating: -1, count: kept.count)
        var top = [OrgGraph.Top](repeating: .none, count: kept.count)
        var orphans = 0
        var rootIDs: [String] = []
        for (index, person) in kept.enumerated() {
            let manager = links.parent[person]
            if manager >= 0, !inLoop[Int(manager)] {
                parent[index] = newIndex[Int(manager)]
                continue
            }
            let id = staged.id(ofPerson: person)
            if manager >= 0 {
                top[index] = .orphan
                orphans += 1
                links.findings.append(
                    Finding(
                        rule: .managerDangling, severity: .warning, subject: id, value: nil,
                        message: .managerInLoop, ids: [staged.id(ofPerson: Int(manager))]))
            } else if let reason = links.unresolved[person] {
                top[index] = .orphan
                orphans += 1
                if let finding = orphanFinding(staged, person: person, id: id, reason: reason) {
                    links.findings.append(finding)
                }
            } else {
                top[index] = .root
                rootIDs.append(id)
            }
        }
        if rootIDs.count > 1 {
            rootIDs.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            links.findings.append(
                Finding(
                    rule: .orgMultipleRoots, severity: .warning, subject: "org", value: Double(rootIDs.count),
                    message: rootIDs.count > 10 ? .orgManyRoots : .orgMultipleRoots, ids: Array(rootIDs.prefix(10)),
                    numbers: [rootIDs.count]))
        }
        return (parent, top, rootIDs.count, orphans)
    }

    private static func orphanFinding(
        _ staged: StagedPeople, person: Int, id: String, reason: Unresolved
    ) -> Finding? {
        if case .ambiguous(let candidates) = reason {
            return Finding(
                rule: .managerAmbiguous, severity: .warning, subject: id, value: Double(candidates),
                message: .managerAmbiguous(staged.managerReference.rawValue), numbers: [Int(candidates)])
        }
        guard case .key(let key) = staged.managerLink[person] else { return nil }
        let managerID = staged.keys.string(at: Int(key))
        switch reason {
        case .dangling where staged.managerReference == .id:
            return Finding(
                rule: .managerDangling, severity: .warning, subject: id, value: nil, message: .managerDangling,
                ids: [managerID])
        case .dangling:
            return Finding(
                rule: .managerDangling, severity: .warning, subject: id, value: nil, message: .managerDanglingByName)
        case .inactive:
            return Finding(
                rule: .managerInactive, severity: .warning, subject: id, value: nil, message: .managerInactive,
                ids: [managerID])
        case .ambiguous:
            return nil
        }
    }

    /// `A → B → C → A`, starting at the smallest id so every row order names the loop alike.
    /// Long loops are abbreviated: the message must stay readable in a spreadsheet cell.
    /// A loop as a message shows it: from its smallest id round to it again; past 12 members, the first 10 and
    /// the count.
    static func loopMessage(
        _ ids: [String], short: RuleMessage, long: RuleMessage
    ) -> (
        message: RuleMessage, ids: [String], numbers: MessageNumbers
    ) {
        let start = ids.indices.min { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) } ?? 0
        let rotated = Array(ids[start...] + ids[..<start])
        if rotated.count > 12 { return (long, Array(rotated.prefix(10)), [rotated.count]) }
        return (short, rotated + [rotated[0]], [])
    }
}

extension RuleMessage {
    static let managerSelf: RuleMessage = "\(.subject) is recorded as their own manager; treated as a root"
    static let managerCycle: RuleMessage =
        "reporting loop (each reports to the next): \(.chain); fix one manager_id in the loop"
    static let managerCycleLong: RuleMessage =
        "reporting loop (each reports to the next): \(.chain) → … → \(.id(0)) (\(.number(0)) people); fix one manager_id in the loop"
    static let managerInLoop: RuleMessage =
        "manager \(.id(0)) of \(.subject) is quarantined in a reporting loop; \(.subject) is kept at layer 1"
    static let managerDangling: RuleMessage =
        "manager_id \(.id(0)) of \(.subject) matches no one in the org; \(.subject) is kept at layer 1"
    // An email or a name is personal data: the dashboard says only that it matched no one.
    static let managerDanglingByName: RuleMessage =
        "the manager named in manager_id of \(.subject) matches no one in the org; \(.subject) is kept at layer 1"
    static let managerInactive: RuleMessage =
        "manager \(.id(0)) of \(.subject) is excluded from the org (status or start date); \(.subject) is kept at layer 1"
    static let orgMultipleRoots: RuleMessage =
        "\(.number(0)) people have no manager (\(.ids)); an org usually has one root"
    static let orgManyRoots: RuleMessage =
        "\(.number(0)) people have no manager (\(.ids), …); an org usually has one root"

    static func managerAmbiguous(_ reference: String) -> RuleMessage {
        "the manager named in manager_id of \(.subject) matches \(.number(0)) people; \(.subject) is kept at layer 1 (give managers unique \(vocabulary: reference)s or export manager ids)"
    }
}
