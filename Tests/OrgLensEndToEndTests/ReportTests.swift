import Foundation
import OrgLensTestSupport
import Testing

/// report.html: written by every run, the same bytes from `orglens report`, offline, escaped, ids unless names
/// are published and asked for.
@Suite struct ReportTests {
    static let cases = TestPaths.cases.path

    func pipeline(
        _ extra: String = "", people: String = "\(Self.cases)/engineering-org/people.csv"
    )
        -> (TemporaryDirectory, String)
    {
        let directory = TemporaryDirectory()
        let path = directory.write(
            "p.yml",
            """
            as_of: 2026-11-01
            sources:
              people: {path: \(people), preset: generic-csv}
              teams: {path: \(Self.cases)/engineering-org-teams/teams.csv}
            costs: {rates: {EUR: 1.08, GBP: 1.27}}
            \(extra)
            outputs: {directory: out}
            """)
        return (directory, path)
    }

    @Test func everyRunWritesTheReportAndReportRebuildsItByteForByte() throws {
        let (directory, path) = pipeline()
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let page = try #require(directory.read("out/latest/report.html"))
        for section in [
            "summary", "actions", "trend", "org-chart", "span", "layers", "org-heads", "teams", "cost", "changes",
            "data-quality",
        ] {
            #expect(page.contains("<section id=\"\(section)\">"), "\(section)")
        }
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
        #expect(page.contains(#"<span class="num" data-field="summary.people">119</span>"#))
        let rebuilt = try RunResult.orglens([
            "report", directory.path + "/out/latest", "--out", directory.path + "/copy/report.html",
        ])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(directory.read("copy/report.html") == page)
        // Never into a published run.
        let inside = try RunResult.orglens([
            "report", directory.path + "/out/latest", "--out", directory.path + "/out/latest/again.html",
        ])
        #expect(inside.status == 64)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/latest/again.html"))
    }

    /// The trend is every published night's: the run draws it with tonight's record in, and `orglens report`
    /// rebuilds the same page from the outputs directory's history; one org head's page is written on request.
    @Test func theTrendGrowsNightByNightAndReportRebuildsIt() throws {
        let (directory, path) = pipeline()
        for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
            let result = try RunResult.orglens(["run", path, "--as-of", day, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let page = try #require(directory.read("out/latest/report.html"))
        #expect(page.components(separatedBy: "class=\"point\"").count - 1 == 6 * 3)
        let rebuilt = try RunResult.orglens([
            "report", directory.path + "/out/latest", "--out", directory.path + "/copy/report.html",
        ])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(directory.read("copy/report.html") == page)
        let org = try RunResult.orglens([
            "report", directory.path + "/out/latest", "--org-head", "E1035", "--out", directory.path + "/e1035.html",
        ])
        #expect(org.status == 0, "\(org.stderr)")
        #expect(directory.read("e1035.html")?.contains("the org of E1035") == true)
        let unknown = try RunResult.orglens([
            "report", directory.path + "/out/latest", "--org-head", "E9999", "--out", directory.path + "/x.html",
        ])
        #expect(unknown.status == 64 && unknown.stderr.contains("is not an org head"))
        #expect(directory.read("x.html") == nil)
    }

    /// `analyze --report` again into the same folder: the page is the new run's, never the earlier one's.
    @Test func aSecondAnalyzeReplacesTheReport() throws {
        let directory = TemporaryDirectory()
        let people = directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\n")
        directory.write("out/notes.txt", "mine")
        #expect(
            try RunResult.orglens(["analyze", "--people", people, "--report", "--out", directory.path + "/out"]).status
                == 0)
        let first = try #require(directory.read("out/report.html"))
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\nD,A\nE,A\n")
        #expect(
            try RunResult.orglens(["analyze", "--people", people, "--report", "--out", directory.path + "/out"]).status
                == 0)
        let second = try #require(directory.read("out/report.html"))
        #expect(second != first)
        #expect(second.contains(#"<span class="num" data-field="summary.people">5</span>"#))
        #expect(directory.read("out/notes.txt") == "mine", "the user's own files stay")
        // Without --report, no stale page is left beside the new dashboard.
        #expect(try RunResult.orglens(["analyze", "--people", people, "--out", directory.path + "/out"]).status == 0)
        #expect(directory.read("out/report.html") == nil)
    }

    @Test func inputTextIsEscaped() throws {
        let directory = TemporaryDirectory()
        let people = directory.write(
            "people.csv", "employee_id,manager_id\n<b>E1</b>,\nE2&co,<b>E1</b>\nE3,<b>E1</b>\nE4,<b>E1</b>\n")
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--as-of", "2026-11-01", "--report", "--out", directory.path + "/out",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try #require(directory.read("out/report.html"))
        #expect(!page.contains("<b>E1</b>"))
        #expect(page.contains("&lt;b&gt;E1&lt;/b&gt;"))
        #expect(directory.read("out/dashboard.json")?.contains("<b>E1</b>") == true)
    }

    @Test func namesOnlyWhenPublishedAndAskedFor() throws {
        let (plain, plainPath) = pipeline()
        #expect(try RunResult.orglens(["run", plainPath, "--quiet"]).status == 0)
        let ids = try #require(plain.read("out/latest/report.html"))
        #expect(!ids.contains("personal data"))
        let (refused, refusedPath) = pipeline()
        refused.write(
            "p.yml",
            try #require(refused.read("p.yml")).replacingOccurrences(
                of: "outputs: {directory: out}", with: "outputs: {directory: out, report_names: true}"))
        #expect(try RunResult.orglens(["run", refusedPath, "--quiet"]).status == 78)
        let (named, namedPath) = pipeline("privacy: {publish: [name]}")
        named.write(
            "p.yml",
            try #require(named.read("p.yml")).replacingOccurrences(
                of: "outputs: {directory: out}", with: "outputs: {directory: out, report_names: true}"))
        let result = try RunResult.orglens(["run", namedPath, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try #require(named.read("out/latest/report.html"))
        #expect(page.contains("This report holds personal data (names)"))
        let attributes = try FileManager.default.attributesOfItem(atPath: named.path + "/out/latest/report.html")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// A manager of managers judged by their own bands: five EM reports is wide for a director whose healthy
    /// range ends at four.
    @Test func spanBandsFollowTheRole() throws {
        let (directory, path) = pipeline(
            "thresholds: {span: {manager_of_managers: {narrow_max: 1, healthy_max: 4, split_at: 7}}}")
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(
            dashboard.contains(
                #"{"role": "manager_of_managers", "narrow_max": 1, "healthy_max": 4, "split_at": 7}"#))
        let managers = try #require(directory.read("out/latest/tables/managers.ndjson"))
        let directors = managers.split(separator: "\n").filter { $0.contains(#""role": "manager_of_managers""#) }
        #expect(!directors.isEmpty)
        for line in directors {
            let span = Int(line.split(separator: "\"direct_reports\": ")[1].prefix { $0.isNumber })!
            let band = span <= 1 ? "narrow" : span <= 4 ? "healthy" : span < 7 ? "wide" : "split"
            #expect(line.contains(#""span_band": "\#(band)""#), "\(line)")
        }
        let (badDirectory, badPath) = pipeline("thresholds: {span: {executive: {healthy_max: 3, narrow_max: 3}}}")
        let bad = try withExtendedLifetime(badDirectory) { try RunResult.orglens(["run", badPath, "--quiet"]) }
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("thresholds.span.executive"))
    }
}
