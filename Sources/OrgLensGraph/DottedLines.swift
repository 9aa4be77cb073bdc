package import OrgLensModel
package import OrgLensStage

/// Dotted-line managers, resolved against the frozen graph. They never change the tree (not layers, roots,
/// loops or direct reports): they are a second set of edges beside it, counted per manager.
package struct DottedLines: Sendable {
    /// Graph person `p`'s dotted-line managers (graph indices, distinct, never `p` nor `p`'s manager):
    /// `managers[start[p]..<start[p + 1]]`.
    package let start: [Int32]
    package let managers: [Int32]
    package let findings: [Finding]

    /// People with at least one dotted line that counts.
    package var peopleWithLines: Int {
        zip(start, start.dropFirst()).reduce(0) { $0 + ($1.1 > $1.0 ? 1 : 0) }
    }

    /// Per graph person: how many people have a dotted line to them.
    package var dottedReports: [Int32] {
        var counts = [Int32](repeating: 0, count: start.count - 1)
        for manager in managers { counts[Int(manager)] += 1 }
        return counts
    }

    /// nil when the export has no dotted-line column.
    package static func resolve(
        _ staged: StagedPeople, built: OrgGraphBuilder.Result, maxManagers: Int
    ) -> DottedLines? {
        guard let stagedStart = staged.dottedStart else { return nil }
        let graph = built.graph
        var start: [Int32] = [0]
        start.reserveCapacity(graph.count + 1)
        var managers: [Int32] = []
        var findings: [Finding] = []
        for person in 0..<graph.count {
            let from = Int(built.stagedPerson[person])
            var dangling = 0
            var toSelf = false
            let first = managers.count
            for slot in Int(stagedStart[from])..<Int(stagedStart[from + 1]) {
                let key = staged.dottedKeys[slot]
                let manager = key < 0 ? -1 : built.personOfKey[Int(key)]
                if manager < 0 {
                    dangling += 1
                } else if manager == Int32(person) || manager == graph.parent[person] {
                    toSelf = true
                } else if !managers[first...].contains(manager) {
                    managers.append(manager)
                }
            }
            start.append(Int32(managers.count))
            let id = graph.id(person)
            if dangling > 0 {
                findings.append(
                    Finding(
                        rule: .managerDottedDangling, severity: .warning, subject: id, value: Double(dangling),
                        message: .managerDottedDangling, numbers: [dangling]))
            }
            if toSelf {
                findings.append(
                    Finding(
                        rule: .managerDottedSelf, severity: .info, subject: id, value: nil,
                        message: .managerDottedSelf))
            }
            if managers.count - first > maxManagers {
                findings.append(
                    Finding(
                        rule: .matrixMany, severity: .warning, subject: id, value: Double(managers.count - first),
                        message: .matrixMany, numbers: [managers.count - first, maxManagers]))
            }
        }
        return DottedLines(start: start, managers: managers, findings: findings)
    }
}

extension RuleMessage {
    // What the cell held is not repeated: with emails or names it is personal data.
    static let managerDottedDangling: RuleMessage =
        "\(.number(0)) of the dotted-line managers of \(.subject) match no one in the org (or several people); they are left out"
    static let managerDottedSelf: RuleMessage =
        "a dotted line of \(.subject) points to themself or to their own manager; it adds no second manager"
    static let matrixMany: RuleMessage =
        "\(.subject) has \(.number(0)) dotted-line managers (more than \(.number(1)))"
}
