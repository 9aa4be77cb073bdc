import Foundation
import OrgLensTestSupport
import Testing

/// The leaks an attacker holding the dashboard and the org chart found, each on a small org, and money
/// that adds up to the cent.
@Suite struct PayDisclosureTests {
    /// M leads team T, whose members are M's five reports (M's own team_id is empty); D (M's manager) also
    /// has five direct reports, on team U.
    static let people = """
        employee_id,manager_id,team_id,salary,currency
        D,,U,250000,USD
        M,D,,180000,USD
        \((1...5).map { "t\($0),M,T,\(100_000 + $0 * 1_000),USD" }.joined(separator: "\n"))
        \((1...5).map { "u\($0),D,U,\(90_000 + $0 * 1_000),USD" }.joined(separator: "\n"))

        """
    static let teams = "team_id,name,lead_id\nT,Team T,M\nU,Team U,D\n"

    func analyze(_ extra: [String], people: String = people) throws -> [String: Any] {
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", people)
        let teams = directory.write("teams.csv", Self.teams)
        let result = try RunResult.orglens(
            ["analyze", "--people", path, "--teams", teams, "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/dashboard.json"))) as? [String: Any])
    }

    func record(_ table: String, _ id: String, in dashboard: [String: Any]) -> [String: Any]? {
        (dashboard[table] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    /// cost × management_cost_share over M's subtree is M's pay: the share is withheld.
    @Test func shareOfASubtreeWithOneManagerIsWithheld() throws {
        let dashboard = try analyze(["--cost-precision", "0.01"])
        let manager = try #require(record("managers", "M", in: dashboard))
        #expect(manager["cost"] is NSNumber)
        #expect(manager["management_cost_share"] is NSNull)
        #expect(manager["management_cost_share_suppressed"] as? Bool == true)
    }

    /// M's subtree minus team T (M's reports) is M's pay: with teams opted in, one of them is withheld.
    @Test func subtreesAgainstTeamsRevealNoOne() throws {
        let dashboard = try analyze(["--cost-dimension", "tree", "--cost-dimension", "teams", "--cost-precision", "0.01"])
        func cost(_ table: String, _ id: String) -> Double? { (record(table, id, in: dashboard)?["cost"] as? NSNumber)?.doubleValue }
        #expect(cost("managers", "M") == nil || cost("teams", "T") == nil)
        // Teams alone (the tree not published) are fine: T and U are five and six people.
        let teamsOnly = try analyze(["--cost-dimension", "teams"])
        #expect((record("teams", "T", in: teamsOnly)?["cost"] as? NSNumber) != nil)
        #expect(record("managers", "M", in: teamsOnly)?["cost"] is NSNull)
    }

    /// Layers against the whole org: layer 1 is D alone, never published; layer 2 is everyone but D.
    @Test func layersAgainstTheOrgTotalRevealNoOne() throws {
        let dashboard = try analyze(["--cost-dimension", "tree", "--cost-dimension", "layers", "--cost-precision", "0.01"])
        let layers = try #require(dashboard["cost_by_layer"] as? [[String: Any]])
        let top = try #require(record("managers", "D", in: dashboard))
        let layerTwo = layers.first { $0["layer"] as? Int == 2 }
        #expect(!(top["cost"] is NSNumber && layerTwo?["cost"] is NSNumber), "D's org minus layers 2–3 would be D's pay")
    }

    /// Layers and team costs are opt-in: by default the dashboard has neither.
    @Test func defaultPublishesTheTreeOnly() throws {
        let dashboard = try analyze([])
        #expect(dashboard["cost_by_layer"] == nil)
        #expect(record("teams", "T", in: dashboard)?["cost"] == nil)
        // Rounded to the default precision of 1000.
        let cost = try #require((record("managers", "M", in: dashboard)?["cost"] as? NSNumber)?.intValue)
        #expect(cost % 1000 == 0)
    }

    /// Exact half cents round half away from zero in every currency; salaries are not rounded before conversion.
    @Test(arguments: [
        ("43085", "CHF", "1.13", "1.3", 63_291.87),  // 63291.865
        ("12345", "GBP", "1.651", "1", 20_381.60),  // 20381.595
        ("10000.005", "EUR", "1", "1", 10_000.01),  // 10000.005
    ])
    func halfCentsRoundAwayFromZero(salary: String, currency: String, rate: String, multiplier: String, expected: Double) throws {
        let people = "employee_id,manager_id,salary,currency\nM,,\(salary),\(currency)\n" + (1...4).map { "i\($0),M,0,USD" }.joined(separator: "\n") + "\n"
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", people)
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--rate", "\(currency)=\(rate)", "--all-in-multiplier", multiplier, "--cost-precision", "0.01",
            "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/dashboard.json"))
        #expect(text.contains("\"cost\": \(String(format: "%.2f", expected).replacingOccurrences(of: ".00", with: "").replacingOccurrences(of: #"(\.\d)0$"#, with: "$1", options: .regularExpression)),"), "\(text)")
    }

    /// 99999.995 and two 100000 at × 1.3: each person rounded once, then summed: 389999.99, not 390000.00.
    @Test func eachPersonIsRoundedOnceFromTheExactSalary() throws {
        let people = "employee_id,manager_id,salary\nM,,99999.995\na,M,100000\nb,M,100000\nc,M,\nd,M,\n"
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", people)
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--min-group-size", "3", "--cost-precision", "0.01", "--as-of", "2026-11-01",
            "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(directory.read("out/dashboard.json")?.contains("\"cost\": 389999.99,") == true)
    }
}
