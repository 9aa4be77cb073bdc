import Foundation
import OrgLensTestSupport
import Testing

/// Pay across nights through the real binary: zero is not pay, and a night like the last publishes the same
/// figures (the withholding choice is stable); the setting that switches the cross-night check is checked.
@Suite struct PayAcrossNightsTests {
    @Test func zeroIsNotPay() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,salary,currency\nM,,200000,USD\nR1,M,190000,USD\nR2,M,0,USD\nR3,M,0,USD\nR4,M,0,USD\nR5,M,0,USD\n"
        )
        directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"zero_pay\": 4,"))
        #expect(!dashboard.contains("390000") && !dashboard.contains("\"cost\": 3"))
        #expect(dashboard.contains("\"people\": 6,"))
    }

    /// The costs each manager row publishes, in order.
    func costs(_ dashboard: String) -> [String] {
        dashboard.split(separator: "\n").filter { $0.contains("\"direct_reports\"") }.map { line in
            line.range(of: "\"cost\": [^,]*", options: .regularExpression).map { String(line[$0]) } ?? "none"
        }
    }

    @Test func aNightLikeTheLastPublishesTheSameFigures() throws {
        let directory = TemporaryDirectory()
        #expect(try RunResult.orglens(["generate", "--people", "2000", "--out", directory.path + "/gen"]).status == 0)
        directory.write(
            "p.yml",
            """
            sources: {people: {path: gen/people.csv}, teams: {path: gen/teams.csv}}
            costs: {rates: {EUR: 1.08, GBP: 1.27, INR: 0.012}, dimensions: [tree, layers, teams]}
            outputs: {directory: out}
            gates: {orphans_within_largest_root: false}
            """)
        for day in ["2026-11-01", "2026-11-02"] {
            let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", day, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let first = try #require(directory.read("out/runs/2026-11-01.1/dashboard.json"))
        let second = try #require(directory.read("out/runs/2026-11-02.1/dashboard.json"))
        #expect(costs(first) == costs(second))
        #expect(costs(first).contains { $0 != "\"cost\": null" && $0 != "none" })
    }

    @Test func theHistoryWindowIsASettingOfItsOwn() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\n")
        directory.write(
            "p.yml", "sources: {people: {path: people.csv}}\nprivacy: {history_window: -1}\noutputs: {directory: out}\n"
        )
        let refused = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(refused.status == 78, "\(refused.stderr)")
        #expect(refused.stderr.contains("privacy.history_window"))
        directory.write(
            "p.yml", "sources: {people: {path: people.csv}}\nprivacy: {history_window: 0}\noutputs: {directory: out}\n")
        let accepted = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
