/// Where every data row of one input ended: accepted into the model, excluded by policy, or quarantined.
/// `rowsRead == accepted + excludedTotal + quarantinedTotal` always holds.
public struct DataQuality: Sendable, Hashable {
    /// The kinds of input, each with the rules that can decide a row's outcome, in published order.
    public enum Input: String, Sendable, CaseIterable {
        case people, teams, services, dependencies

        public var exclusionRules: [Rule] {
            self == .people ? [.policyInactiveStatus, .policyNotStarted, .policySuperseded, .rowBlank] : []
        }

        public var quarantineRules: [Rule] {
            switch self {
            case .people: [.rowMissingID, .rowDuplicateID, .rowMalformed, .managerCycle]
            case .teams: [.teamMissingID, .teamDuplicateID, .rowMalformed, .teamParentCycle]
            case .services: [.serviceMissingID, .rowMalformed]
            case .dependencies: [.dependencyDangling, .rowMalformed]
            }
        }
    }

    public let input: Input
    public let rowsRead: Int
    /// Rows in the model (for people: in the org).
    public let accepted: Int
    public let excluded: [Rule: Int]
    public let quarantined: [Rule: Int]
    /// People only: how the values were read.
    public var reading: SourceReading?

    /// `notKept`: rejected rows the reader only counted (past the number it keeps whole).
    public init(
        input: Input, rowsRead: Int, accepted: Int, excluded: [Rule: Int] = [:], rejections: [Rejection],
        notKept: [Rule: Int] = [:]
    ) {
        self.input = input
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.excluded = excluded
        var quarantined: [Rule: Int] = [:]
        for rejection in rejections { quarantined[rejection.rule, default: 0] += 1 }
        quarantined.merge(notKept, uniquingKeysWith: +)
        self.quarantined = quarantined
    }

    public var excludedTotal: Int { excluded.values.reduce(0, +) }
    public var quarantinedTotal: Int { quarantined.values.reduce(0, +) }
    public var isBalanced: Bool { rowsRead == accepted + excludedTotal + quarantinedTotal }
}

/// How the people export's values were read: what `auto` settings became, how many values of each
/// typed field could not be read, and which status or type values no vocabulary knew.
public struct SourceReading: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let field: String
        public let nonEmpty: Int
        public let unreadable: Int

        public init(field: String, nonEmpty: Int, unreadable: Int) {
            self.field = field
            self.nonEmpty = nonEmpty
            self.unreadable = unreadable
        }
    }

    /// An unmapped value and how many rows hold it; `value` is nil for the values too rare to name.
    public struct Unmapped: Sendable, Hashable {
        public let field: String
        public let value: String?
        public let rows: Int

        public init(field: String, value: String?, rows: Int) {
            self.field = field
            self.value = value
            self.rows = rows
        }
    }

    public let managerReference: String
    public let dateFormat: String
    public let fields: [Field]
    public let unmapped: [Unmapped]
    /// People staged with a salary of exactly 0 (nil without a salary column): in headcount, never pay.
    public let zeroPay: Int?

    public init(
        managerReference: String, dateFormat: String, fields: [Field], unmapped: [Unmapped], zeroPay: Int? = nil
    ) {
        self.managerReference = managerReference
        self.dateFormat = dateFormat
        self.fields = fields
        self.unmapped = unmapped
        self.zeroPay = zeroPay
    }
}
