public import OrgLensModel

/// Stages the team, service and dependency exports: interns their ids, quarantines rows without an
/// id (and repeated teams), and resolves references between them. References to teams that do not
/// exist are counted (they become `team.unknown` findings) and left out.
public enum CatalogStager {
    public static func stageTeams(_ table: RawTable) -> StagedTeams {
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

    public static func stageServices(_ table: RawTable, teams: StagedTeams) -> StagedServices {
        var interner = KeyInterner(capacity: max(16, table.recordCount))
        var rejections = table.rejections
        var names: [String] = []
        var owners: [[Int32]] = []
        var unknown: [String: Int] = [:]
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
            if key == owners.count {
                names.append(name(record))
                owners.append([])
            }
            let owner = ownerTeamID(record)
            guard !owner.isEmpty else { continue }
            guard let team = teams.index.key(of: owner) else {
                unknown[owner, default: 0] += 1
                continue
            }
            if !owners[key].contains(team) { owners[key].append(team) }
        }
        return StagedServices(
            source: table.source, index: interner.frozen(), names: names, owners: owners,
            rowsRead: table.rowsRead, rejections: rejections, unknownReferences: unknown)
    }

    public static func stageDependencies(_ table: RawTable, services: StagedServices) -> StagedDependencies {
        var rejections = table.rejections
        var edges: [UInt64] = []
        let (fromID, toID) = (
            Column(table, DependencyField.serviceID), Column(table, DependencyField.dependsOnServiceID)
        )
        for record in 0..<table.recordCount {
            let from = fromID(record)
            let to = toID(record)
            let fromKey = services.index.key(of: from)
            let toKey = services.index.key(of: to)
            guard let fromKey, let toKey else {
                let missing = [fromKey == nil ? from : nil, toKey == nil ? to : nil].compactMap { $0 }
                rejections.append(
                    Rejection(
                        source: table.source, line: table.lines[record], rule: .dependencyDangling,
                        message: missing.count == 1 ? .dependencyDangling : .dependenciesDangling,
                        ids: missing.map { $0.isEmpty ? "an empty id" : $0 }, employeeID: "", record: record))
                continue
            }
            edges.append(UInt64(UInt32(fromKey)) << 32 | UInt64(UInt32(toKey)))
        }
        edges.sort()
        var unique: [(Int32, Int32)] = []
        var previous: UInt64?
        for edge in edges where edge != previous {
            unique.append((Int32(truncatingIfNeeded: edge >> 32), Int32(truncatingIfNeeded: edge & 0xFFFF_FFFF)))
            previous = edge
        }
        return StagedDependencies(source: table.source, edges: unique, rowsRead: table.rowsRead, rejections: rejections)
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
    static let dependencyDangling: RuleMessage =
        "\(.id(0)) is no service in the catalog; add it to the services file or fix the id"
    static let dependenciesDangling: RuleMessage =
        "\(.id(0)) and \(.id(1)) is no service in the catalog; add it to the services file or fix the id"
}
