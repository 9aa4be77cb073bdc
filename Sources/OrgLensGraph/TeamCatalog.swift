import OrgLensKeys
package import OrgLensModel
package import OrgLensStage

/// Teams joined with the reporting tree: members, leads and org heads as person indices of an
/// `OrgGraph`, frozen for the team, service and Conway metrics.
package struct TeamCatalog: Sendable {
    package let teams: StagedTeams
    /// Teams quarantined in a parent loop: left out of every metric.
    package let removed: [Bool]
    /// Lead of each team as a person, or -1 (none, or no one in the org).
    package let lead: [Int32]
    /// Members of team `t` are `members[memberStart[t]..<memberStart[t + 1]]` (people whose team_id is t).
    package let memberStart: [Int32]
    package let members: [Int32]
    /// Each person's team, or -1.
    package let personTeam: [Int32]
    /// Each person's org head: their ancestor (themself included) at `orgLayer`, or -1 above it.
    package let orgHeadOfPerson: [Int32]
    package let orgLayer: Int

    package var count: Int { teams.index.count }

    package func members(of team: Int) -> ArraySlice<Int32> {
        members[Int(memberStart[team])..<Int(memberStart[team + 1])]
    }
}

/// Builds the `TeamCatalog`: quarantines teams in parent loops, resolves leads and membership, and
/// reports references to teams or leads that do not exist.
package enum TeamCatalogBuilder {
    package struct Result: Sendable {
        package let catalog: TeamCatalog
        package let findings: [Finding]
        package let rejections: [Rejection]
    }

    package static func build(
        teams: StagedTeams, membership: TeamMembership, built: OrgGraphBuilder.Result, orgLayer: Int,
        unknownReferences: [String: Int]
    ) -> Result {
        let graph = built.graph
        let loops = ReportingLoops.find(parent: teams.parent)
        var removed = [Bool](repeating: false, count: teams.index.count)
        for member in loops.joined() { removed[Int(member)] = true }
        let rejections =
            teams.rejections
            + ReportingLoops.quarantine(
                loops, id: { teams.index.id($0) }, line: { teams.lines[Int($0)] }, source: teams.source,
                rule: .teamParentCycle, short: .teamParentCycle, long: .teamParentCycleLong)
        var findings: [Finding] = []
        for (id, references) in unknownReferences.sorted(by: { $0.key < $1.key }) {
            findings.append(
                Finding(
                    rule: .teamUnknown, severity: .warning, subject: id, value: Double(references),
                    message: references == 1 ? .teamUnknownOnce : .teamUnknown, numbers: [references]))
        }
        let lead = teams.leadIDs.indices.map { team -> Int32 in
            let key = membership.leadKey[team]
            if key == -2 {
                findings.append(
                    Finding(
                        rule: .teamLeadUnknown, severity: .warning, subject: teams.index.id(Int32(team)), value: nil,
                        message: .teamLeadUnknown))
            }
            return key >= 0 ? built.personOfKey[Int(key)] : -1
        }
        var personTeam = built.inGraphOrder(membership.personTeam, workers: 1)
        for person in personTeam.indices where personTeam[person] >= 0 && removed[Int(personTeam[person])] {
            personTeam[person] = -1
        }
        var memberStart = [Int32](repeating: 0, count: teams.index.count + 1)
        for team in personTeam where team >= 0 { memberStart[Int(team) + 1] += 1 }
        for index in 0..<teams.index.count { memberStart[index + 1] += memberStart[index] }
        var fill = memberStart
        var members = [Int32](repeating: 0, count: Int(memberStart[teams.index.count]))
        for (person, team) in personTeam.enumerated() where team >= 0 {
            members[Int(fill[Int(team)])] = Int32(person)
            fill[Int(team)] += 1
        }
        let orgHead = graph.ancestors(atLayer: orgLayer)
        let catalog = TeamCatalog(
            teams: teams, removed: removed, lead: lead.enumerated().map { removed[$0.offset] ? -1 : $0.element },
            memberStart: memberStart, members: members, personTeam: personTeam, orgHeadOfPerson: orgHead,
            orgLayer: orgLayer)
        return Result(catalog: catalog, findings: findings, rejections: rejections)
    }
}

extension RuleMessage {
    static let teamParentCycle: RuleMessage =
        "team parent loop (each is the parent of the previous): \(.chain); fix one parent_team_id"
    static let teamParentCycleLong: RuleMessage =
        "team parent loop (each is the parent of the previous): \(.chain) → … → \(.id(0)) (\(.number(0)) people); fix one parent_team_id"
    static let teamUnknownOnce: RuleMessage =
        "team \(.subject) is referenced \(.number(0)) time but is not in the teams export; those references are left out"
    static let teamUnknown: RuleMessage =
        "team \(.subject) is referenced \(.number(0)) times but is not in the teams export; those references are left out"
    static let teamLeadUnknown: RuleMessage =
        "the lead_id of team \(.subject) is no one in the org; the team is treated as having no lead"
}
