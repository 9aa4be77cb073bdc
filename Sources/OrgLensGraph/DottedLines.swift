package import OrgLensModel
package import OrgLensStage

/// Dotted-line managers, resolved against the frozen graph. They never change the tree (not layers, roots,
/// loops or direct reports): they are a second set of edges beside it, counted per manager.
package struct DottedLines: Sendable {
    /// Per graph person: how many people have a dotted line to them (each person once).
    package let dottedReports: [Int32]
    /// People with at least one dotted line that counts.
    package let peopleWithLines: Int
    package let findings: [Finding]

    /// nil when the export gives no dotted line. Only the people with a dotted-line cell are visited: in a large
    /// org most have none, and the pass must not cost a sweep of cache misses over everyone.
    package static func resolve(
        _ staged: StagedPeople, built: OrgGraphBuilder.Result, maxManagers: Int
    ) -> DottedLines? {
        guard let stagedStart = staged.dottedStart else { return nil }
        let graph = built.graph
        var graphPerson = [Int32](repeating: -1, count: staged.count)
        for (person, from) in built.stagedPerson.enumerated() { graphPerson[Int(from)] = Int32(person) }
        var dottedReports = [Int32](repeating: 0, count: graph.count)
        var peopleWithLines = 0
        var findings: [Finding] = []
        var managers: [Int32] = []
        for from in 0..<staged.count where stagedStart[from + 1] > stagedStart[from] {
            let person = graphPerson[from]
            guard person >= 0 else { continue }  // left the org in a reporting loop
            var dangling = 0
            var toSelf = false
            managers.removeAll(keepingCapacity: true)
            for slot in Int(stagedStart[from])..<Int(stagedStart[from + 1]) {
                let key = staged.dottedKeys[slot]
                let manager = key < 0 ? -1 : built.personOfKey[Int(key)]
                if manager < 0 {
                    dangling += 1
                } else if manager == person || manager == graph.parent[Int(person)] {
                    toSelf = true
                } else if !managers.contains(manager) {
                    managers.append(manager)
                }
            }
            for manager in managers { dottedReports[Int(manager)] += 1 }
            if !managers.isEmpty { peopleWithLines += 1 }
            let id = graph.id(Int(person))
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
            if managers.count > maxManagers {
                findings.append(
                    Finding(
                        rule: .matrixMany, severity: .warning, subject: id, value: Double(managers.count),
                        message: .matrixMany, numbers: [managers.count, maxManagers]))
            }
        }
        return DottedLines(dottedReports: dottedReports, peopleWithLines: peopleWithLines, findings: findings)
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
