import OrgLensGraph
import OrgLensKeys
import OrgLensModel
import OrgLensStage

/// The `services` table: owners, live owners, ownership class and dependency counts, with findings for
/// services nobody (live) owns and services shared by several teams.
enum ServiceOwnership {
    static func build(
        services: LinkedServices, dependencies: LinkedDependencies?, catalog: TeamCatalog, shapes: [TeamShape]
    ) -> (records: [ServiceRecord], findings: [Finding]) {
        var dependencyCount = [Int](repeating: 0, count: services.index.count)
        var dependentCount = [Int](repeating: 0, count: services.index.count)
        for edge in dependencies?.edges ?? [] where edge.from != edge.to {
            dependencyCount[Int(edge.from)] += 1
            dependentCount[Int(edge.to)] += 1
        }
        var records: [ServiceRecord] = []
        var findings: [Finding] = []
        let order = services.index.names.sorted(Array(0..<services.index.count))
        records.reserveCapacity(order.count)
        let teamIDs = catalog.teams.index
        for service in order {
            let owners = services.owners[service].filter { !catalog.removed[Int($0)] }
            let ownerIDs = (owners.count > 1 ? owners.sorted { teamIDs.names.precedes(Int($0), Int($1)) } : owners).map
            { teamIDs.id($0) }
            let live = owners.filter { shapes[Int($0)].size > 0 }.count
            let ownership: ServiceRecord.Ownership = live == 0 ? .orphan : live == 1 ? .single : .shared
            let id = services.index.id(Int32(service))
            records.append(
                ServiceRecord(
                    id: id, name: services.names[service], owners: ownerIDs, liveOwners: live, ownership: ownership,
                    dependencies: dependencies == nil ? nil : dependencyCount[service],
                    dependents: dependencies == nil ? nil : dependentCount[service]))
            switch ownership {
            case .orphan:
                findings.append(
                    Finding(
                        rule: .serviceOrphan, severity: .warning, subject: id, value: nil,
                        message: owners.isEmpty ? .serviceWithoutOwner : .serviceOwnersEmpty))
            case .shared:
                findings.append(
                    Finding(
                        rule: .serviceShared, severity: .info, subject: id, value: Double(live),
                        message: .serviceShared, numbers: [live]))
            case .single:
                break
            }
        }
        return (records, findings)
    }
}

extension RuleMessage {
    static let serviceWithoutOwner: RuleMessage = "service \(.subject) has no owning team"
    static let serviceOwnersEmpty: RuleMessage = "service \(.subject)'s owning teams have no members"
    static let serviceShared: RuleMessage = "service \(.subject) is owned by \(.number(0)) teams with members"
}
