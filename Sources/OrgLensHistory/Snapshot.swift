package import OrgLensModel

/// The structure of one run, kept as `snapshot.bin` in its run directory so the next run can say what changed:
/// per person the id (pseudonymised when outputs are), manager, team, layer, whether they manage and whether
/// they are a root, and their org head — nothing else; plus the run's findings as (rule, subject) pairs.
package struct Snapshot: Sendable, Equatable {
    package struct Flags: OptionSet, Sendable, Equatable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let manages = Flags(rawValue: 1)
        /// At the top with no manager named (as opposed to an orphan whose manager is not in the org).
        package static let root = Flags(rawValue: 2)
        /// The run published the cost of this person's subtree, and its management share.
        package static let subtreePublished = Flags(rawValue: 4)
        package static let subtreeSharePublished = Flags(rawValue: 8)
        /// Paid something that night (never how much): their pay was in the published groups they were in.
        package static let paid = Flags(rawValue: 16)
    }

    package struct FindingKey: Sendable, Hashable {
        package let rule: String
        package let subject: String
        package init(rule: String, subject: String) {
            self.rule = rule
            self.subject = subject
        }
    }

    package var asOf: CivilDate
    /// Fingerprint of the pseudonym key the ids were made with ("" when ids are as exported).
    package var keyFingerprint: String
    package var ids: TextColumn
    /// Each person's manager (a person index), or -1.
    package var manager: [Int32]
    /// Each person's team (an index into `teamIDs`), or -1.
    package var team: [Int32]
    package var teamIDs: TextColumn
    package var layer: [UInt16]
    package var flags: [Flags]
    /// Each person's org head (a person index), or -1 above the org layer.
    package var orgHead: [Int32]
    package var findings: [FindingKey]
    /// The identity of the outputs directory the run was made for ("" outside one): a run never compares with
    /// another directory's nights.
    package var outputsID = ""
    /// Per layer number (0 unused) and per team: bit 1 the cost was published, bit 2 its management share.
    /// With the subtree flags, which groups' pay the run published — ids only, never an amount.
    package var layerPublished: [UInt8] = []
    package var teamPublished: [UInt8] = []
    /// Per person, how many people had a dotted line to them; empty when the night's export had none.
    package var dottedReports: [UInt32] = []
    /// The night's positions, when it read a positions export (empty otherwise).
    package var positions: [PositionMark] = []

    /// One position as a later night needs it: whether it was open (or at offer), and the org head and team
    /// whose published planned cost counted its budget ("" for none): ids only, never an amount.
    package struct PositionMark: Sendable, Hashable {
        package let id: String
        package let open: Bool
        package let orgHead: String
        package let team: String

        package init(id: String, open: Bool, orgHead: String, team: String) {
            self.id = id
            self.open = open
            self.orgHead = orgHead
            self.team = team
        }
    }

    /// The position ids each org head's (or team's) published planned cost counted that night.
    package func plannedCostMembers(byTeam: Bool) -> [String: Set<String>] {
        var members: [String: Set<String>] = [:]
        for position in positions {
            let group = byTeam ? position.team : position.orgHead
            if !group.isEmpty { members[group, default: []].insert(position.id) }
        }
        return members
    }

    package var count: Int { manager.count }

    package init(
        asOf: CivilDate, keyFingerprint: String, ids: TextColumn, manager: [Int32], team: [Int32],
        teamIDs: TextColumn, layer: [UInt16], flags: [Flags], orgHead: [Int32], findings: [FindingKey]
    ) {
        self.asOf = asOf
        self.keyFingerprint = keyFingerprint
        self.ids = ids
        self.manager = manager
        self.team = team
        self.teamIDs = teamIDs
        self.layer = layer
        self.flags = flags
        self.orgHead = orgHead
        self.findings = findings
    }

    package func id(_ person: Int) -> String { ids.string(at: person) }

    package var maxLayer: Int { Int(layer.max() ?? 0) }

    package static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
        lhs.asOf == rhs.asOf && lhs.keyFingerprint == rhs.keyFingerprint && lhs.ids.bytes == rhs.ids.bytes
            && lhs.ids.count == rhs.ids.count && lhs.manager == rhs.manager && lhs.team == rhs.team
            && lhs.teamIDs.bytes == rhs.teamIDs.bytes && lhs.layer == rhs.layer && lhs.flags == rhs.flags
            && lhs.orgHead == rhs.orgHead && lhs.findings == rhs.findings && lhs.outputsID == rhs.outputsID
            && lhs.layerPublished == rhs.layerPublished && lhs.teamPublished == rhs.teamPublished
            && lhs.dottedReports == rhs.dottedReports && lhs.positions == rhs.positions
    }
}
