public import OrgLensModel
public import OrgLensStage

/// Resolves staged manager references into a frozen `OrgGraph`: finds roots and orphans,
/// quarantines every member of a reporting loop, and reports each structural finding.
public enum OrgGraphBuilder {
    public struct Result: Sendable {
        public let graph: OrgGraph
        public let findings: [Finding]
        /// Members of reporting loops; they leave the org.
        public let rejections: [Rejection]
        public let roots: Int
        public let orphans: Int
        /// Person (graph index) of each interned key, or -1 (not in the org).
        public let personOfKey: [Int32]
        /// The staged person each graph person came from (loop members are gone from the graph).
        public let stagedPerson: [Int32]
    }

    private enum Unresolved {
        case dangling
        case inactive
        case ambiguous(Int32)
    }

    public static func build(_ staged: StagedPeople) -> Result {
        let count = staged.count
        var keyToPerson = [Int32](repeating: -1, count: staged.keys.count)
        for person in 0..<count { keyToPerson[Int(staged.personKey[person])] = Int32(person) }

        var parent = [Int32](repeating: -1, count: count)
        var findings: [Finding] = []
        var unresolved: [Int: Unresolved] = [:]
        for person in 0..<count {
            switch staged.managerLink[person] {
            case .none:
                break
            case .ambiguous(let candidates):
                unresolved[person] = .ambiguous(candidates)
            case .selfManaged:
                let id = staged.id(ofPerson: person)
                findings.append(
                    Finding(
                        rule: .managerSelf, severity: .info, subject: id, value: nil,
                        message: .managerSelf))
            case .key(let key):
                let manager = keyToPerson[Int(key)]
                if manager >= 0 {
                    parent[person] = manager
                } else {
                    unresolved[person] = staged.keyStates[Int(key)] == .excluded ? .inactive : .dangling
                }
            }
        }

        let loops = ReportingLoops.find(parent: parent)
        var rejections: [Rejection] = []
        for loop in loops {
            // The quarantine is for operators fixing the source: real ids even when outputs are pseudonymized.
            let ids = loop.map { staged.quarantineID(ofPerson: Int($0)) }
            let described = Self.loopMessage(ids, short: .managerCycle, long: .managerCycleLong)
            for (person, id) in zip(loop, ids) {
                rejections.append(
                    Rejection(
                        source: staged.source, line: staged.line[Int(person)], rule: .managerCycle,
                        message: described.message, ids: described.ids, numbers: described.numbers,
                        employeeID: id, record: nil))
            }
        }

        // Compact away loop members; their reports become orphans.
        var inLoop = [Bool](repeating: false, count: count)
        for member in loops.joined() { inLoop[Int(member)] = true }
        var newIndex = [Int32](repeating: -1, count: count)
        var personKey: [Int32] = []
        personKey.reserveCapacity(count)
        for person in 0..<count where !inLoop[person] {
            newIndex[person] = Int32(personKey.count)
            personKey.append(staged.personKey[person])
        }
        var compactParent = [Int32](repeating: -1, count: personKey.count)
        var top = [OrgGraph.Top](repeating: .none, count: personKey.count)
        var roots = 0
        var orphans = 0
        var rootIDs: [String] = []
        for person in 0..<count where !inLoop[person] {
            let index = Int(newIndex[person])
            let manager = parent[person]
            if manager >= 0, !inLoop[Int(manager)] {
                compactParent[index] = newIndex[Int(manager)]
                continue
            }
            let id = staged.id(ofPerson: person)
            if manager >= 0 {
                top[index] = .orphan
                orphans += 1
                let managerID = staged.id(ofPerson: Int(manager))
                findings.append(
                    Finding(
                        rule: .managerDangling, severity: .warning, subject: id, value: nil,
                        message: .managerInLoop, ids: [managerID]))
            } else if let reason = unresolved[person] {
                top[index] = .orphan
                orphans += 1
                if case .ambiguous(let candidates) = reason {
                    findings.append(
                        Finding(
                            rule: .managerAmbiguous, severity: .warning, subject: id, value: Double(candidates),
                            message: .managerAmbiguous(staged.managerReference.rawValue), numbers: [Int(candidates)]))
                    continue
                }
                guard case .key(let key) = staged.managerLink[person] else { continue }
                let managerID = staged.keys.string(at: Int(key))
                switch reason {
                case .dangling:
                    // An email or a name is personal data: the dashboard says only that it matched no one.
                    findings.append(
                        staged.managerReference == .id
                            ? Finding(
                                rule: .managerDangling, severity: .warning, subject: id, value: nil,
                                message: .managerDangling, ids: [managerID])
                            : Finding(
                                rule: .managerDangling, severity: .warning, subject: id, value: nil,
                                message: .managerDanglingByName))
                case .ambiguous:
                    break
                case .inactive:
                    findings.append(
                        Finding(
                            rule: .managerInactive, severity: .warning, subject: id, value: nil,
                            message: .managerInactive, ids: [managerID]))
                }
            } else {
                top[index] = .root
                roots += 1
                rootIDs.append(id)
            }
        }
        if roots > 1 {
            rootIDs.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            findings.append(
                Finding(
                    rule: .orgMultipleRoots, severity: .warning, subject: "org", value: Double(roots),
                    message: roots > 10 ? .orgManyRoots : .orgMultipleRoots, ids: Array(rootIDs.prefix(10)),
                    numbers: [roots]))
        }
        let graph = OrgGraph(keys: staged.keys, personKey: personKey, parent: compactParent, top: top)
        var personOfKey = [Int32](repeating: -1, count: staged.keys.count)
        for (person, key) in personKey.enumerated() { personOfKey[Int(key)] = Int32(person) }
        let stagedPerson = (0..<count).filter { !inLoop[$0] }.map { Int32($0) }
        return Result(
            graph: graph, findings: findings, rejections: rejections, roots: roots, orphans: orphans,
            personOfKey: personOfKey, stagedPerson: stagedPerson)
    }

    /// `A → B → C → A`, starting at the smallest id so every row order names the loop alike.
    /// Long loops are abbreviated: the message must stay readable in a spreadsheet cell.
    /// A loop as a message shows it: from its smallest id round to it again; past 12 members, the first 10 and
    /// the count.
    static func loopMessage(
        _ ids: [String], short: RuleMessage, long: RuleMessage
    ) -> (
        message: RuleMessage, ids: [String], numbers: [Int]
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
