package import OrgLensModel

/// One row of the `teams` table. Service and dependency figures are nil when their export was not given.
package struct TeamRecord: Sendable, Hashable {
    /// The team's index in the `TeamCatalog`: joins this row to other per-team figures.
    package let team: Int32
    package let id: String
    package let name: String?
    package let type: String?
    package let size: Int
    package let leadID: String?
    /// Distinct managers of the members other than the lead.
    package let reportingManagers: Int
    /// Largest share of the other members under one manager; nil with no other members.
    package let alignment: Double?
    /// The deepest person whose org contains every other member.
    package let owningManager: String?
    package let orgHead: String?
    /// The other members sit under more than one org head.
    package let crossOrg: Bool
    package let servicesOwned: Int?
    package let outboundTeams: Int?
    package let inboundTeams: Int?
    package let crossOrgDependencies: Int?
    /// Size plus the planned positions of the team; nil without a positions export.
    package var plannedHeadcount: Int? = nil
    /// With pay by team and a positions export.
    package var plannedCost: PlannedCost? = nil
}

/// One row of the `services` table.
package struct ServiceRecord: Sendable, Hashable {
    package enum Ownership: String, Sendable, CaseIterable { case orphan, single, shared }

    package let id: String
    package let name: String
    /// Known owner team ids, in id order.
    package let owners: [String]
    /// Owner teams with at least one member.
    package let liveOwners: Int
    package let ownership: Ownership
    package let dependencies: Int?
    package let dependents: Int?
}

/// Conway's-law congruence: do teams that must coordinate sit in the same part of the org?
package struct ConwayReport: Sendable, Hashable {
    package struct OrgHeadRow: Sendable, Hashable {
        package let orgHead: String
        package let pairs: Int
        package let sameOrgHeadShare: Double?
        package let sameManagerShare: Double?
    }

    package struct Dependency: Sendable, Hashable {
        package let fromOrgHead: String
        package let toOrgHead: String
        package let teamPairs: Int
    }

    /// Unordered pairs of different teams where a service of one depends on a service of the other.
    package let pairs: Int
    package let sameOrgHeadShare: Double?
    package let sameManagerShare: Double?
    package let byOrgHead: [OrgHeadRow]
    package let orgHeadDependencies: [Dependency]
}

/// Team sizes outside these bounds are findings.
package struct TeamSizeBands: Sendable, Hashable {
    package var minimum: Int
    package var maximum: Int

    package init(minimum: Int = 3, maximum: Int = 9) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Everything computed about teams, services and their dependencies.
package struct TeamReport: Sendable {
    package var teams: [TeamRecord]
    /// Present when a services export was given.
    package let services: [ServiceRecord]?
    /// Present when services and dependencies were given.
    package let conway: ConwayReport?
    package let findings: [Finding]
}
