/// Where every data row of one input ended: accepted into the model, excluded by policy, or quarantined.
/// `rowsRead == accepted + excludedTotal + quarantinedTotal` always holds.
public struct DataQuality: Sendable, Hashable {
    /// The kinds of input, each with the rules that can decide a row's outcome, in published order.
    public enum Input: String, Sendable, CaseIterable {
        case people, teams, services, dependencies

        public var exclusionRules: [Rule] {
            self == .people ? [.policyInactiveStatus, .policyNotStarted] : []
        }

        public var quarantineRules: [Rule] {
            switch self {
            case .people: [.rowMissingID, .rowDuplicateID, .rowMalformed, .managerAmbiguous, .managerCycle]
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

    public init(input: Input, rowsRead: Int, accepted: Int, excluded: [Rule: Int] = [:], rejections: [Rejection]) {
        self.input = input
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.excluded = excluded
        var quarantined: [Rule: Int] = [:]
        for rejection in rejections { quarantined[rejection.rule, default: 0] += 1 }
        self.quarantined = quarantined
    }

    public var excludedTotal: Int { excluded.values.reduce(0, +) }
    public var quarantinedTotal: Int { quarantined.values.reduce(0, +) }
    public var isBalanced: Bool { rowsRead == accepted + excludedTotal + quarantinedTotal }
}
