import Foundation
import OrgLensTestSupport
import Testing

/// What earlier nights left is input like any other: a damaged, foreign or future-dated snapshot is skipped (the
/// run compares with the nearest older usable run, with the finding `changes.baseline_unusable`), a torn trend line
/// is dropped, never copied on, and only nights that were published count.
@Suite struct HistoryRobustnessTests {
    static let fixture = HistoryFixture.url

    func folder() throws -> TemporaryDirectory { try HistoryFixture.folder() }

    @discardableResult
    func night(
        _ number: Int, in directory: TemporaryDirectory, environment: [String: String] = [:]
    ) throws -> RunResult {
        let text = try HistoryFixture.export(number)
        directory.write("people.csv", text)
        return try RunResult.orglens(
            ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-0\(number)", "--quiet"],
            environment: environment)
    }

    func dashboard(_ directory: TemporaryDirectory) throws -> [String: Any] {
        let text = try #require(directory.read("out/latest/dashboard.json"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func previousAsOf(_ directory: TemporaryDirectory) throws -> String? {
        try (dashboard(directory)["changes"] as? [String: Any])?["previous_as_of"] as? String
    }

    func findingRules(_ directory: TemporaryDirectory) throws -> [String] {
        ((try dashboard(directory)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
    }

    func snapshotPath(_ directory: TemporaryDirectory, _ day: String) -> String {
        directory.path + "/out/runs/\(day).1/snapshot.bin"
    }

    /// Night 2's snapshot damaged in `damage`; night 3 publishes, compares with night 1 and says why.
    @discardableResult
    func nightThree(after damage: (TemporaryDirectory) throws -> Void) throws -> TemporaryDirectory {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        #expect(try night(2, in: directory).status == 0)
        try damage(directory)
        let result = try night(3, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("a newer run's snapshot was skipped as the baseline"), "\(result.stderr)")
        #expect(try previousAsOf(directory) == "2026-11-01")
        #expect(try findingRules(directory).contains("changes.baseline_unusable"))
        return directory
    }

    @Test func aTruncatedSnapshotIsSkipped() throws {
        try nightThree { directory in
            let path = snapshotPath(directory, "2026-11-02")
            let bytes = try #require(FileManager.default.contents(atPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        }
    }

    /// The findings count of the old format's header set to 0xFFFFFFFF: once a 137 GB allocation.
    @Test func aHugeCountInTheHeaderIsSkipped() throws {
        try nightThree { directory in
            let path = snapshotPath(directory, "2026-11-02")
            var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
            for offset in 64..<68 { bytes[offset] = 0xFF }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    /// One person's layer edited: the checksum no longer holds.
    @Test func anEditedSnapshotIsSkipped() throws {
        try nightThree { directory in
            let path = snapshotPath(directory, "2026-11-02")
            var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
            bytes[bytes.count - 60] ^= 0x60
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Another outputs directory's snapshot (overlapping ids, its own identity) in night 2's place.
    @Test func anotherDirectorysSnapshotIsSkipped() throws {
        let other = try folder()
        #expect(try night(2, in: other).status == 0)
        try nightThree { directory in
            try FileManager.default.removeItem(atPath: snapshotPath(directory, "2026-11-02"))
            try FileManager.default.copyItem(
                atPath: snapshotPath(other, "2026-11-02"), toPath: snapshotPath(directory, "2026-11-02"))
        }
    }

    /// A snapshot of this directory dated 2052 in night 2's place: never `previous_as_of`.
    @Test func aFutureDatedSnapshotIsSkipped() throws {
        let future = try folder()
        let directory = try nightThree { directory in
            try FileManager.default.createDirectory(
                atPath: future.path + "/out", withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: directory.path + "/out/.orglens-id", toPath: future.path + "/out/.orglens-id")
            future.write(
                "people.csv",
                try String(contentsOf: Self.fixture.appendingPathComponent("night-2.csv"), encoding: .utf8))
            let result = try RunResult.orglens([
                "run", future.path + "/pipeline.yml", "--as-of", "2052-01-01", "--quiet",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            try FileManager.default.removeItem(atPath: snapshotPath(directory, "2026-11-02"))
            try FileManager.default.copyItem(
                atPath: future.path + "/out/runs/2052-01-01.1/snapshot.bin",
                toPath: snapshotPath(directory, "2026-11-02"))
        }
        #expect(try dashboard(directory)["as_of"] as? String == "2026-11-03")
    }

    /// Every older snapshot unusable: changes are `null`, the run still publishes.
    @Test func noUsableSnapshotMeansNoChanges() throws {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        try Data([0x4F, 0x52]).write(to: URL(fileURLWithPath: snapshotPath(directory, "2026-11-01")))
        let result = try night(2, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try previousAsOf(directory) == nil)
        #expect(try findingRules(directory).contains("changes.baseline_unusable"))
    }

    /// A torn line and a line with fields the contract does not have: both dropped with a warning, every line of
    /// the trend afterwards a contract record, the real nights all there.
    @Test func aDamagedTrendLineIsDroppedNotCopied() throws {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        let trend = try #require(directory.read("out/history/trend.ndjson"))
        let extra = trend.replacingOccurrences(of: "\"as_of\": \"2026-11-01\"", with: "\"as_of\": \"2026-10-30\"")
            .replacingOccurrences(of: "}\n", with: ", \"salary_of_ceo\": 1}\n")
        directory.write(
            "out/history/trend.ndjson", trend + "{\"as_of\": \"2026-10-31\", \"people\": 3" + "\n" + extra)
        let result = try night(2, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("trend line dropped"), "\(result.stderr)")
        let lines = try #require(directory.read("out/history/trend.ndjson")).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
            #expect(!line.contains("salary_of_ceo"))
        }
        #expect(lines[0].hasPrefix("{\"as_of\": \"2026-11-01\"") && lines[1].hasPrefix("{\"as_of\": \"2026-11-02\""))
    }

    /// A trend that is a symlink to someone's 0600 file: its lines are never read into the new 0644 trend.
    @Test func aSymlinkedTrendIsNotFollowed() throws {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        let secret = directory.write("secret.ndjson", "{\"as_of\": \"2020-01-01\", \"people\": 1}\n")
        chmod(secret, 0o600)
        try FileManager.default.removeItem(atPath: directory.path + "/out/history/trend.ndjson")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/out/history/trend.ndjson", withDestinationPath: secret)
        #expect(try night(2, in: directory).status == 0)
        let trend = try #require(directory.read("out/history/trend.ndjson"))
        #expect(!trend.contains("2020-01-01"))
        #expect(directory.read("secret.ndjson") == "{\"as_of\": \"2020-01-01\", \"people\": 1}\n")
    }

    /// Killed after its folder was renamed into runs/, before `latest` switched: that night was never published,
    /// so it is neither the next night's previous run nor in the trend; temporary files of killed runs go.
    @Test func aRunKilledBeforeTheSwitchNeverCounts() throws {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        directory.write(
            "people.csv", try String(contentsOf: Self.fixture.appendingPathComponent("night-2.csv"), encoding: .utf8))
        let process = Process()
        process.executableURL = TestPaths.orglensBinary
        process.arguments = ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-02", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["ORGLENS_TEST_PUBLISH_PAUSE_US": "3000000"]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let renamed = directory.path + "/out/runs/2026-11-02.1"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: renamed), Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: renamed))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-01.1")
        directory.write("out/.status.json.tmp-999999", "{")
        directory.write("out/history/.trend.ndjson.tmp-999999", "{")

        #expect(try night(3, in: directory).status == 0)
        #expect(try previousAsOf(directory) == "2026-11-01")
        let trend = try #require(directory.read("out/history/trend.ndjson"))
        #expect(!trend.contains("\"as_of\": \"2026-11-02\""))
        #expect(trend.split(separator: "\n").count == 2)
        #expect(!FileManager.default.fileExists(atPath: renamed))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/.status.json.tmp-999999"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/history/.trend.ndjson.tmp-999999"))
    }

    /// The trend cannot be written after publishing: exit 74 and status.json says so; the next run repairs it.
    @Test func historyNotWrittenIsExit74AndRepairedNextNight() throws {
        let directory = try folder()
        #expect(try night(1, in: directory).status == 0)
        let history = directory.path + "/out/history"
        try FileManager.default.removeItem(atPath: history)
        directory.write("out/history", "in the way\n")
        let result = try night(2, in: directory)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("history/trend.ndjson not updated"), "\(result.stderr)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-02.1")
        let status = try #require(directory.read("out/status.json"))
        #expect(status.contains("\"status\": \"published_history_not_updated\""))
        #expect(status.contains("\"exit_code\": 74"))
        try FileManager.default.removeItem(atPath: history)
        #expect(try night(3, in: directory).status == 0)
        let trend = try #require(directory.read("out/history/trend.ndjson"))
        #expect(
            trend.split(separator: "\n").map { String($0.prefix(24)) } == [
                "{\"as_of\": \"2026-11-01\", ", "{\"as_of\": \"2026-11-02\", ", "{\"as_of\": \"2026-11-03\", ",
            ])
    }

    /// Two outputs directories whose runs/ is one folder: refused before anything is read or pruned.
    @Test func aSharedRunsFolderIsExit73() throws {
        let first = try folder()
        #expect(try night(1, in: first).status == 0)
        let second = try folder()
        try FileManager.default.createDirectory(atPath: second.path + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: second.path + "/out/runs", withDestinationPath: first.path + "/out/runs")
        let result = try night(2, in: second)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("is a symlink"))
        #expect(FileManager.default.fileExists(atPath: first.path + "/out/runs/2026-11-01.1/dashboard.json"))
    }

    /// Runs copied in from another outputs directory are not this one's: never compared with, trended or pruned.
    @Test func anotherDirectorysRunsAreNeitherComparedNorTrendedNorPruned() throws {
        let other = try folder()
        #expect(try night(1, in: other).status == 0)
        let directory = try folder()
        let runs = directory.path + "/out/runs"
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: other.path + "/out/runs/2026-11-01.1", toPath: runs + "/2026-10-31.1")
        directory.write(
            "pipeline.yml",
            (directory.read("pipeline.yml") ?? "").replacingOccurrences(
                of: "outputs: {directory: out, tables: true}", with: "outputs: {directory: out, tables: true, keep: 1}")
        )
        #expect(try night(1, in: directory).status == 0)
        #expect(try previousAsOf(directory) == nil)
        #expect(try #require(directory.read("out/history/trend.ndjson")).split(separator: "\n").count == 1)
        #expect(try night(2, in: directory).status == 0)
        // Every run old enough to prune: ours goes, theirs stays.
        for name in try FileManager.default.contentsOfDirectory(atPath: runs) {
            try? FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -1200)], ofItemAtPath: runs + "/" + name)
        }
        #expect(try night(3, in: directory).status == 0)
        #expect(!FileManager.default.fileExists(atPath: runs + "/2026-11-01.1"))
        #expect(FileManager.default.fileExists(atPath: runs + "/2026-10-31.1/dashboard.json"))
    }
}
