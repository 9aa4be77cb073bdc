import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

@Suite struct PeopleStagerTests {
    let asOf = CivilDate(year: 2026, month: 11, day: 1)!

    @Test func trimsIDsAndResolvesManagerLinks() {
        let table = PeopleTable.make([[" E1 ", ""], ["E2", " E1 "], ["E3", "E3"], ["E4", "E404"]])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf))
        #expect((0..<staged.count).map(staged.id(ofPerson:)) == ["E1", "E2", "E3", "E4"])
        #expect(staged.managerLink[0] == .none)
        #expect(staged.managerLink[1] == .key(staged.personKey[0]))
        #expect(staged.managerLink[2] == .selfManaged)
        guard case .key(let unknown) = staged.managerLink[3] else {
            Issue.record("E404 should be a key")
            return
        }
        #expect(staged.keys.string(at: Int(unknown)) == "E404")
        #expect(staged.keyStates[Int(unknown)] == .unknown)
    }

    @Test func missingAndDuplicateIDsAreQuarantinedFirstRowWins() {
        let table = PeopleTable.make([["E1", ""], ["", "E1"], ["E2", "E1"], ["E2", ""], ["  ", "E1"]])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf))
        #expect(staged.count == 2)
        #expect(staged.rejections.map(\.rule) == [.rowMissingID, .rowDuplicateID, .rowMissingID])
        #expect(staged.rejections.map(\.line) == [3, 5, 6])
        #expect(staged.rejections[1].message.contains("line 4"))
        #expect(staged.managerLink[1] == .key(staged.personKey[0]), "the first E2 row is the one kept")
    }

    @Test func policyExcludesInactiveStatusesAndFutureHires() {
        let table = PeopleTable.make([
            ["E1", "", "Active", "2020-01-01"],
            ["E2", "E1", "TERMINATED", ""],
            ["E3", "E1", "on-leave", ""],
            ["E4", "E1", "", "2026-11-02"],
            ["E5", "E1", "", "2026-11-01"],
            ["E6", "E1", "pending-start", ""],
        ])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf))
        #expect((0..<staged.count).map(staged.id(ofPerson:)) == ["E1", "E3", "E5"])
        #expect(staged.excluded == [.policyInactiveStatus: 2, .policyNotStarted: 1])
        let e2 = (0..<staged.keys.count).first { staged.keys.string(at: $0) == "E2" }!
        #expect(staged.keyStates[e2] == .excluded)
    }

    @Test func customInactiveStatusesReplaceTheDefaults() {
        let table = PeopleTable.make([["E1", "", "terminated"], ["E2", "E1", "Leaver"]])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf, inactiveStatuses: ["leaver"]))
        #expect((0..<staged.count).map(staged.id(ofPerson:)) == ["E1"])
    }

    @Test func rootMarkersMeanNoManagerCaseInsensitively() {
        let table = PeopleTable.make([["E1", "N/A"], ["E2", "xx"], ["E3", "E1"]])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf, rootMarkers: ["n/a", "XX"]))
        #expect(staged.managerLink[0] == .none)
        #expect(staged.managerLink[1] == .none)
    }

    @Test func unreadableHireDateIsAFindingNotAnExclusion() {
        let table = PeopleTable.make([["E1", "", "", "12/08/1948"], ["E2", "E1", "", "1988-01-03-08:00"]])
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: asOf))
        #expect(staged.count == 2)
        #expect(staged.findings.map(\.rule) == [.valueInvalidDate])
        #expect(staged.findings.first?.subject == "E1")
    }
}
