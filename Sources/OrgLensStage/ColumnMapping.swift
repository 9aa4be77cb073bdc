public import OrgLensModel

/// Which export column holds each canonical field: the canonical name itself unless `--map FIELD=COLUMN`
/// (or `--teams-map`, …) says otherwise. Header names match case-insensitively, ignoring surrounding spaces.
public struct ColumnMapping<Field: CanonicalField>: Sendable, Hashable {
    public private(set) var overrides: [Field: String]
    /// Column names a preset suggests: used when the export has them, skipped when it does not
    /// (exports differ in which optional fields they include).
    public var suggestions: [Field: String] = [:]

    public init(overrides: [Field: String] = [:]) { self.overrides = overrides }

    /// Parses `FIELD=COLUMN` pairs as the CLI receives them.
    public init(pairs: [String]) throws(RunError) {
        var overrides: [Field: String] = [:]
        let option = Field.mapOption
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw RunError(.usage, "\(option) '\(pair)' is not FIELD=COLUMN (e.g. \(option) \(Field.required[0].rawValue)=ID).")
            }
            let name = String(pair[..<equals])
            guard let field = Field(rawValue: name) else {
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw RunError(.usage, "\(option): unknown field '\(name)'; fields are: \(known).")
            }
            overrides[field] = String(pair[pair.index(after: equals)...])
        }
        self.overrides = overrides
    }

    public func columnName(for field: Field) -> String { overrides[field] ?? field.rawValue }

    /// For each of `fields`, the index of its column in `header`.
    ///
    /// Throws when a required field has no column, or when an explicit mapping names a column the
    /// header does not have: both mean the export and the configuration disagree.
    public func resolve(_ fields: [Field], header: [String], source: String) throws(RunError) -> [Int?] {
        let normalized = header.map { $0.lowercased() }
        var resolved: [Int?] = []
        for field in fields {
            if overrides[field] == nil, let suggested = suggestions[field],
               let index = normalized.firstIndex(of: suggested.lowercased()) {
                resolved.append(index)
                continue
            }
            let wanted = columnName(for: field)
            let index = normalized.firstIndex(of: wanted.lowercased())
            if index == nil, overrides[field] != nil {
                throw RunError(.badData, "\(source): column '\(wanted)' (mapped to \(field.rawValue)) is not in the header; the header has: \(Self.list(header)).")
            }
            if index == nil, Field.required.contains(field) {
                throw RunError(.badData, "\(source): required column '\(field.rawValue)' is missing; the header has: \(Self.list(header)). Rename it in the export or pass \(Field.mapOption) \(field.rawValue)=COLUMN.")
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
