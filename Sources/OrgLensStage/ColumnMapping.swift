package import OrgLensModel

/// Which export column holds each canonical field: the canonical name itself unless `--map FIELD=COLUMN`
/// (or a pipeline's `map:`) says otherwise. Header names match case-insensitively, ignoring surrounding spaces.
package struct ColumnMapping<Field: CanonicalField>: Sendable, Hashable {
    package private(set) var overrides: [Field: String]
    /// Column names a preset suggests, in order of preference: the first the export has is used; a field
    /// whose suggestions are all absent is skipped (exports differ in which optional fields they include).
    package var suggestions: [Field: [String]] = [:]
    /// The preset the suggestions came from, for messages.
    package var presetName: String?
    /// Where the user sets a mapping, for messages: `sources.people.map` in a pipeline file, nil for the flags.
    package var pipelineKey: String?
    /// Further columns whose values join a field's (a map to a list: `dotted_manager_ids: [Matrix 1, Matrix 2]`).
    package var extraColumns: [Field: [String]] = [:]

    package init(overrides: [Field: String] = [:]) { self.overrides = overrides }

    /// Parses `FIELD=COLUMN` pairs as the CLI receives them.
    package init(pairs: [String]) throws(RunError) {
        var overrides: [Field: String] = [:]
        let option = Field.mapOption
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw RunError(
                    .usage, "\(option) '\(pair)' is not FIELD=COLUMN (e.g. \(option) \(Field.required[0].rawValue)=ID)."
                )
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

    package func columnName(for field: Field) -> String { overrides[field] ?? field.rawValue }

    /// For each of `fields`, the index of its column in `header`.
    ///
    /// Throws when a required field has no column, or when an explicit mapping names a column the
    /// header does not have: both mean the export and the configuration disagree. The header itself is
    /// never quoted: when it is not a header at all, it is the first person's data.
    package func resolve(_ fields: [Field], header: [String], source: String) throws(RunError) -> [Int?] {
        let normalized = header.map { $0.lowercased() }
        var resolved: [Int?] = []
        for field in fields {
            if overrides[field] == nil,
                let index = (suggestions[field] ?? []).lazy
                    .compactMap({ normalized.firstIndex(of: $0.lowercased()) }).first
            {
                resolved.append(index)
                continue
            }
            let wanted = columnName(for: field)
            let index = normalized.firstIndex(of: wanted.lowercased())
            if index == nil, overrides[field] != nil {
                throw RunError(
                    .badData,
                    "\(source): column '\(wanted)' (mapped to \(field.rawValue) by \(setting(field))) is not among the header's \(header.count) columns; check the spelling against the export's header line."
                )
            }
            if index == nil, Field.required.contains(field) {
                throw RunError(
                    .badData,
                    "\(source): no column for the required field \(field.rawValue): \(lookedFor(field)) is not among the header's \(header.count) columns. Map the export's column with \(setting(field))."
                )
            }
            resolved.append(index)
        }
        return resolved
    }

    /// The header indices of every further column, field by field in `fields`' order, then column by column.
    package func resolveExtras(_ fields: [Field], header: [String], source: String) throws(RunError) -> [Int] {
        let normalized = header.map { $0.lowercased() }
        var indices: [Int] = []
        for field in fields {
            for column in extraColumns[field] ?? [] {
                guard let index = normalized.firstIndex(of: column.lowercased()) else {
                    throw RunError(
                        .badData,
                        "\(source): column '\(column)' (mapped to \(field.rawValue) by \(setting(field))) is not among the header's \(header.count) columns; check the spelling against the export's header line."
                    )
                }
                indices.append(index)
            }
        }
        return indices
    }

    /// What was looked for, in the user's terms: the preset's column names, or the canonical name.
    private func lookedFor(_ field: Field) -> String {
        let names = ((suggestions[field] ?? []) + [field.rawValue]).map { "'\($0)'" }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let list = unique.count == 1 ? unique[0] : "none of " + unique.joined(separator: ", ")
        return presetName.map { "preset \($0) looks for \(list)" } ?? list
    }

    private func setting(_ field: Field) -> String {
        pipelineKey.map { "\($0).\(field.rawValue) in the pipeline file" }
            ?? "\(Field.mapOption) \(field.rawValue)=COLUMN"
    }
}
