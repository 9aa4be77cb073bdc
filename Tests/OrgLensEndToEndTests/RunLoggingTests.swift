import Foundation
import OrgLensTestSupport
import Testing

/// What cron sees of a run: JSON log lines, and stale inputs warned about or refused.
@Suite struct RunLoggingTests {
    static let people = TestPaths.cases.appendingPathComponent("mapped-columns/people.csv").path

    func pipeline(_ extra: String, in directory: TemporaryDirectory) -> String {
        directory.write("people.csv", (try? String(contentsOfFile: Self.people, encoding: .utf8)) ?? "")
        return directory.write("p.yml", """
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
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["level"] != nil && object?["message"] != nil, "\(line)")
        }
        #expect(lines.contains { $0.contains("\"message\":\"published\"") })
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
