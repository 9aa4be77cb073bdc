/// How much a finding matters to the people reading the dashboard.
public enum Severity: String, Sendable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One observation about the org or its data, as it appears in `dashboard.json`'s `findings`.
///
/// Findings are values, not thrown errors: a run collects them and still publishes.
/// `subject` is an employee id or `org`; messages name ids only, never a person's name.
public struct Finding: Sendable, Hashable {
    public let rule: Rule
    public let severity: Severity
    public let subject: String
    public let value: Double?
    public let message: String

    public init(rule: Rule, severity: Severity, subject: String, value: Double?, message: String) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.value = value
        self.message = message
    }
}

extension Finding {
    /// The published order: by rule, then by subject as bytes, so any input row order gives the same list.
    public static func publishedOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.subject != rhs.subject { return lhs.subject.utf8.lexicographicallyPrecedes(rhs.subject.utf8) }
        return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8)
    }
}

extension Finding {
    /// `findings` in `publishedOrder` (ties keep their input order). Sorted through 20-byte keys —
    /// rule rank and the subject's first 15 bytes — because comparing and moving whole findings (two
    /// strings each) cost more than rendering them.
    public static func publishedSorted(_ findings: [Finding]) -> [Finding] {
        let rank = Dictionary(uniqueKeysWithValues: Rule.allCases.sorted().enumerated().map { ($1, UInt64($0)) })
        var keys = findings.indices.map { index in
            SortKey(finding: findings[index], rank: rank[findings[index].rule]!, index: Int32(index))
        }
        keys.sort { lhs, rhs in
            if lhs.high != rhs.high { return lhs.high < rhs.high }
            if lhs.low != rhs.low { return lhs.low < rhs.low }
            let left = findings[Int(lhs.index)]
            let right = findings[Int(rhs.index)]
            if publishedOrder(left, right) { return true }
            if publishedOrder(right, left) { return false }
            return lhs.index < rhs.index
        }
        return keys.map { findings[Int($0.index)] }
    }

    /// Big-endian packing, so comparing the integers compares the bytes; equal keys fall back to the
    /// full comparison.
    private struct SortKey {
        var high: UInt64
        var low: UInt64
        var index: Int32

        init(finding: Finding, rank: UInt64, index: Int32) {
            high = rank << 56
            low = 0
            for (offset, byte) in finding.subject.utf8.prefix(15).enumerated() {
                if offset < 7 {
                    high |= UInt64(byte) << (8 * (6 - UInt64(offset)))
                } else {
                    low |= UInt64(byte) << (8 * (14 - UInt64(offset)))
                }
            }
            self.index = index
        }
    }
}
