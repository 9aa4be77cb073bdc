import Foundation
import OrgLensTestSupport
import Testing

/// Exit codes and messages of the real binary, as cron and scripts see them.
@Suite struct CommandLineTests {
    let output = TemporaryDirectory()
    static let org = TestPaths.cases.appendingPathComponent("engineering-org/people.csv").path

    @Test func helpDocumentsExitCodes() throws {
        let result = try RunResult.orglens(["analyze", "--help"])
        #expect(result.status == 0)
        for code in ["64", "65", "66", "73", "74", "75"] { #expect(result.stdout.contains("  \(code)  ")) }
    }

    /// Each command lists the codes it can end with, and only those.
    @Test(arguments: [
        ("run", ["0", "1", "64", "65", "66", "73", "74", "75", "78"], [String]()),
        ("analyze", ["0", "64", "65", "66", "73", "74", "75", "78"], ["1"]),
        ("validate", ["0", "64", "65", "66", "74", "78"], ["1", "73", "75"]),
        ("diff", ["0", "64", "65", "66", "73", "74", "78"], ["1", "75"]),
        ("report", ["0", "64", "65", "66", "73"], ["1", "74", "75", "78"]),
    ])
    func eachCommandListsItsOwnExitCodes(command: String, listed: [String], absent: [String]) throws {
        let help = try RunResult.orglens([command, "--help"]).stdout
        for code in listed { #expect(help.contains("\n  \(code)  "), "\(command) \(code)") }
        for code in absent { #expect(!help.contains("\n  \(code)  "), "\(command) \(code)") }
    }

    @Test(arguments: [
        ["--as-of", "2026-13-01"], ["--workers", "0"], ["--encoding", "ebcdic"], ["--delimiter", "ab"],
        ["--map", "nofield=X"], ["--bogus"],
    ])
    func usageErrorsExit64(extra: [String]) throws {
        let result = try RunResult.orglens(["analyze", "--people", Self.org, "--out", output.path] + extra)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(output.read("dashboard.json") == nil)
    }

    @Test func missingInputExits66() throws {
        let result = try RunResult.orglens(["analyze", "--people", output.path + "/missing.csv", "--out", output.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("missing.csv"))
    }

    @Test func unwritableOutputExits73() throws {
        output.write("file", "x")
        let result = try RunResult.orglens([
            "analyze", "--people", Self.org, "--as-of", "2026-11-01", "--rate", "EUR=1.1", "--rate", "GBP=1.3", "--out",
            output.path + "/file/out", "--quiet",
        ])
        #expect(result.status == 73)
        #expect(output.read("file") == "x")
    }

    @Test func quarantineIsPrivateAndLogsCarryNoFieldValues() throws {
        let directory = TestPaths.cases.appendingPathComponent("dirty-duplicate-id")
        let result = try RunResult.orglens(
            ["analyze", "--people", "people.csv", "--as-of", "2026-11-01", "--out", output.path], in: directory)
        #expect(result.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: output.path + "/quarantine.csv")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(!result.stderr.contains("Hopper"))
        #expect(!result.stderr.contains("Lovelace"))
        #expect(output.read("dashboard.json")?.contains("Hopper") == false)
    }
}
