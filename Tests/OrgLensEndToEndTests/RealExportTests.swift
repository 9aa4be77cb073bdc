import Foundation
import OrgLensTestSupport
import Testing

/// Public exports nobody on the team wrote, each with its own column names mapped onto OrgLens's.
/// The figures asserted here were checked by hand against the source data (see the README).
@Suite(.enabled(if: TestPaths.sharedDataAvailable, "needs ../shared/data beside the checkout"))
struct RealExportTests {
    static let real = TestPaths.shared.appendingPathComponent("data/real")

    func analyze(_ file: String, _ maps: [String]) throws -> [String: Any] {
        let output = TemporaryDirectory()
        let arguments =
            [
                "analyze", "--people", Self.real.appendingPathComponent(file).path, "--as-of", "2026-11-01",
                "--out", output.path, "--quiet",
            ] + maps.flatMap { ["--map", $0] }
        let result = try RunResult.orglens(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(output.read("quarantine.csv") == "source,line,rule,message,employee_id,raw\n")
        let data = Data((output.read("dashboard.json") ?? "{}").utf8)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func managers(_ dashboard: [String: Any]) -> [String: [String: Any]] {
        let rows = dashboard["managers"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
    }

    @Test func oracleHR() throws {
        let dashboard = try analyze(
            "oracle_hr/employees.csv", ["employee_id=EMPLOYEE_ID", "manager_id=MANAGER_ID", "hire_date=HIRE_DATE"])
        let summary = try #require(dashboard["summary"] as? [String: Any])
        #expect(summary["people"] as? Int == 107)
        #expect(summary["managers"] as? Int == 18)
        #expect(summary["max_layer"] as? Int == 4)
        #expect(summary["mean_span"] as? Double == 5.8889)
        let king = try #require(managers(dashboard)["100"])
        #expect(king["direct_reports"] as? Int == 14)
        #expect(king["org_size"] as? Int == 106)
        #expect(king["span_band"] as? String == "split")
        // De Haan (102) manages only Hunold (103), who manages four programmers.
        let deHaan = try #require(managers(dashboard)["102"])
        #expect(deHaan["direct_managers"] as? Int == 1)
        #expect(deHaan["org_size"] as? Int == 5)
        let findings = dashboard["findings"] as? [[String: Any]] ?? []
        #expect(
            findings.contains {
                $0["rule"] as? String == "manager.layer_inflation" && $0["subject"] as? String == "102"
            })
    }

    @Test func adventureWorks() throws {
        let dashboard = try analyze(
            "adventureworks/employees.csv",
            [
                "employee_id=BusinessEntityID", "manager_id=ManagerBusinessEntityID", "hire_date=HireDate",
            ])
        let summary = try #require(dashboard["summary"] as? [String: Any])
        #expect(summary["people"] as? Int == 290)
        #expect(summary["roots"] as? Int == 1)
        #expect(summary["max_layer"] as? Int == 5)
        #expect(managers(dashboard)["1"]?["org_size"] as? Int == 289)
    }

    @Test func northwind() throws {
        let dashboard = try analyze("northwind/employees.csv", ["employee_id=EmployeeID", "manager_id=ReportsTo"])
        let table = managers(dashboard)
        #expect(table.keys.sorted() == ["2", "5"])
        #expect(table["2"]?["direct_reports"] as? Int == 5)
        #expect(table["2"]?["role"] as? String == "executive")
        #expect(table["5"]?["direct_reports"] as? Int == 3)
    }
}
