import OrgLensMetrics
import OrgLensModel
import Testing

/// Org-head shapes judge the departments the rules are for: a sales org is not built like an engineering one.
@Suite struct OrgHeadsTests {
    /// CEO → {ENG, SALES}; ENG → 5 managers (too many), SALES → 6 managers (too many), each with 3 ICs.
    static let org: [(String, String)] =
        [("CEO", ""), ("ENG", "CEO"), ("SALES", "CEO")]
        + (1...5).map { ("E\($0)", "ENG") } + (1...6).map { ("S\($0)", "SALES") }
        + (1...5).flatMap { manager in (1...3).map { ("E\(manager)-\($0)", "E\(manager)") } }
        + (1...6).flatMap { manager in (1...3).map { ("S\(manager)-\($0)", "S\(manager)") } }

    func heads(departments: [String]?) -> (records: [OrgHeadRecord], findings: [Finding]) {
        let managers = metrics(Self.org).metrics.managers
        let person = Dictionary(uniqueKeysWithValues: managers.map { ($0.person, $0.id) })
        return OrgHeads.compute(
            orgLayer: 2, managers: managers, teams: nil, costs: nil,
            bands: OrgHeadBands(departments: departments),
            department: { person[$0] == "SALES" ? "Sales" : "Engineering" })
    }

    @Test func everyOrgHeadIsJudgedByDefault() {
        let result = heads(departments: nil)
        #expect(result.records.map(\.shape) == [.tooManyEMReports, .tooManyEMReports])
        #expect(result.findings.map(\.subject) == ["ENG", "SALES"])
    }

    @Test func onlyTheNamedDepartmentsAreJudged() {
        // Named as an export writes it: case does not matter.
        let result = heads(departments: ["engineering"])
        #expect(
            result.records.map { "\($0.id) \($0.shape.rawValue)" } == ["ENG too_many_em_reports", "SALES not_judged"])
        #expect(result.findings.map(\.subject) == ["ENG"])
        #expect(result.records.last?.engineers == 24, "an org head not judged keeps its figures")
    }
}
