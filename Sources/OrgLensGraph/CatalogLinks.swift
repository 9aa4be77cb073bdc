package import OrgLensKeys
package import OrgLensModel
package import OrgLensStage

/// Services with their owners joined to the teams: unknown owner teams dropped and counted.
package struct LinkedServices: Sendable {
    package let source: String
    package let index: KeyIndex
    package let names: [String]
    /// Distinct known owner teams of each service, in first-seen order.
    package let owners: [[Int32]]
    package let rowsRead: Int
    package let rejections: [Rejection]
    /// Team ids named as owners that the teams export does not define, with how many references each.
    package let unknownReferences: [String: Int]
}

/// Dependencies between known services, each edge once; rows naming an unknown service are quarantined.
package struct LinkedDependencies: Sendable {
    package let source: String
    /// (service, depends on) pairs, sorted and unique.
    package let edges: [(from: Int32, to: Int32)]
    package let rowsRead: Int
    package let rejections: [Rejection]
}

/// The catalog joins: service owners to teams, dependency rows to services.
package enum CatalogLinks {
    package static func services(_ services: StagedServices, teams: StagedTeams) -> LinkedServices {
        var unknown: [String: Int] = [:]
        let owners = services.ownerIDs.map { ids in
            var keys: [Int32] = []
            for id in ids {
                guard let team = teams.index.key(of: id) else {
                    unknown[id, default: 0] += 1
                    continue
                }
                if !keys.contains(team) { keys.append(team) }
            }
            return keys
        }
        return LinkedServices(
            source: services.source, index: services.index, names: services.names, owners: owners,
            rowsRead: services.rowsRead, rejections: services.rejections, unknownReferences: unknown)
    }

    package static func dependencies(_ dependencies: StagedDependencies, services: LinkedServices) -> LinkedDependencies
    {
        var rejections = dependencies.rejections
        var edges: [UInt64] = []
        let fromKeys = services.index.keys(of: dependencies.rows.map(\.from))
        let toKeys = services.index.keys(of: dependencies.rows.map(\.to))
        for (index, row) in dependencies.rows.enumerated() {
            guard let fromKey = fromKeys[index], let toKey = toKeys[index] else {
                let (fromKey, toKey) = (fromKeys[index], toKeys[index])
                let missing = [fromKey == nil ? row.from : nil, toKey == nil ? row.to : nil].compactMap { $0 }
                rejections.append(
                    Rejection(
                        source: dependencies.source, line: row.line, rule: .dependencyDangling,
                        message: missing.count == 1 ? .dependencyDangling : .dependenciesDangling,
                        ids: missing.map { $0.isEmpty ? "an empty id" : $0 }, employeeID: "", record: row.record))
                continue
            }
            edges.append(UInt64(UInt32(fromKey)) << 32 | UInt64(UInt32(toKey)))
        }
        edges.sort()
        var unique: [(from: Int32, to: Int32)] = []
        var previous: UInt64?
        for edge in edges where edge != previous {
            unique.append((Int32(truncatingIfNeeded: edge >> 32), Int32(truncatingIfNeeded: edge & 0xFFFF_FFFF)))
            previous = edge
        }
        return LinkedDependencies(
            source: dependencies.source, edges: unique, rowsRead: dependencies.rowsRead, rejections: rejections)
    }
}

extension RuleMessage {
    static let dependencyDangling: RuleMessage =
        "\(.id(0)) is no service in the catalog; add it to the services file or fix the id"
    static let dependenciesDangling: RuleMessage =
        "\(.id(0)) and \(.id(1)) is no service in the catalog; add it to the services file or fix the id"
}
