import Foundation
import OrgLensTestSupport
import Testing

/// A matrix org: dotted-line managers counted beside the tree, never in it.
@Suite struct DottedLineTests {
    static let people = """
        employee_id,manager_id,dotted_manager_ids
        CEO,,
        A,CEO,
        B,CEO,
        A1,A,B
        A2,A,B;CEO
        A3,A,A
        B1,B,X9
        B2,B,"A; CEO , A1"
        B3,B,B2

        """

    func analyze(_ csv: String, _ extra: [String] = []) throws -> (TemporaryDirectory, [String: Any]) {
        let directory = TemporaryDirectory()
        let path = directory.write("people.csv", csv)
        let result = try RunResult.orglens(
            ["analyze", "--people", path, "--as-of", "2026-11-01", "--out", directory.path + "/out"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(directory.read("out/dashboard.json"))
        return (directory, try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]))
    }

    func managers(_ dashboard: [String: Any]) -> [String: [String: Any]] {
        let rows = dashboard["managers"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0) })
    }

    @Test func dottedReportsAndSpanWithDotted() throws {
        let (_, dashboard) = try analyze(Self.people)
        let summary = try #require(dashboard["summary"] as? [String: Any])
        #expect(summary["dotted_lines"] as? Int == 4)  // A1, A2, B2, B3
        let rows = managers(dashboard)
        // CEO: A2 and B2 by dotted line; A: B2; B: A1 and A2 — each person once, bands on direct reports.
        #expect(rows["CEO"]?["dotted_reports"] as? Int == 2 && rows["CEO"]?["span_with_dotted"] as? Int == 4)
        #expect(rows["A"]?["dotted_reports"] as? Int == 1 && rows["A"]?["span_with_dotted"] as? Int == 4)
        #expect(rows["B"]?["dotted_reports"] as? Int == 2 && rows["B"]?["span_with_dotted"] as? Int == 5)
        #expect(rows["B"]?["direct_reports"] as? Int == 3 && rows["B"]?["span_band"] as? String == "narrow")
        // The tree is untouched: the same layers and roots as without the column.
        let (_, plain) = try analyze(
            Self.people.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
            }
            .joined(separator: "\n") + "\n")
        #expect((plain["layers"] as? [[String: Any]])?.count == (dashboard["layers"] as? [[String: Any]])?.count)
        #expect(managers(plain)["B"]?["dotted_reports"] == nil, "no column, no dotted figures")
        #expect((plain["summary"] as? [String: Any])?["dotted_lines"] is NSNull)
    }

    @Test func findingsForDanglingSelfAndTooMany() throws {
        let (_, dashboard) = try analyze(Self.people)
        let findings = (dashboard["findings"] as? [[String: Any]] ?? []).map {
            "\($0["rule"] as? String ?? "") \($0["subject"] as? String ?? "") \($0["value"].map { "\($0)" } ?? "")"
        }
        #expect(findings.contains("manager.dotted_dangling B1 1"))
        #expect(findings.contains { $0.hasPrefix("manager.dotted_self A3") })
        #expect(findings.contains("matrix.many B2 3"))
        // The limit is a setting.
        let directory = TemporaryDirectory()
        let config = directory.write("c.yml", "thresholds: {max_dotted_managers: 3}\n")
        let (_, relaxed) = try analyze(Self.people, ["--config", config])
        #expect(!((relaxed["findings"] as? [[String: Any]]) ?? []).contains { $0["rule"] as? String == "matrix.many" })
    }

    /// Names, as `manager_id` holds them: a comma is "Last, First", so only `;` separates them.
    @Test func namesAreSeparatedBySemicolonsOnly() throws {
        let csv = """
            employee_id,name,manager_id,dotted_manager_ids
            1,Ada Lovelace,,
            2,Grace Hopper,Ada Lovelace,
            3,Alan Turing,Ada Lovelace,
            4,Ken Thompson,Grace Hopper,"Turing, Alan; Lovelace, Ada"

            """
        let (_, dashboard) = try analyze(csv, ["--manager-ref", "name"])
        let rows = managers(dashboard)
        #expect(rows["1"]?["dotted_reports"] as? Int == 1)
        #expect((dashboard["summary"] as? [String: Any])?["dotted_lines"] as? Int == 1)
    }

    /// Same input, any row order or worker count: the same bytes.
    @Test func deterministicAcrossRowOrderAndWorkers() throws {
        let lines = Self.people.split(separator: "\n").map(String.init)
        let shuffled = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
        let (first, _) = try analyze(Self.people, ["--workers", "1"])
        let (second, _) = try analyze(shuffled, ["--workers", "4"])
        #expect(first.read("out/dashboard.json") == second.read("out/dashboard.json"))
    }
}
