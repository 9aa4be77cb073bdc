import Foundation
import OrgLensTestSupport
import Testing

/// What cron sees of a run: JSON log lines, and stale inputs warned about or refused.
@Suite struct RunLoggingTests {
    static let people = TestPaths.cases.appendingPathComponent("mapped-columns/people.csv").path

    func pipeline(_ extra: String, in directory: TemporaryDirectory) -> String {
        directory.write("people.csv", (try? String(contentsOfFile: Self.people, encoding: .utf8)) ?? "")
        return directory.write(
            "p.yml",
            """
            as_of: 2026-11-01
            sources:
              people: {path: people.csv, delimiter: ";", map: {employee_id: EMP_NO, manager_id: REPORTS_TO}}
            outputs: {directory: out}
            \(extra)
            """)
    }

    @Test func jsonLogLinesParse() throws {
        let directory = TemporaryDirectory()
        let result = try RunResult.orglens(["run", pipeline("", in: directory), "--log-format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] is String && object?["message"] is String, "\(line)")
            // A timestamp collectors can sort by: UTC, ISO 8601, milliseconds.
            let time = try #require(object?["time"] as? String)
            #expect(time.count == 24 && time.hasSuffix("Z") && time.contains("T"), "\(time)")
        }
        // In the order things happen: the run starts, then its history is looked at, people read, then published.
        let messages = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["message"] as? String
        }
        let order = ["run started", "no earlier published run", "read people", "people staged", "published"]
        let positions = order.map { step in messages.firstIndex { $0.hasPrefix(step) } }
        #expect(
            positions.allSatisfy { $0 != nil } && positions == positions.sorted { ($0 ?? 0) < ($1 ?? 0) }, "\(messages)"
        )
        // Counts are numbers, not strings.
        let read = try #require(lines.first { $0.contains("\"message\":\"read people\"") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(read.utf8)) as? [String: Any])
        #expect(object["rows"] is NSNumber)
    }

    /// A cron collector sees why a run failed as a JSON line too, with the exit code.
    @Test func fatalErrorsAreJSONLines() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("p.yml", "sources: {people: {path: missing.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", path, "--log-format", "json"])
        #expect(result.status == 66)
        let last = try #require(result.stderr.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "error")
        #expect(object["exit_code"] as? Int == 66)
        #expect((object["message"] as? String)?.contains("missing.csv") == true)
    }

    @Test func staleInputsWarnOrFail() throws {
        let warned = TemporaryDirectory()
        let warnPath = pipeline("freshness: {max_age_hours: 1}", in: warned)
        let old = Date(timeIntervalSinceNow: -3 * 3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: warned.path + "/people.csv")
        let warning = try RunResult.orglens(["run", warnPath])
        #expect(warning.status == 0)
        #expect(warning.stderr.contains("stale input"))

        let failed = TemporaryDirectory()
        let failPath = pipeline("freshness: {max_age_hours: 1, fail: true}", in: failed)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: failed.path + "/people.csv")
        let refusal = try RunResult.orglens(["run", failPath, "--quiet"])
        #expect(refusal.status == 65)
        #expect(refusal.stderr.contains("hours old"))
        #expect(failed.read("out/latest/dashboard.json") == nil)
    }
}
