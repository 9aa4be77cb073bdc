package import OrgLensGraph
import OrgLensKeys
import OrgLensModel
import OrgLensStage

/// Team boundaries, service ownership and Conway congruence over the frozen org and catalogs.
package enum TeamMetrics {
    package static func compute(
        graph: OrgGraph, catalog: TeamCatalog, services: LinkedServices?, dependencies: LinkedDependencies?,
        sizes: TeamSizeBands = TeamSizeBands(), workers: Int
    ) -> TeamReport {
        let teamCount = catalog.count
        let shapes = parallelChunks(count: teamCount, workers: workers, serialThreshold: 2048) { range in
            range.map { TeamShape.measure(team: $0, catalog: catalog, graph: graph) }
        }.flatMap { $0 }
        let teamDependencies = services.flatMap { services in
            dependencies.map { TeamDependencies(services: services, dependencies: $0, removed: catalog.removed) }
        }

        var servicesOwned = [Int](repeating: 0, count: teamCount)
        if let services {
            for owners in services.owners { for team in owners { servicesOwned[Int(team)] += 1 } }
        }
        var outbound = [Int](repeating: 0, count: teamCount)
        var inbound = [Int](repeating: 0, count: teamCount)
        var crossOrgDependencies = [Int](repeating: 0, count: teamCount)
        for pair in teamDependencies?.directed ?? [] {
            let (from, to) = TeamDependencies.split(pair)
            outbound[from] += 1
            inbound[to] += 1
            let fromHead = shapes[from].orgHead
            let toHead = shapes[to].orgHead
            if fromHead >= 0, toHead >= 0, fromHead != toHead { crossOrgDependencies[from] += 1 }
        }

        let order = catalog.teams.index.names.sorted((0..<teamCount).filter { !catalog.removed[$0] })
        // Each record makes its ids into strings: the records are made in chunks on the workers, in order.
        let counts = (owned: servicesOwned, outbound: outbound, inbound: inbound, crossOrg: crossOrgDependencies)
        let chunks = parallelChunks(count: order.count, workers: workers, serialThreshold: 4096) { range in
            var records: [TeamRecord] = []
            records.reserveCapacity(range.count)
            var findings: [Finding] = []
            for team in order[range] {
                let shape = shapes[team]
                let id = catalog.teams.index.id(Int32(team))
                let lead = catalog.lead[team]
                records.append(
                    TeamRecord(
                        team: Int32(team), id: id, name: catalog.teams.names[team], type: catalog.teams.types[team],
                        size: shape.size,
                        leadID: lead >= 0 ? graph.id(Int(lead)) : nil, reportingManagers: shape.reportingManagers,
                        alignment: shape.alignment,
                        owningManager: shape.owningManager >= 0 ? graph.id(Int(shape.owningManager)) : nil,
                        orgHead: shape.orgHead >= 0 ? graph.id(Int(shape.orgHead)) : nil, crossOrg: shape.crossOrg,
                        servicesOwned: services == nil ? nil : counts.owned[team],
                        outboundTeams: teamDependencies == nil ? nil : counts.outbound[team],
                        inboundTeams: teamDependencies == nil ? nil : counts.inbound[team],
                        crossOrgDependencies: teamDependencies == nil ? nil : counts.crossOrg[team]))
                findings += teamFindings(id: id, shape: shape, sizes: sizes)
            }
            return (records, findings)
        }
        var records: [TeamRecord] = []
        // Sized once: grown by doubling, the records of a million-team catalog would briefly be held twice.
        records.reserveCapacity(order.count)
        var findings: [Finding] = []
        for (chunkRecords, chunkFindings) in chunks {
            records += chunkRecords
            findings += chunkFindings
        }
        var serviceRecords: [ServiceRecord]?
        if let services {
            let table = ServiceOwnership.build(
                services: services, dependencies: dependencies, catalog: catalog, shapes: shapes)
            serviceRecords = table.records
            findings += table.findings
        }
        let conway = teamDependencies.map { ConwayMetrics.compute($0, shapes: shapes, graph: graph) }
        return TeamReport(teams: records, services: serviceRecords, conway: conway, findings: findings)
    }

    private static func teamFindings(id: String, shape: TeamShape, sizes: TeamSizeBands) -> [Finding] {
        var findings: [Finding] = []
        if shape.reportingManagers > 1 {
            findings.append(
                Finding(
                    rule: .teamSplitReporting, severity: .warning, subject: id, value: Double(shape.reportingManagers),
                    message: .teamSplitReporting, numbers: [shape.reportingManagers]))
        }
        if shape.crossOrg {
            findings.append(
                Finding(
                    rule: .teamCrossOrg, severity: .warning, subject: id, value: nil,
                    message: .teamCrossOrg))
        }
        if shape.size < sizes.minimum {
            findings.append(
                Finding(
                    rule: .teamUndersized, severity: .info, subject: id, value: Double(shape.size),
                    message: shape.size == 1 ? .teamUndersizedOne : .teamUndersized,
                    numbers: [shape.size, sizes.minimum]))
        } else if shape.size > sizes.maximum {
            findings.append(
                Finding(
                    rule: .teamOversized, severity: .info, subject: id, value: Double(shape.size),
                    message: .teamOversized, numbers: [shape.size, sizes.maximum]))
        }
        return findings
    }
}

extension RuleMessage {
    static let teamSplitReporting: RuleMessage =
        "team \(.subject)'s members report to \(.number(0)) different managers"
    static let teamCrossOrg: RuleMessage = "team \(.subject)'s members sit under more than one org head"
    static let teamUndersizedOne: RuleMessage = "team \(.subject) has \(.number(0)) member (fewer than \(.number(1)))"
    static let teamUndersized: RuleMessage = "team \(.subject) has \(.number(0)) members (fewer than \(.number(1)))"
    static let teamOversized: RuleMessage = "team \(.subject) has \(.number(0)) members (more than \(.number(1)))"
}
