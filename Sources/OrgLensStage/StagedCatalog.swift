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

/// Services as staged: ids interned, one row each; owner team ids as written (joined to the teams by
/// `CatalogLinks` in the graph step).
public struct StagedServices: Sendable {
    public let source: String
    public let index: KeyIndex
    public let names: [String]
    /// Distinct owner team ids of each service, in first-seen order.
    public let ownerIDs: [[String]]
    public let rowsRead: Int
    public let rejections: [Rejection]
}

/// One row of the dependencies export: which service depends on which, ids as written.
public struct DependencyRow: Sendable {
    public let from: String
    public let to: String
    public let line: Int
    public let record: Int
}

/// Dependency rows as staged (joined to the services by `CatalogLinks` in the graph step).
public struct StagedDependencies: Sendable {
    public let source: String
    public let rows: [DependencyRow]
    public let rowsRead: Int
    public let rejections: [Rejection]
}
