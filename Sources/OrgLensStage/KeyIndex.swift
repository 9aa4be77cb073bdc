public import OrgLensModel

/// A frozen id → key table for the small catalogs (teams, services), shared between stages.
public struct KeyIndex: Sendable {
    /// Value `k` is the id of key `k`.
    public let names: TextColumn
    private let entries: [String: Int32]

    init(names: TextColumn, entries: [String: Int32]) {
        self.names = names
        self.entries = entries
    }

    public var count: Int { names.count }

    public func key(of id: String) -> Int32? { entries[id] }

    public func id(_ key: Int32) -> String { names.string(at: Int(key)) }
}
