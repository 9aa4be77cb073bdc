import OrgLensKeys
package import OrgLensModel

/// Stages the team, service and dependency exports one to one: interns their ids and quarantines rows without
/// an id (and repeated teams). References between them are joined after staging, by `CatalogLinks`.
package enum CatalogStager {
    package static func stageTeams(_ table: RawTable) -> StagedTeams {
        var interner = KeyInterner(capacity: max(16, table.recordCount))
        var rejections = table.rejections
        var names: [String?] = []
        var types: [String?] = []
        var parentIDs: [String] = []
        var leadIDs: [String] = []
        var firstLine: [Int] = []
        let (teamID, name, type, parentID, leadID) = (
            Column(table, TeamField.teamID), Column(table, TeamField.name), Column(table, TeamField.type),
            Column(table, TeamField.parentTeamID), Column(table, TeamField.leadID)
        )
        for record in 0..<table.recordCount {
            let line = table.lines[record]
            let id = teamID(record)
            guard !id.isEmpty else {
                rejections.append(
                    Rejection(
                        source: table.source, line: line, rule: .teamMissingID,
                        message: .teamMissingID, employeeID: "", record: record))
                continue
            }
            let key = Int(interner.key(for: id))
            if key < firstLine.count {
                rejections.append(
                    Rejection(
                        source: table.source, line: line, rule: .teamDuplicateID,
                        message: .teamDuplicateID, numbers: [firstLine[key]],
                        employeeID: id, record: record))
                continue
            }
            firstLine.append(line)
            names.append(name.optional(record))
            types.append(type.optional(record))
            parentIDs.append(parentID(record))
            leadIDs.append(leadID(record))
        }
        let index = interner.frozen()
        var unknown: [String: Int] = [:]
        let parent = parentIDs.map { id -> Int32 in
            guard !id.isEmpty else { return -1 }
            guard let key = index.key(of: id) else {
                unknown[id, default: 0] += 1
                return -1
            }
            return key
        }
        return StagedTeams(
            source: table.source, index: index, names: names, types: types, parent: parent,
            leadIDs: leadIDs, lines: firstLine, rowsRead: table.rowsRead, rejections: rejections,
            unknownReferences: unknown)
    }

    package static func stageServices(_ table: RawTable) -> StagedServices {
        var interner = KeyInterner(capacity: max(16, table.recordCount))
        var rejections = table.rejections
        var names: [String] = []
        var ownerIDs: [[String]] = []
        let (serviceID, name, ownerTeamID) = (
            Column(table, ServiceField.serviceID), Column(table, ServiceField.name),
            Column(table, ServiceField.ownerTeamID)
        )
        for record in 0..<table.recordCount {
            let id = serviceID(record)
            guard !id.isEmpty else {
                rejections.append(
                    Rejection(
                        source: table.source, line: table.lines[record], rule: .serviceMissingID,
                        message: .serviceMissingID, employeeID: "", record: record))
                continue
            }
            let key = Int(interner.key(for: id))
            if key == ownerIDs.count {
                names.append(name(record))
                ownerIDs.append([])
            }
            let owner = ownerTeamID(record)
            if !owner.isEmpty, !ownerIDs[key].contains(owner) { ownerIDs[key].append(owner) }
        }
        return StagedServices(
            source: table.source, index: interner.frozen(), names: names, ownerIDs: ownerIDs,
            rowsRead: table.rowsRead, rejections: rejections)
    }

    package static func stageDependencies(_ table: RawTable) -> StagedDependencies {
        let (fromID, toID) = (
            Column(table, DependencyField.serviceID), Column(table, DependencyField.dependsOnServiceID)
        )
        let rows = (0..<table.recordCount).map { record in
            DependencyRow(from: fromID(record), to: toID(record), line: table.lines[record], record: record)
        }
        return StagedDependencies(
            source: table.source, rows: rows, rowsRead: table.rowsRead, rejections: table.rejections)
    }
}

/// Trimmed string values of one column of a raw table (catalogs are small: strings are fine), found
/// once rather than by name for every value.
private struct Column {
    let values: TextColumn?

    init<Field: CanonicalField>(_ table: RawTable, _ field: Field) { values = table.column(field.rawValue) }

    func callAsFunction(_ record: Int) -> String { values?.trimmedString(at: record) ?? "" }

    /// The value, or nil when the export has no such column.
    func optional(_ record: Int) -> String? { values?.trimmedString(at: record) }
}

extension RuleMessage {
    static let teamMissingID: RuleMessage = "team_id is empty; every team needs an id"
    static let teamDuplicateID: RuleMessage =
        "team_id \(.subject) already appears on line \(.number(0)); the first row is kept"
    static let serviceMissingID: RuleMessage = "service_id is empty; every service needs an id"
}
