import Foundation
import OrgLensTestSupport
import Testing

/// Outputs that only `run` may touch, inputs read as they were, values that never reach stderr, and a report that
/// stays bounded whatever dashboard it is given.
@Suite struct NightlyTrustTests {
    static let people = TestPaths.cases.appendingPathComponent("engineering-org/people.csv").path

    /// A published outputs directory `out` in a fresh folder.
    func published() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("people.csv", try String(contentsOfFile: Self.people, encoding: .utf8))
        directory.write(
            "p.yml",
            "sources: {people: {path: people.csv}}\ncosts: {rates: {EUR: 1.08, GBP: 1.27}}\noutputs: {directory: out}\n"
        )
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return directory
    }

    /// `diff`, `report` and `analyze` into `latest`, a run or the outputs directory itself: exit 64, nothing
    /// written, and the next `run` still publishes.
    @Test func nothingButRunWritesIntoAnOutputsDirectory() throws {
        let directory = try published()
        let run = directory.path + "/out/runs/2026-11-01.1"
        let attempts: [[String]] = [
            ["diff", run, run, "--out", "out/latest"],
            ["diff", run, run, "--out", "out/runs/2026-11-01"],
            ["diff", run, run, "--out", "out"],
            ["report", run, "--out", "out/latest/page.html"],
            ["analyze", "--people", "people.csv", "--rate", "EUR=1.08", "--rate", "GBP=1.27", "--out", "out/runs/x"],
        ]
        for arguments in attempts {
            let result = try RunResult.orglens(arguments, in: directory.url)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is inside the outputs directory"), "\(result.stderr)")
        }
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-01.1")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/runs/x"))
        #expect(FileManager.default.fileExists(atPath: run + "/manifest.json"))
        let next = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-02", "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
    }

    /// One-letter and relative outputs, with and without a slash.
    @Test(arguments: ["o", "o/", "./o"])
    func shortRelativeOutputsWork(out: String) throws {
        let directory = try published()
        let analyzed = try RunResult.orglens(
            ["analyze", "--people", "people.csv", "--rate", "EUR=1.08", "--rate", "GBP=1.27", "--out", out],
            in: directory.url)
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/o/dashboard.json"))
        let run = directory.path + "/out/runs/2026-11-01.1"
        let diffed = try RunResult.orglens(["diff", run, run, "--out", "d"], in: directory.url)
        #expect(diffed.status == 0, "\(diffed.stderr)")
        // Two pipeline files, analysed and not published (this once died with SIGILL on `--out d`).
        let pipelines = try RunResult.orglens(["diff", "p.yml", "p.yml", "--out", "e"], in: directory.url)
        #expect(pipelines.status == 0, "\(pipelines.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/e/changes.json"))
        let reported = try RunResult.orglens(["report", run, "--out", "r.html"], in: directory.url)
        #expect(reported.status == 0, "\(reported.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/r.html"))
    }

    /// Rows appended to (or the file cut) while a two-worker run has read it: exit 75, nothing published.
    @Test(arguments: ["append", "truncate"])
    func anExportThatChangesWhileReadIsRefused(change: String) throws {
        let directory = TemporaryDirectory()
        #expect(try RunResult.orglens(["generate", "--people", "20000", "--out", directory.path + "/gen"]).status == 0)
        let pipeline = directory.write(
            "p.yml", "sources: {people: {path: gen/people.csv}}\noutputs: {directory: out}\n")
        let path = directory.path + "/gen/people.csv"
        let process = Process()
        process.executableURL = TestPaths.orglensBinary
        process.arguments = ["run", pipeline, "--as-of", "2026-11-01", "--workers", "2", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["ORGLENS_TEST_READ_PAUSE_US": "4000000"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(2_000_000)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        if change == "append" {
            handle.seekToEndOfFile()
            handle.write(
                Data(
                    "X1,Extra,x1@example.com,Engineer,L3,,,Engineering,Berlin,full-time,active,2020-01-01,1,USD\n".utf8)
            )
        } else {
            handle.truncateFile(atOffset: 200_000)
        }
        try handle.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 75, "\(stderr)")
        #expect(stderr.contains("people.csv changed while it was read"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/latest"))
    }

    /// A pipeline without `encoding` reads a windows-1252 export as such (the README says `auto`).
    @Test func theEncodingDefaultIsAuto() throws {
        let directory = TemporaryDirectory()
        var bytes = Array("employee_id,manager_id,name\nA,,Ren".utf8) + [0xE9] + Array("e Dupr".utf8) + [0xE9]
        bytes += Array("\nB,A,Zo".utf8) + [0xEB] + Array("\nC,A,Bo\n".utf8)
        directory.write("people.csv", bytes)
        directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"people\": 3,"))
        #expect(dashboard.contains("\"quarantined\": 0,"))
    }

    /// An unknown currency cell is never echoed: not on stderr, not in status.json.
    @Test func anUnknownCurrencyValueIsNotEchoed() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,salary,currency\nA,,100000,USD\nB,A,90000,Zyxwa Quorblat\nC,A,80000,USD\n")
        directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("not an ISO 4217 code"), "\(result.stderr)")
        let status = try #require(directory.read("out/status.json"))
        for text in [result.stderr, status] {
            #expect(!text.lowercased().contains("zyxwa") && !text.lowercased().contains("quorblat"))
        }
    }

    /// A dashboard nested 60,000 deep is refused with exit 65 (it once overflowed the stack); one with 200,000
    /// span rows gives a page of bounded size that says how many more there are.
    @Test func reportRefusesDeepDashboardsAndBoundsLongTables() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "deep/dashboard.json",
            String(repeating: "{\"a\": ", count: 60_000) + "1" + String(repeating: "}", count: 60_000))
        let deep = try RunResult.orglens(["report", directory.path + "/deep", "--out", directory.path + "/deep.html"])
        #expect(deep.status == 65, "\(deep.stderr)")
        #expect(deep.stderr.contains("nested deeper than"))

        let original = try published()
        let text = try #require(original.read("out/latest/dashboard.json"))
        let rows = (1...200_000).map { "    {\"span\": \($0), \"managers\": 1}" }.joined(separator: ",\n")
        let long = text.replacingOccurrences(
            of: #"("span_distribution": \[)[^\]]*\]"#, with: "$1\n" + rows + "\n  ]", options: .regularExpression)
        #expect(long.count > text.count + 1_000_000)
        directory.write("long/dashboard.json", long)
        let page = try RunResult.orglens(["report", directory.path + "/long", "--out", directory.path + "/long.html"])
        #expect(page.status == 0, "\(page.stderr)")
        let html = try #require(directory.read("long.html"))
        #expect(html.utf8.count < 500_000)
        #expect(html.contains("and 199,900 more spans"))
    }
}
