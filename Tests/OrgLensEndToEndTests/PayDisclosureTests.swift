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
            [
                "analyze", "--people", path, "--teams", teams, "--as-of", "2026-11-01", "--out",
                directory.path + "/out", "--quiet",
            ] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/dashboard.json"))) as? [String: Any])
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
        let dashboard = try analyze([
            "--cost-dimension", "tree", "--cost-dimension", "teams", "--cost-precision", "0.01",
        ])
        func cost(_ table: String, _ id: String) -> Double? {
            (record(table, id, in: dashboard)?["cost"] as? NSNumber)?.doubleValue
        }
        #expect(cost("managers", "M") == nil || cost("teams", "T") == nil)
        // Teams alone (the tree not published) are fine: T and U are five and six people.
        let teamsOnly = try analyze(["--cost-dimension", "teams"])
        #expect((record("teams", "T", in: teamsOnly)?["cost"] as? NSNumber) != nil)
        #expect(record("managers", "M", in: teamsOnly)?["cost"] is NSNull)
    }

    /// Layers against the whole org: layer 1 is D alone, never published; layer 2 is everyone but D.
    @Test func layersAgainstTheOrgTotalRevealNoOne() throws {
        let dashboard = try analyze([
            "--cost-dimension", "tree", "--cost-dimension", "layers", "--cost-precision", "0.01",
        ])
        let layers = try #require(dashboard["cost_by_layer"] as? [[String: Any]])
        let top = try #require(record("managers", "D", in: dashboard))
        let layerTwo = layers.first { $0["layer"] as? Int == 2 }
        #expect(
            !(top["cost"] is NSNumber && layerTwo?["cost"] is NSNumber), "D's org minus layers 2–3 would be D's pay")
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
    /// The four reports are paid 1 USD each (zero is not pay: a group needs k people paid something).
    @Test(arguments: [
        ("43085", "CHF", "1.13", "1.3", 63_297.07),  // 63291.865 + 4 × 1.30
        ("12345", "GBP", "1.651", "1", 20_385.60),  // 20381.595 + 4 × 1.00
        ("10000.005", "EUR", "1", "1", 10_004.01),  // 10000.005 + 4 × 1.00
    ])
    func halfCentsRoundAwayFromZero(
        salary: String, currency: String, rate: String, multiplier: String, expected: Double
    ) throws {
        let people =
            "employee_id,manager_id,salary,currency\nM,,\(salary),\(currency)\n"
            + (1...4).map { "i\($0),M,1,USD" }.joined(separator: "\n") + "\n"
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", people)
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--rate", "\(currency)=\(rate)", "--all-in-multiplier", multiplier,
            "--cost-precision", "0.01",
            "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/dashboard.json"))
        #expect(
            text.contains(
                "\"cost\": \(String(format: "%.2f", expected).replacingOccurrences(of: ".00", with: "").replacingOccurrences(of: #"(\.\d)0$"#, with: "$1", options: .regularExpression)),"
            ), "\(text)")
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

/// What comparing two nights still reveals: one new hire's pay, seen through every ancestor subtree, each
/// rounded to `cost_precision`. Each ancestor bounds the change to an interval 2 × precision wide; their
/// intersection is narrower. The test measures it, and the README states it.
@Suite struct NightToNightTests {
    static func org(newHire: Bool) -> String {
        var rows = ["employee_id,manager_id,salary", "R,,300000"]
        // Staff beside each manager, so every level's own residual is large enough to be published.
        for staff in 1...5 { rows.append("r\(staff),R,\(110_000 + staff * 2_111)") }
        for director in 1...2 {
            rows.append("D\(director),R,\(200_000 + director * 7_919)")
            for staff in 1...5 { rows.append("d\(director)\(staff),D\(director),\(100_000 + staff * 2_903)") }
            for manager in 1...3 {
                rows.append("M\(director)\(manager),D\(director),\(150_000 + manager * 3_331)")
                for report in 1...6 {
                    rows.append(
                        "i\(director)\(manager)\(report),M\(director)\(manager),\(90_000 + report * 1_777 + manager * 313)"
                    )
                }
            }
        }
        if newHire { rows.append("new,M11,123457") }
        return rows.joined(separator: "\n") + "\n"
    }

    func costs(_ csv: String) throws -> [String: Double] {
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", csv)
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/dashboard.json"))) as? [String: Any])
        var costs: [String: Double] = [:]
        for manager in dashboard["managers"] as? [[String: Any]] ?? [] {
            if let cost = manager["cost"] as? NSNumber { costs[manager["id"] as! String] = cost.doubleValue }
        }
        return costs
    }

    @Test func oneNewHireIsNarrowedButNotExposed() throws {
        let before = try costs(Self.org(newHire: false))
        let after = try costs(Self.org(newHire: true))
        let precision = 1000.0
        let truth = 123_457 * 1.3
        var low = -Double.infinity
        var high = Double.infinity
        var seenThrough = 0
        for ancestor in ["M11", "D1", "R"] {
            guard let b = before[ancestor], let a = after[ancestor] else { continue }
            // Each rounded value is within half a precision of the truth: the change is within one precision.
            low = max(low, a - b - precision)
            high = min(high, a - b + precision)
            seenThrough += 1
        }
        #expect(seenThrough >= 2, "the hire is seen through several published ancestors")
        #expect(low < truth && truth < high)
        // What a reader learns: the hire's all-in pay to within this interval (≤ 2 × precision wide, often
        // exactly one precision when ancestors round differently).
        #expect(high - low <= 2 * precision)
        #expect(high - low >= precision / 2, "rounding still hides the last \(Int(precision / 2)) either way")
    }
}
