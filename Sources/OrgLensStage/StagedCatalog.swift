package import OrgLensKeys
package import OrgLensModel

/// Teams as staged: ids interned, one row each; references (parent, lead) still unresolved.
package struct StagedTeams: Sendable {
    package let source: String
    package let index: KeyIndex
    /// Names and types as exported; nil when the export has no such column (published as null).
    package let names: [String?]
    package let types: [String?]
    /// Parent team key, -1 for none; unknown parents are dropped (and reported in `unknownReferences`).
    package let parent: [Int32]
    /// Lead ids as written (trimmed); resolved against the people of the org by `PeopleStager`.
    package let leadIDs: [String]
    /// Source line of each team's row.
    package let lines: [Int]
    package let rowsRead: Int
    package let rejections: [Rejection]
    /// Team ids that are referenced but not defined, with how many references each.
    package let unknownReferences: [String: Int]
}

/// Services as staged: ids interned, one row each; owner team ids as written (joined to the teams by
/// `CatalogLinks` in the graph step).
package struct StagedServices: Sendable {
    package let source: String
    package let index: KeyIndex
    package let names: [String]
    /// Distinct owner team ids of each service, in first-seen order.
    package let ownerIDs: [[String]]
    package let rowsRead: Int
    package let rejections: [Rejection]
}

/// One row of the dependencies export: which service depends on which, ids as written.
package struct DependencyRow: Sendable {
    package let from: String
    package let to: String
    package let line: Int
    package let record: Int
}

/// Dependency rows as staged (joined to the services by `CatalogLinks` in the graph step).
package struct StagedDependencies: Sendable {
    package let source: String
    package let rows: [DependencyRow]
    package let rowsRead: Int
    package let rejections: [Rejection]
}
