import OrgLensKeys
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

/// The row-local part of staging runs in parallel chunks; nothing staged may depend on the worker count.
@Suite struct ParallelStagingTests {
    static let fields = [
        "employee_id", "manager_id", "status", "hire_date", "team_id", "salary", "currency", "employment_type",
    ]

    /// 40k rows (over the parallel threshold) with the dirt staging must handle in order: repeated
    /// and missing ids, unknown managers and teams, unreadable dates and salaries, inactive people.
    static func dirtyOrg() -> RawTable {
        var random = SplitMix64(seed: 7)
        let rows = (0..<40_000).map { row -> [String] in
            let roll = random.next() % 100
            let id = roll < 2 ? "" : roll < 4 ? "P\(row / 3)" : "P\(row)"
            let manager = row == 0 ? "" : roll < 6 ? "X\(row % 97)" : "P\(Int(random.next() % UInt64(row)))"
            let status = roll % 17 == 0 ? "Terminated" : "active"
            let hired = roll % 23 == 0 ? "2027-01-01" : roll % 29 == 0 ? "someday" : "2020-02-02"
            let team = roll % 31 == 0 ? "NOPE\(row % 5)" : roll % 13 == 0 ? "" : "T\(row % 300)"
            let salary = roll % 37 == 0 ? "lots" : roll % 11 == 0 ? "" : "\(50_000 + row).5"
            let currency = ["usd", "EUR", " gbp", ""][row % 4]
            let type = ["full-time", "Contractor", "intern"][row % 3]
            return [id, manager, status, hired, team, salary, currency, type]
        }
        return PeopleTable.make(fields: fields, rows)
    }

    @Test(arguments: [2, 3, 8])
    func workerCountDoesNotChangeStaging(workers: Int) {
        let table = Self.dirtyOrg()
        let policy = PeoplePolicy(asOf: CivilDate(year: 2026, month: 11, day: 1)!, inactiveStatuses: ["terminated"])
        let serial = PeopleStager.stage(table, policy: policy, workers: 1)
        let parallel = PeopleStager.stage(table, policy: policy, workers: workers)
        #expect(serial.count > 30_000)
        #expect(serial.personKey == parallel.personKey)
        #expect(serial.managerLink == parallel.managerLink)
        #expect(serial.keys.bytes == parallel.keys.bytes)
        #expect(serial.keyStates == parallel.keyStates)
        #expect(serial.pay?.salaryMicro == parallel.pay?.salaryMicro)
        #expect(serial.pay?.currency == parallel.pay?.currency)
        #expect(serial.pay?.currencies == parallel.pay?.currencies)
        #expect(serial.isContractor == parallel.isContractor)
        #expect(serial.excluded == parallel.excluded)
        #expect(serial.rejections == parallel.rejections)
        #expect(serial.findings == parallel.findings)
        #expect(Set(serial.findings.map(\.rule)) == [.valueInvalidDate, .valueInvalidSalary])
        #expect(Set(serial.rejections.map(\.rule)) == [.rowMissingID, .rowDuplicateID])
        #expect(
            serial.excluded.keys.sorted { $0.rawValue < $1.rawValue } == [.policyInactiveStatus, .policyNotStarted])
    }
}
