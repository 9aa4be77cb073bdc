public import OrgLensModel

/// Teams as staged: ids interned, one row each; references (parent, lead) still unresolved.
public struct StagedTeams: Sendable {
    public let source: String
    public let index: KeyIndex
    /// Names and types as exported; nil when the export has no such column (published as null).
    public let names: [String?]
    public let types: [String?]
    /// Parent team key, -1 for none; unknown parents are dropped (and reported in `unknownReferences`).
    public let parent: [Int32]
    /// Lead ids as written (trimmed); resolved against the people of the org by `PeopleStager`.
    public let leadIDs: [String]
    /// Source line of each team's row.
    public let lines: [Int]
    public let rowsRead: Int
    public let rejections: [Rejection]
    /// Team ids that are referenced but not defined, with how many references each.
    public let unknownReferences: [String: Int]
}

/// Services as staged: ids interned; owners resolved to team keys (unknown owners dropped).
public struct StagedServices: Sendable {
    public let source: String
    public let index: KeyIndex
    public let names: [String]
    /// Distinct known owner teams of each service, in first-seen order.
    public let owners: [[Int32]]
    public let rowsRead: Int
    public let rejections: [Rejection]
    public let unknownReferences: [String: Int]
}

/// Dependencies between known services, each edge once.
public struct StagedDependencies: Sendable {
    public let source: String
    /// (service, depends on) pairs, sorted and unique.
    public let edges: [(from: Int32, to: Int32)]
    public let rowsRead: Int
    public let rejections: [Rejection]
}
