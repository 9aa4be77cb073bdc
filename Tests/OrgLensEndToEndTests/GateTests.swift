import Foundation
import OrgLensTestSupport
import Testing

/// A run that trips a gate publishes nothing: it lands in `blocked/<as_of>.<n>/` with `blocked.json`,
/// exits 65, and `latest` (what the dashboard reads) stays on the last good run.
@Suite struct GateTests {
    static let good = """
        employee_id,manager_id,hire_date
        A,,2020-01-01
        B,A,2020-01-01
        C,A,2020-01-01
        D,B,2020-01-01
        E,B,2020-01-01
        F,C,2020-01-01
        G,C,2020-01-01
        H,C,2020-01-01

        """

    /// Publishes the good export on 2026-11-01, then runs `bad` on 2026-11-02 under `gates`.
    func blockedRun(gates: String, bad: String, extra: String = "") throws -> (TemporaryDirectory, RunResult) {
        let directory = TemporaryDirectory()
        directory.write("people.csv", Self.good)
        let pipeline = directory.write(
            "p.yml",
            """
            sources: {people: {path: people.csv}}
            outputs: {directory: out}
            \(gates.isEmpty ? "" : "gates: {\(gates)}")
            \(extra)
            """)
        let first = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        directory.write("people.csv", bad)
        let second = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-02", "--quiet"])
        return (directory, second)
    }

    func expectBlocked(_ directory: TemporaryDirectory, _ result: RunResult, gate: String) throws {
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("gate tripped: \(gate)"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was published"))
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
        #expect(latest == "runs/2026-11-01.1")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/days/2026-11-02"))
        let report = try #require(directory.read("out/blocked/2026-11-02.1/blocked.json"))
        #expect(report.contains("\"gate\": \"\(gate)\""))
        #expect(directory.read("out/blocked/2026-11-02.1/dashboard.json") != nil)
    }

    @Test func quarantinedShare() throws {
        let bad = Self.good + "B,A,2020-01-01\nC,A,2020-01-01\nD,B,2020-01-01\n"
        let (directory, result) = try blockedRun(gates: "max_quarantined_share: 0.2", bad: bad)
        try expectBlocked(directory, result, gate: "max_quarantined_share")
    }

    @Test func orphanShare() throws {
        let bad = Self.good.replacingOccurrences(of: "F,C,", with: "F,X9,").replacingOccurrences(
            of: "G,C,", with: "G,X9,")
        let (directory, result) = try blockedRun(gates: "max_orphan_share: 0.1", bad: bad)
        try expectBlocked(directory, result, gate: "max_orphan_share")
    }

    @Test func unreadableShare() throws {
        let bad = Self.good.replacingOccurrences(of: "2020-01-01\nD", with: "sometime\nD")
            .replacingOccurrences(of: "2020-01-01\nE", with: "31/31/2020\nE")
        let (directory, result) = try blockedRun(gates: "max_unreadable_share: 0.1", bad: bad)
        try expectBlocked(directory, result, gate: "max_unreadable_share")
    }

    /// On by default: an org without a single manager was read wrong.
    @Test func minManagers() throws {
        let bad = "employee_id,manager_id\nA,\nB,\nC,\n"
        let (directory, result) = try blockedRun(gates: "", bad: bad)
        try expectBlocked(directory, result, gate: "min_managers")
    }

    /// On by default: more people hanging loose than under the largest root.
    @Test func orphansWithinLargestRoot() throws {
        let bad = "employee_id,manager_id\nA,\nB,A\nC,Q1\nD,Q2\nE,Q3\n"
        let (directory, result) = try blockedRun(gates: "", bad: bad)
        try expectBlocked(directory, result, gate: "orphans_within_largest_root")
    }

    /// `block_on` wins over `fail_on` (which publishes, then exits 1).
    @Test func blockOnWinsOverFailOn() throws {
        let bad = Self.good + "B,A,2020-01-01\n"
        let (directory, result) = try blockedRun(
            gates: "block_on: [row.duplicate_id], max_quarantined_share: null", bad: bad,
            extra: "fail_on: [row.duplicate_id]")
        try expectBlocked(directory, result, gate: "block_on")
    }

    @Test func failOnStillPublishes() throws {
        let bad = Self.good + "B,A,2020-01-01\n"
        let (directory, result) = try blockedRun(
            gates: "max_quarantined_share: null", bad: bad, extra: "fail_on: [row.duplicate_id]")
        #expect(result.status == 1)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-02.1")
    }

    /// Each blocked run keeps its own folder.
    @Test func blockedRunsAreNumbered() throws {
        let (directory, first) = try blockedRun(gates: "", bad: "employee_id,manager_id\nA,\nB,\n")
        #expect(first.status == 65)
        let again = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-02", "--quiet"])
        #expect(again.status == 65)
        #expect(directory.read("out/blocked/2026-11-02.2/blocked.json") != nil)
    }
}
