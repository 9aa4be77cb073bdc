import OrgLensGraph
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

/// The people ↔ teams join after staging: the same answer for any worker count, unknown teams counted for
/// people in the org, leads found among the people in the org only.
@Suite struct TeamMembershipTests {
    static func org() -> (StagedPeople, StagedTeams) {
        var random = SplitMix64(seed: 5)
        let rows = (0..<40_000).map { row -> [String] in
            let roll = random.next() % 100
            let team = roll % 31 == 0 ? "NOPE\(row % 5)" : roll % 13 == 0 ? "" : "T\(row % 300)"
            let status = row == 997 ? "Terminated" : "active"
            return ["P\(row)", row == 0 ? "" : "P\(Int(random.next() % UInt64(row)))", status, team]
        }
        let people = PeopleStager.stage(
            PeopleTable.make(fields: ["employee_id", "manager_id", "status", "team_id"], rows),
            policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0), inactiveStatuses: ["terminated"]), workers: 2)
        // Leads: someone in the org, someone excluded (P997 is terminated), no one, and an unknown id.
        let teams = CatalogStager.stageTeams(
            PeopleTable.make(
                fields: ["team_id", "name", "parent_team_id", "lead_id", "type"],
                (0..<300).map { ["T\($0)", "Team \($0)", "", ["P\($0 * 7)", "P997", "", "ZZ"][$0 % 4], ""] },
                source: "teams.csv"))
        return (people, teams)
    }

    @Test(arguments: [2, 3, 8])
    func workerCountDoesNotChangeTheJoin(workers: Int) {
        let (people, teams) = Self.org()
        let serial = TeamMembership(people: people, teams: teams, workers: 1)
        let parallel = TeamMembership(people: people, teams: teams, workers: workers)
        #expect(serial.personTeam == parallel.personTeam)
        #expect(serial.leadKey == parallel.leadKey)
        #expect(serial.unknownReferences == parallel.unknownReferences)
        #expect(Set(serial.unknownReferences.keys) == Set((0..<5).map { "NOPE\($0)" }))
        #expect(serial.personTeam.count == people.count)
        #expect(serial.personTeam.allSatisfy { $0 >= -1 && $0 < 300 })
    }

    @Test func leadsAreFoundAmongThePeopleInTheOrg() {
        let (people, teams) = Self.org()
        let membership = TeamMembership(people: people, teams: teams, workers: 2)
        #expect(people.keys.string(at: Int(membership.leadKey[0])) == "P0")
        #expect(people.keys.string(at: Int(membership.leadKey[4])) == "P28")
        #expect(membership.leadKey[1] == -2)  // terminated: excluded from the org
        #expect(membership.leadKey[2] == -1)  // no lead given
        #expect(membership.leadKey[3] == -2)  // no such person
    }
}
