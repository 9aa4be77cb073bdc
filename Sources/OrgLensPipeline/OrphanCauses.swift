import OrgLensModel

/// Why people hang loose, in the words the orphan gate's message uses: counts by cause with example ids, so the
/// operator knows whether to fix ids, clashing names or leavers' reports in the HRIS.
enum OrphanCauses {
    static let examplesPerCause = 3

    static func describe(_ findings: [Finding]) -> String {
        let causes: [(Rule, String)] = [
            (.managerDangling, "manager not in the export"),
            (.managerAmbiguous, "manager name shared by several people"),
            (.managerInactive, "manager left or not started"),
        ]
        var parts: [String] = []
        for (rule, cause) in causes {
            let subjects = findings.filter { $0.rule == rule }.map(\.subject).sorted()
            guard !subjects.isEmpty else { continue }
            let examples = subjects.prefix(examplesPerCause).joined(separator: ", ")
            parts.append("\(subjects.count) \(cause) (\(rule.rawValue), e.g. \(examples))")
        }
        guard !parts.isEmpty else { return "is manager_id read right?" }
        return "by cause: " + parts.joined(separator: "; ")
    }
}
