/// Where every data row of one input ended: accepted into the model, excluded by policy, or quarantined.
/// `rowsRead == accepted + excludedTotal + quarantinedTotal` always holds.
package struct DataQuality: Sendable, Hashable {
    /// The kinds of input, each with the rules that can decide a row's outcome, in published order.
    package enum Input: String, Sendable, CaseIterable {
        case people, teams, services, dependencies, positions

        package var exclusionRules: [Rule] {
            self == .people ? [.policyInactiveStatus, .policyNotStarted, .policySuperseded, .rowBlank] : []
        }

        package var quarantineRules: [Rule] {
            switch self {
            case .people: [.rowMissingID, .rowDuplicateID, .rowMalformed, .managerCycle]
            case .teams: [.teamMissingID, .teamDuplicateID, .rowMalformed, .teamParentCycle]
            case .services: [.serviceMissingID, .rowMalformed]
            case .dependencies: [.dependencyDangling, .rowMalformed]
            case .positions: [.positionMissingID, .positionDuplicateID, .positionInvalidValue, .rowMalformed]
            }
        }
    }

    package let input: Input
    package let rowsRead: Int
    /// Rows in the model (for people: in the org).
    package let accepted: Int
    package let excluded: [Rule: Int]
    package let quarantined: [Rule: Int]
    /// People only: how the values were read.
    package var reading: SourceReading?

    /// `notKept`: rejected rows the reader only counted (past the number it keeps whole).
    package init(
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

    package var excludedTotal: Int { excluded.values.reduce(0, +) }
    package var quarantinedTotal: Int { quarantined.values.reduce(0, +) }
    package var isBalanced: Bool { rowsRead == accepted + excludedTotal + quarantinedTotal }
}

/// How the people export's values were read: what `auto` settings became, how many values of each
/// typed field could not be read, and which status or type values no vocabulary knew.
package struct SourceReading: Sendable, Hashable {
    package struct Field: Sendable, Hashable {
        package let field: String
        package let nonEmpty: Int
        package let unreadable: Int

        package init(field: String, nonEmpty: Int, unreadable: Int) {
            self.field = field
            self.nonEmpty = nonEmpty
            self.unreadable = unreadable
        }
    }

    /// An unmapped value and how many rows hold it; `value` is nil for the values too rare to name.
    package struct Unmapped: Sendable, Hashable {
        package let field: String
        package let value: String?
        package let rows: Int

        package init(field: String, value: String?, rows: Int) {
            self.field = field
            self.value = value
            self.rows = rows
        }
    }

    package let managerReference: String
    package let dateFormat: String
    package let fields: [Field]
    package let unmapped: [Unmapped]
    /// People staged with a salary of exactly 0 (nil without a salary column): in headcount, never pay.
    package let zeroPay: Int?

    package init(
        managerReference: String, dateFormat: String, fields: [Field], unmapped: [Unmapped], zeroPay: Int? = nil
    ) {
        self.managerReference = managerReference
        self.dateFormat = dateFormat
        self.fields = fields
        self.unmapped = unmapped
        self.zeroPay = zeroPay
    }
}
