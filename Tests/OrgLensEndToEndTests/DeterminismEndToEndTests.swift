import Foundation
import OrgLensTestSupport
import Testing

/// Same input ⇒ the same `dashboard.json` bytes, whatever the worker count or the row order.
@Suite struct DeterminismEndToEndTests {
    static let org = TestPaths.cases.appendingPathComponent("engineering-org/people.csv")
    static let catalogs = TestPaths.cases.appendingPathComponent("engineering-org-teams")

    /// The whole fixture org: people, teams, services, dependencies and costs.
    func dashboard(people: String, workers: Int) throws -> String? {
        let output = TemporaryDirectory()
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--as-of", "2026-11-01", "--workers", String(workers), "--out", output.path,
            "--quiet",
            "--teams", Self.catalogs.appendingPathComponent("teams.csv").path,
            "--services", Self.catalogs.appendingPathComponent("services.csv").path,
            "--dependencies", Self.catalogs.appendingPathComponent("dependencies.csv").path,
            "--config", TestPaths.cases.appendingPathComponent("engineering-org/costs.yml").path,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return output.read("dashboard.json")
    }

    @Test func workerCountsGiveIdenticalBytes() throws {
        let one = try dashboard(people: Self.org.path, workers: 1)
        #expect(one != nil)
        for workers in [2, 7] {
            #expect(try dashboard(people: Self.org.path, workers: workers) == one)
        }
    }

    @Test func rowOrderGivesIdenticalBytes() throws {
        let lines = try String(contentsOf: Self.org, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: true)
        var generator = SystemRandomNumberGenerator()
        let shuffled = [lines[0]] + lines.dropFirst().shuffled(using: &generator).map { $0 }
        let directory = TemporaryDirectory()
        let path = directory.write("shuffled.csv", shuffled.joined(separator: "\r\n") + "\r\n")
        #expect(try dashboard(people: path, workers: 2) == dashboard(people: Self.org.path, workers: 1))
    }

    @Test func rerunGivesIdenticalBytes() throws {
        #expect(try dashboard(people: Self.org.path, workers: 2) == dashboard(people: Self.org.path, workers: 2))
    }
}
