/// How much a finding matters to the people reading the dashboard.
package enum Severity: String, Sendable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One observation about the org or its data, as it appears in `dashboard.json`'s `findings`.
///
/// Findings are values, not thrown errors: a run collects them and still publishes.
/// `subject` is an employee id or `org`; the message names ids only, never a person's name, and is rendered
/// from the rule's declared message when written.
package struct Finding: Sendable, Hashable {
    package let rule: Rule
    package let severity: Severity
    package private(set) var subject: String
    package let value: Double?
    package let template: RuleMessage
    /// Ids the message names besides the subject.
    package private(set) var ids: [String]
    package let numbers: MessageNumbers

    package init(
        rule: Rule, severity: Severity, subject: String, value: Double?, message: RuleMessage, ids: [String] = [],
        numbers: MessageNumbers = []
    ) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.value = value
        self.template = message
        self.ids = ids
        self.numbers = numbers
    }

    /// The published message.
    package var message: String { template.render(subject: subject, ids: ids, numbers: numbers) }

    /// The same finding with every id it names replaced (pseudonymisation).
    package func mappingIDs(_ replace: (String) -> String) -> Finding {
        var mapped = self
        mapped.subject = replace(subject)
        mapped.ids = ids.map(replace)
        return mapped
    }
}

extension Finding {
    /// The published order: by rule, then by subject as bytes, so any input row order gives the same list.
    package static func publishedOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.subject != rhs.subject { return lhs.subject.utf8.lexicographicallyPrecedes(rhs.subject.utf8) }
        return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8)
    }
}

extension Finding {
    /// `findings` in `publishedOrder` (ties keep their input order), sorted by `TextColumn`'s keyed id
    /// order: comparing and moving whole findings (two strings each) cost more than rendering them.
    package static func publishedSorted(_ findings: [Finding]) -> [Finding] {
        let rank = Dictionary(uniqueKeysWithValues: Rule.allCases.sorted().enumerated().map { ($1, Int32($0)) })
        var subjects = TextColumn()
        for finding in findings { subjects.append(finding.subject.utf8) }
        let order = subjects.sorted(
            Array(findings.indices), group: { rank[findings[$0].rule]! },
            thenBy: { findings[$0].message.utf8.lexicographicallyPrecedes(findings[$1].message.utf8) })
        return order.map { findings[$0] }
    }
}
