/// A source row that cannot enter the org: it goes to `quarantine.csv`, never silently away.
///
/// Stages that reject a row know its record index but not always its text; the pipeline fills
/// `raw` from the source before the quarantine is written. The message is rendered from the rule's declared
/// message when written; the quarantine is for operators fixing the source, so its ids are the real ones.
package struct Rejection: Sendable, Hashable {
    package let source: String
    package let line: Int
    package let rule: Rule
    package let template: RuleMessage
    /// Ids the message names (the row's own id is `employeeID`, the message's subject).
    package let ids: [String]
    package let numbers: MessageNumbers
    package let employeeID: String
    /// Index of the record in its `RawTable`, or nil for records the reader could not split into fields.
    package let record: Int?
    package var raw: String

    package init(
        source: String, line: Int, rule: Rule, message: RuleMessage, ids: [String] = [], numbers: MessageNumbers = [],
        employeeID: String, record: Int?, raw: String = ""
    ) {
        self.source = source
        self.line = line
        self.rule = rule
        self.template = message
        self.ids = ids
        self.numbers = numbers
        self.employeeID = employeeID
        self.record = record
        self.raw = raw
    }

    /// What is wrong and how to fix it, as `quarantine.csv` shows it.
    package var message: String { template.render(subject: employeeID, ids: ids, numbers: numbers) }
}

extension Rejection {
    /// The same rejection with its line moved by `offset` (a parallel reader's chunk-relative line made absolute).
    package func movingLine(by offset: Int) -> Rejection {
        Rejection(
            source: source, line: line + offset, rule: rule, message: template, ids: ids, numbers: numbers,
            employeeID: employeeID, record: record, raw: raw)
    }

    /// Quarantine order: by source, then line, then rule, so reruns and worker counts agree.
    package static func fileOrder(_ lhs: Rejection, _ rhs: Rejection) -> Bool {
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.rule < rhs.rule
    }
}
