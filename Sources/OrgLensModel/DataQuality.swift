/// Where every data row of the input ended: in the org, excluded by policy, or quarantined.
/// `rowsRead == inOrg + excludedTotal + quarantinedTotal` always holds.
public struct DataQuality: Sendable, Hashable {
    /// Rules that decide a row's outcome, in the order they are published.
    public static let exclusionRules: [Rule] = [.policyInactiveStatus, .policyNotStarted]
    public static let quarantineRules: [Rule] = [.rowMissingID, .rowDuplicateID, .rowMalformed, .managerCycle]

    public let rowsRead: Int
    public let inOrg: Int
    public let excluded: [Rule: Int]
    public let quarantined: [Rule: Int]

    public init(rowsRead: Int, inOrg: Int, excluded: [Rule: Int], rejections: [Rejection]) {
        self.rowsRead = rowsRead
        self.inOrg = inOrg
        self.excluded = excluded
        var quarantined: [Rule: Int] = [:]
        for rejection in rejections { quarantined[rejection.rule, default: 0] += 1 }
        self.quarantined = quarantined
    }

    public var excludedTotal: Int { excluded.values.reduce(0, +) }
    public var quarantinedTotal: Int { quarantined.values.reduce(0, +) }
    public var isBalanced: Bool { rowsRead == inOrg + excludedTotal + quarantinedTotal }
}
