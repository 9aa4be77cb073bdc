import Foundation
import OrgLensTestSupport
import Testing

/// Tonight judged against the last published night: an export cut short publishes nothing (exit 65, the numbers
/// and what to do in the message, a "Not published" report), `--accept-change` publishes it once and says so, and
/// ordinary churn never trips a gate.
@Suite struct ChangeGateTests {
    static let hibob = TestPaths.fixtures.appendingPathComponent("exports/hibob")

    /// The HiBob export as its system writes it (top-down, as org-chart exports list people), and a pipeline.
    func hibobDirectory(gates: String = "") throws -> (TemporaryDirectory, String, [String]) {
        let directory = TemporaryDirectory()
        let text = try String(contentsOf: Self.hibob.appendingPathComponent("people.csv"), encoding: .utf8)
        directory.write("people.csv", text)
        let pipeline = directory.write(
            "p.yml",
            """
            sources: {people: {path: people.csv, preset: hibob}}
            costs: {rates: {EUR: 1.08, GBP: 1.27}}
            outputs: {directory: out}
            \(gates)
            """)
        return (directory, pipeline, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The first `share` of the rows, cut at a row boundary (the header kept).
    static func cut(_ lines: [String], to share: Double) -> String {
        let rows = lines.dropFirst().filter { !$0.isEmpty }
        return ([lines[0]] + rows.prefix(Int(Double(rows.count) * share))).joined(separator: "\n") + "\n"
    }

    func run(_ pipeline: String, _ day: String, _ extra: [String] = []) throws -> RunResult {
        try RunResult.orglens(["run", pipeline, "--as-of", day, "--quiet"] + extra)
    }

    @Test func anExportCutToHalfIsNotPublished() throws {
        let (directory, pipeline, lines) = try hibobDirectory()
        #expect(try run(pipeline, "2026-11-01").status == 0)
        directory.write("people.csv", Self.cut(lines, to: 0.55))
        let result = try run(pipeline, "2026-11-02")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("max_headcount_drop ("), "\(result.stderr)")
        #expect(result.stderr.contains("fewer than 146 in 2026-11-01's published run"), "\(result.stderr)")
        #expect(result.stderr.contains("--accept-change"))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-01.1")
        let blocked = try #require(directory.read("out/blocked/2026-11-02.1/blocked.json"))
        #expect(blocked.contains("\"gate\": \"max_headcount_drop\""))
        #expect(blocked.contains("\"gate\": \"max_leaver_share\""))
        let report = try #require(directory.read("out/blocked/2026-11-02.1/report.html"))
        #expect(report.contains("<h2 style=\"margin:0 0 .4rem;border:0;color:#c0392b\">Not published</h2>"))
        #expect(report.contains("<strong>max_headcount_drop</strong>: "))
        #expect(directory.read("out/status.json")?.contains("\"status\": \"blocked\"") == true)
        // The trend holds only the published night: the cut one never becomes 70 leavers and 70 joiners.
        let trend = try #require(directory.read("out/history/trend.ndjson"))
        #expect(trend.split(separator: "\n").count == 1)

        // Confirmed by hand: published once, and recorded where monitoring and auditors look.
        let accepted = try run(pipeline, "2026-11-02", ["--accept-change"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stderr.contains("change gate accepted (--accept-change)"))
        let status = try #require(directory.read("out/status.json"))
        #expect(status.contains("\"accepted_changes\": [\"max_headcount_drop\", \"max_leaver_share\"]"))
        let manifest = try #require(directory.read("out/latest/manifest.json"))
        #expect(manifest.contains("\"accepted_changes\": [\"max_headcount_drop\", \"max_leaver_share\"]"))
    }

    @Test func aCutGeneratedOrgIsNotPublished() throws {
        let directory = TemporaryDirectory()
        #expect(try RunResult.orglens(["generate", "--people", "20000", "--out", directory.path + "/gen"]).status == 0)
        let pipeline = directory.write(
            "p.yml", "sources: {people: {path: gen/people.csv}}\noutputs: {directory: out}\n")
        #expect(try run(pipeline, "2026-11-01").status == 0)
        let lines = try #require(directory.read("gen/people.csv")).split(separator: "\n").map(String.init)
        directory.write("gen/people.csv", Self.cut(lines, to: 0.55))
        let result = try run(pipeline, "2026-11-02")
        #expect(result.status == 65)
        #expect(result.stderr.contains("fewer than 20000 in 2026-11-01's published run"), "\(result.stderr)")
    }

    /// 2 % leave, 1 % join, 1 % change manager: an ordinary night publishes.
    @Test func ordinaryChurnPublishes() throws {
        let directory = TemporaryDirectory()
        #expect(try RunResult.orglens(["generate", "--people", "2000", "--out", directory.path + "/gen"]).status == 0)
        let pipeline = directory.write(
            "p.yml", "sources: {people: {path: gen/people.csv}}\noutputs: {directory: out}\n")
        #expect(try run(pipeline, "2026-11-01").status == 0)
        var lines = try #require(directory.read("gen/people.csv")).split(separator: "\n").map(String.init)
        let managers = Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[5] })
        let leaves = lines.indices.dropFirst().filter {
            !managers.contains(lines[$0].split(separator: ",", omittingEmptySubsequences: false)[0])
        }
        // Moves: ICs take the manager of another IC's row.
        for (index, source) in zip(leaves.suffix(20), leaves.suffix(40).prefix(20)) {
            var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let donor = lines[source].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[5] = donor[5]
            lines[index] = fields.joined(separator: ",")
        }
        let leavers = Set(leaves.prefix(40))
        var night = lines.indices.filter { !leavers.contains($0) }.map { lines[$0] }
        for number in 0..<20 {
            var fields = night[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[0] = "N\(number)"
            fields[2] = "n\(number)@example.com"
            night.append(fields.joined(separator: ","))
        }
        directory.write("gen/people.csv", night.joined(separator: "\n") + "\n")
        let result = try run(pipeline, "2026-11-02")
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"leavers\": 40,"))
        #expect(dashboard.contains("\"joiners\": 20,"))
    }

    /// `null` turns a gate off.
    @Test func aGateSetToNullIsOff() throws {
        let (directory, pipeline, lines) = try hibobDirectory(
            gates: "gates: {max_headcount_drop: null, max_leaver_share: null, orphans_within_largest_root: false}")
        #expect(try run(pipeline, "2026-11-01").status == 0)
        directory.write("people.csv", Self.cut(lines, to: 0.55))
        let result = try run(pipeline, "2026-11-02")
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Compared with an older run on request (`--compare-to-as-of`), a cut export is still judged against the last
    /// published night.
    @Test func theGatesJudgeAgainstTheLastPublishedNightWhateverTheComparison() throws {
        let (directory, pipeline, lines) = try hibobDirectory()
        #expect(try run(pipeline, "2026-11-01").status == 0)
        #expect(try run(pipeline, "2026-11-02").status == 0)
        directory.write("people.csv", Self.cut(lines, to: 0.55))
        let result = try run(pipeline, "2026-11-03", ["--compare-to-as-of", "2026-11-01"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("fewer than 146 in 2026-11-02's published run"), "\(result.stderr)")
    }
}
