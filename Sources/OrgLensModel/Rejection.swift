/// A source row that cannot enter the org: it goes to `quarantine.csv`, never silently away.
///
/// Stages that reject a row know its record index but not always its text; the pipeline fills
/// `raw` from the source before the quarantine is written.
public struct Rejection: Sendable, Hashable {
    public let source: String
    public let line: Int
    public let rule: Rule
    public let message: String
    public let employeeID: String
    /// Index of the record in its `RawTable`, or nil for records the reader could not split into fields.
    public let record: Int?
    public var raw: String

    public init(
        source: String, line: Int, rule: Rule, message: String, employeeID: String, record: Int?, raw: String = ""
    ) {
        self.source = source
        self.line = line
        self.rule = rule
        self.message = message
        self.employeeID = employeeID
        self.record = record
        self.raw = raw
    }
}

extension Rejection {
    /// The same rejection with its line moved by `offset` (a parallel reader's chunk-relative line made absolute).
    public func movingLine(by offset: Int) -> Rejection {
        Rejection(
            source: source, line: line + offset, rule: rule, message: message, employeeID: employeeID, record: record,
            raw: raw)
    }

    /// Quarantine order: by source, then line, then rule, so reruns and worker counts agree.
    public static func fileOrder(_ lhs: Rejection, _ rhs: Rejection) -> Bool {
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.rule < rhs.rule
    }
}
