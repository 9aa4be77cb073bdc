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

    /// Several columns mapped to the field (a list in the pipeline's map): their values join, as one cell's would.
    @Test func severalColumnsMapToOneField() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            """
            employee_id,manager_id,Matrix 1,Matrix 2
            CEO,,,
            A,CEO,,
            B,CEO,,
            A1,A,B,
            A2,A,B,CEO
            B2,B,A,CEO

            """)
        let pipeline = directory.write(
            "p.yml",
            """
            sources:
              people: {path: people.csv, map: {dotted_manager_ids: [Matrix 1, Matrix 2]}}
            outputs: {directory: out}

            """)
        let result = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/latest/dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = managers(dashboard)
        #expect((dashboard["summary"] as? [String: Any])?["dotted_lines"] as? Int == 3)
        #expect(rows["CEO"]?["dotted_reports"] as? Int == 2)
        #expect(rows["B"]?["dotted_reports"] as? Int == 2)
        #expect(rows["A"]?["dotted_reports"] as? Int == 1)
        // A listed column the export does not have is named.
        directory.write(
            "p.yml",
            "sources:\n  people: {path: people.csv, map: {dotted_manager_ids: [Matrix 1, Matrix 3]}}\noutputs: {directory: out}\n"
        )
        let missing = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("column 'Matrix 3'"), "\(missing.stderr)")
    }
}

/// Dotted lines night to night: `changes_by_manager` says how many people had a dotted line to each manager then
/// and now.
@Suite struct DottedLineHistoryTests {
    @Test func dottedBeforeAndAfter() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.write(
            "p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out, tables: true}\n")
        directory.write("people.csv", DottedLineTests.people)
        #expect(try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        // Next night A3's dotted line points to B instead of their own manager, and B2 has none.
        directory.write(
            "people.csv",
            DottedLineTests.people.replacingOccurrences(of: "B2,B,\"A; CEO , A1\"", with: "B2,B,")
                .replacingOccurrences(of: "A3,A,A", with: "A3,A,B"))
        let second = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-02", "--quiet"])
        #expect(second.status == 0, "\(second.stderr)")
        let table = try #require(directory.read("out/latest/tables/changes_by_manager.ndjson"))
        let rows = table.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let b = try #require(rows.first { $0["id"] as? String == "B" })
        #expect(b["dotted_before"] as? Int == 2 && b["dotted_after"] as? Int == 3)  // A1, A2 → A1, A2, A3
        let ceo = try #require(rows.first { $0["id"] as? String == "CEO" })
        #expect(ceo["dotted_before"] as? Int == 2 && ceo["dotted_after"] as? Int == 1)  // A2, B2 → A2
        let a = try #require(rows.first { $0["id"] as? String == "A" })
        #expect(a["dotted_before"] as? Int == 1 && a["dotted_after"] as? Int == 0)
    }
}
