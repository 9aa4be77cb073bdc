public import OrgLensModel

/// One row of the `teams` table. Service and dependency figures are nil when their export was not given.
public struct TeamRecord: Sendable, Hashable {
    /// The team's index in the `TeamCatalog`: joins this row to other per-team figures.
    public let team: Int32
    public let id: String
    public let name: String?
    public let type: String?
    public let size: Int
    public let leadID: String?
    /// Distinct managers of the members other than the lead.
    public let reportingManagers: Int
    /// Largest share of the other members under one manager; nil with no other members.
    public let alignment: Double?
    /// The deepest person whose org contains every other member.
    public let owningManager: String?
    public let orgHead: String?
    /// The other members sit under more than one org head.
    public let crossOrg: Bool
    public let servicesOwned: Int?
    public let outboundTeams: Int?
    public let inboundTeams: Int?
    public let crossOrgDependencies: Int?
}

/// One row of the `services` table.
public struct ServiceRecord: Sendable, Hashable {
    public enum Ownership: String, Sendable, CaseIterable { case orphan, single, shared }

    public let id: String
    public let name: String
    /// Known owner team ids, in id order.
    public let owners: [String]
    /// Owner teams with at least one member.
    public let liveOwners: Int
    public let ownership: Ownership
    public let dependencies: Int?
    public let dependents: Int?
}

/// Conway's-law congruence: do teams that must coordinate sit in the same part of the org?
public struct ConwayReport: Sendable, Hashable {
    public struct OrgHeadRow: Sendable, Hashable {
        public let orgHead: String
        public let pairs: Int
        public let sameOrgHeadShare: Double?
        public let sameManagerShare: Double?
    }

    public struct Dependency: Sendable, Hashable {
        public let fromOrgHead: String
        public let toOrgHead: String
        public let teamPairs: Int
    }

    /// Unordered pairs of different teams where a service of one depends on a service of the other.
    public let pairs: Int
    public let sameOrgHeadShare: Double?
    public let sameManagerShare: Double?
    public let byOrgHead: [OrgHeadRow]
    public let orgHeadDependencies: [Dependency]
}

/// Team sizes outside these bounds are findings.
public struct TeamSizeBands: Sendable, Hashable {
    public var minimum: Int
    public var maximum: Int

    public init(minimum: Int = 3, maximum: Int = 9) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Everything computed about teams, services and their dependencies.
public struct TeamReport: Sendable {
    public let teams: [TeamRecord]
    /// Present when a services export was given.
    public let services: [ServiceRecord]?
    /// Present when services and dependencies were given.
    public let conway: ConwayReport?
    public let findings: [Finding]
}
