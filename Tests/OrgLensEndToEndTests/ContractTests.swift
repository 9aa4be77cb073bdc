import Foundation
import OrgLensContract
import OrgLensTestSupport
import Testing

/// The writers against the output contract: every document and table a run publishes holds exactly the declared
/// keys, in the declared order, with the declared types.
@Suite struct ContractTests {
    func conformance(_ text: String, _ record: ContractRecord, _ path: String) -> [String] {
        guard let value = SchemaValue.parse(text) else { return ["\(path): not JSON"] }
        var checker = ContractConformance()
        checker.check(value, against: record, at: path)
        return checker.problems
    }

    @Test func goldenDashboardsFollowTheContract() throws {
        let folders = ["cases", "exports"].map { TestPaths.fixtures.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let file = folder.appendingPathComponent("\(name)/expected/dashboard.json")
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let problems = conformance(String(decoding: data, as: UTF8.self), OutputContract.dashboard, name)
                #expect(problems.isEmpty, "\(problems.prefix(5))")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// A second night with every input, every cost dimension and the people table writes every declared table.
    @Test func everyTableOfARunFollowsTheContract() throws {
        let directory = TemporaryDirectory()
        let cases = TestPaths.cases.path
        let pipeline = directory.write(
            "p.yml",
            """
            sources:
              people: {path: \(cases)/engineering-org/people.csv, preset: generic-csv}
              teams: {path: \(cases)/engineering-org-teams/teams.csv}
              services: {path: \(cases)/engineering-org-teams/services.csv}
              dependencies: {path: \(cases)/engineering-org-teams/dependencies.csv}
              positions: {path: \(cases)/engineering-org-teams/positions.csv, preset: positions-csv}
            costs: {currency: USD, rates: {EUR: 1.08, GBP: 1.27}, dimensions: [tree, layers, teams]}
            privacy: {publish: [title, department]}
            outputs: {directory: out, tables: true, people_table: true}
            """)
        for day in ["2026-11-01", "2026-11-02"] {
            let result = try RunResult.orglens(["run", pipeline, "--as-of", day, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let run = "out/latest/"
        let documents: [(String, ContractRecord)] = [
            (run + "dashboard.json", OutputContract.dashboard), (run + "manifest.json", OutputContract.manifest),
            ("out/status.json", OutputContract.status),
        ]
        for (file, record) in documents {
            let text = try #require(directory.read(file), "\(file) missing")
            let problems = conformance(text, record, file)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
        // The same org both nights: nothing changed, so the change tables may be empty.
        let mayBeEmpty: Set = ["data_quality_unmapped", "changes_by_org_head", "finding_changes", "people_changes"]
        for table in OutputContract.tables {
            let file =
                OutputContract.historyTables.contains(table.name)
                ? "out/history/\(table.name).ndjson" : run + "tables/\(table.name).ndjson"
            let text = try #require(directory.read(file), "\(table.name) not written")
            let lines = text.split(separator: "\n")
            #expect(!lines.isEmpty || mayBeEmpty.contains(table.name), "\(table.name) is empty")
            for (number, line) in lines.enumerated() {
                let problems = conformance(String(line), table, "\(table.name).ndjson:\(number + 1)")
                #expect(problems.isEmpty, "\(problems.prefix(5))")
            }
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/" + run + "tables")
        #expect(
            Set(written)
                == Set(
                    OutputContract.tables.filter { !OutputContract.historyTables.contains($0.name) }.map {
                        "\($0.name).ndjson"
                    }))
        #expect(directory.read("out/history/trend.ndjson")?.split(separator: "\n").count == 2)
    }

    @Test func blockedReportFollowsTheContract() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nB,A\n")
        let pipeline = directory.write(
            "p.yml",
            "sources: {people: {path: people.csv}}\noutputs: {directory: out}\ngates: {max_quarantined_share: 0.1}\n")
        let result = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 65, "\(result.stderr)")
        let text = try #require(directory.read("out/blocked/2026-11-01.1/blocked.json"))
        let problems = conformance(text, OutputContract.blocked, "blocked.json")
        #expect(problems.isEmpty, "\(problems)")
        let status = try #require(directory.read("out/status.json"))
        #expect(conformance(status, OutputContract.status, "status.json").isEmpty)
    }
}

extension ContractTests {
    /// A teams export without name or type columns publishes those keys as null, as the contract says.
    @Test func teamsWithoutNameOrTypeColumnsPublishNull() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id,team_id\nA,,T1\nB,A,T1\nC,A,T2\n")
        directory.write("teams.csv", "team_id,lead_id\nT1,A\nT2,\n")
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--teams", directory.path + "/teams.csv",
            "--as-of", "2026-11-01", "--out", directory.path + "/out",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/dashboard.json"))
        #expect(dashboard.contains(#"{"id": "T1", "name": null, "type": null"#), "\(dashboard)")
        #expect(conformance(dashboard, OutputContract.dashboard, "dashboard").isEmpty)
    }
}
