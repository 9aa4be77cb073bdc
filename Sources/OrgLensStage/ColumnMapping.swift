public import OrgLensModel

/// Which export column holds each canonical field: the canonical name itself unless `--map FIELD=COLUMN`
/// says otherwise. Header names match case-insensitively and ignoring surrounding spaces.
public struct ColumnMapping: Sendable, Hashable {
    public private(set) var overrides: [PersonField: String]

    public init(overrides: [PersonField: String] = [:]) { self.overrides = overrides }

    /// Parses `FIELD=COLUMN` pairs as the CLI receives them.
    public init(pairs: [String]) throws(RunError) {
        var overrides: [PersonField: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw RunError(.usage, "--map '\(pair)' is not FIELD=COLUMN (e.g. --map employee_id=EMPLOYEE_ID).")
            }
            let name = String(pair[..<equals])
            guard let field = PersonField(rawValue: name) else {
                let known = PersonField.allCases.map(\.rawValue).joined(separator: ", ")
                throw RunError(.usage, "--map: unknown field '\(name)'; fields are: \(known).")
            }
            overrides[field] = String(pair[pair.index(after: equals)...])
        }
        self.overrides = overrides
    }

    public func columnName(for field: PersonField) -> String { overrides[field] ?? field.rawValue }

    /// For each of `fields`, the index of its column in `header`.
    ///
    /// Throws when a required field has no column, or when an explicit mapping names a column the
    /// header does not have: both mean the export and the configuration disagree.
    public func resolve(_ fields: [PersonField], header: [String], source: String) throws(RunError) -> [Int?] {
        let normalized = header.map { $0.lowercased() }
        var resolved: [Int?] = []
        for field in fields {
            let wanted = columnName(for: field)
            let index = normalized.firstIndex(of: wanted.lowercased())
            if index == nil, overrides[field] != nil {
                throw RunError(.badData, "\(source): column '\(wanted)' (mapped to \(field.rawValue)) is not in the header; the header has: \(Self.list(header)).")
            }
            if index == nil, PersonField.required.contains(field) {
                throw RunError(.badData, "\(source): required column '\(field.rawValue)' is missing; the header has: \(Self.list(header)). Rename it in the export or pass --map \(field.rawValue)=COLUMN.")
            }
            resolved.append(index)
        }
        return resolved
    }

    private static func list(_ header: [String]) -> String {
        let shown = header.prefix(40).map { "'\($0)'" }.joined(separator: ", ")
        return header.count > 40 ? shown + ", … (\(header.count) columns)" : shown
    }
}
