import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

/// Tiny orgs whose answers can be read off the test.
@Suite struct TeamMetricsTests {
    /// CEO → D1 → {M1 → a1 a2, M2 → b1}; CEO → D2 → M3 → c1 c2.
    static let people: [[String]] = [
        ["CEO", "", "", "", "EXEC"], ["D1", "CEO", "", "", "EXEC"], ["D2", "CEO", "", "", "EXEC"],
        ["M1", "D1", "", "", "ALPHA"], ["M2", "D1", "", "", "ALPHA"], ["M3", "D2", "", "", "GAMMA"],
        ["a1", "M1", "", "", "ALPHA"], ["a2", "M1", "", "", "ALPHA"], ["b1", "M2", "", "", "ALPHA"],
        ["c1", "M3", "", "", "GAMMA"], ["c2", "M3", "", "", "BETA"],
    ]

    func report(
        teams: [[String]], services: [[String]]? = nil, dependencies: [[String]]? = nil
    ) -> (TeamReport, OrgGraph) {
        let stagedTeams = CatalogStager.stageTeams(
            table(["team_id", "name", "parent_team_id", "lead_id", "type"], teams))
        var peopleTable = PeopleTable.make(Self.people.map { Array($0.prefix(4)) })
        peopleTable = withTeamColumn(peopleTable, Self.people.map { $0[4] })
        let staged = PeopleStager.stage(
            peopleTable, policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let built = OrgGraphBuilder.build(staged)
        let linked = TeamCatalogBuilder.build(
            teams: stagedTeams, membership: TeamMembership(people: staged, teams: stagedTeams, workers: 1),
            built: built, orgLayer: 2,
            unknownReferences: TeamMembership(people: staged, teams: stagedTeams, workers: 1).unknownReferences)
        let stagedServices = services.map {
            CatalogLinks.services(
                CatalogStager.stageServices(table(["service_id", "name", "owner_team_id"], $0)), teams: stagedTeams)
        }
        let stagedDependencies = dependencies.flatMap { rows in
            stagedServices.map {
                CatalogLinks.dependencies(
                    CatalogStager.stageDependencies(table(["service_id", "depends_on_service_id"], rows)), services: $0)
            }
        }
        return (
            TeamMetrics.compute(
                graph: built.graph, catalog: linked.catalog, services: stagedServices,
                dependencies: stagedDependencies, workers: 2), built.graph
        )
    }

    @Test func membershipReportingAndOwnership() {
        let (report, _) = report(teams: [
            ["ALPHA", "Alpha", "", "M1", ""], ["GAMMA", "Gamma", "", "", ""], ["BETA", "Beta", "", "", ""],
            ["EXEC", "Exec", "", "CEO", ""],
        ])
        let teams = Dictionary(uniqueKeysWithValues: report.teams.map { ($0.id, $0) })
        // ALPHA: M1 (lead, member), M2, a1, a2, b1 → others M2 a1 a2 b1 under D1, M1, M1, M2.
        let alpha = teams["ALPHA"]!
        #expect(alpha.size == 5)
        #expect(alpha.reportingManagers == 3)
        #expect(alpha.alignment == 0.5)
        #expect(alpha.owningManager == "D1")
        #expect(alpha.orgHead == "D1")
        #expect(!alpha.crossOrg)
        // GAMMA: M3 and c1, no lead → owning manager D2 (M3 is the common ancestor and a member).
        #expect(teams["GAMMA"]?.owningManager == "D2")
        #expect(teams["GAMMA"]?.orgHead == "D2")
        // EXEC: CEO leads D1 and D2, each their own org head → cross-org; the CEO is above layer 2.
        #expect(teams["EXEC"]?.crossOrg == true)
        #expect(teams["EXEC"]?.orgHead == nil)
        #expect(teams["BETA"]?.size == 1)
        #expect(report.services == nil && report.conway == nil)
        #expect(teams["ALPHA"]?.servicesOwned == nil)
        let rules = Set(report.findings.map { "\($0.rule.rawValue) \($0.subject)" })
        #expect(
            rules.isSuperset(of: [
                "team.split_reporting ALPHA", "team.cross_org EXEC", "team.undersized BETA", "team.undersized GAMMA",
            ]))
    }

    @Test func servicesDependenciesAndConway() {
        let teams = [
            ["ALPHA", "", "", "M1", ""], ["GAMMA", "", "", "M3", ""], ["BETA", "", "", "", ""],
            ["EMPTY", "", "", "", ""],
        ]
        let services = [
            ["S1", "", "ALPHA"], ["S2", "", "GAMMA"], ["S2", "", "BETA"], ["S3", "", ""], ["S4", "", "EMPTY"],
            ["S5", "", "NOPE"],
        ]
        let dependencies = [["S1", "S2"], ["S1", "S2"], ["S2", "S3"], ["S1", "S9"]]
        let (report, _) = report(teams: teams, services: services, dependencies: dependencies)
        let byService = Dictionary(uniqueKeysWithValues: (report.services ?? []).map { ($0.id, $0) })
        #expect(byService["S2"]?.owners == ["BETA", "GAMMA"])
        #expect(byService["S2"]?.ownership == .shared)
        #expect(byService["S3"]?.ownership == .orphan)
        #expect(byService["S4"]?.ownership == .orphan)
        #expect(byService["S5"]?.owners == [])
        #expect(byService["S1"]?.dependencies == 1)
        #expect(byService["S2"]?.dependents == 1)
        let alpha = report.teams.first { $0.id == "ALPHA" }!
        #expect(alpha.outboundTeams == 2)
        #expect(alpha.crossOrgDependencies == 2)
        let conway = report.conway!
        #expect(conway.pairs == 2)
        #expect(conway.sameOrgHeadShare == 0)
        #expect(conway.orgHeadDependencies.map { "\($0.fromOrgHead)>\($0.toOrgHead)" } == ["D1>D2"])
        #expect(conway.orgHeadDependencies.first?.teamPairs == 2)
    }

    func table(_ fields: [String], _ rows: [[String]]) -> RawTable {
        PeopleTable.make(fields: fields, rows, source: "t.csv")
    }

    func withTeamColumn(_ people: RawTable, _ teams: [String]) -> RawTable {
        var column = TextColumn()
        for team in teams { column.append(Array(team.utf8)) }
        var table = RawTable(
            source: people.source, fields: people.fields + ["team_id"], columns: people.columns + [column],
            file: people.file)
        table.lines = people.lines
        table.rowsRead = people.rowsRead
        return table
    }
}
