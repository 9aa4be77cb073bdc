import Foundation
import OrgLensTestSupport
import Testing

/// Every run gets a folder of its own; links switch by one rename; pruning removes only what OrgLens made.
@Suite struct RunDirectoryTests {
    func pipeline(_ directory: TemporaryDirectory, keep: Int = 1) -> String {
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\n")
        return directory.write(
            "p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out, keep: \(keep)}\n")
    }

    func backdate(_ directory: String, seconds: Double) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            try? FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: directory + "/" + name)
        }
    }

    /// `keep: 1` once deleted a backup folder, a README and an unrelated file sitting in runs/.
    @Test func pruningTouchesOnlyOurRuns() throws {
        let directory = TemporaryDirectory()
        let path = pipeline(directory)
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        directory.write("out/runs/important-backup/data.csv", "keep me\n")
        directory.write("out/runs/README", "keep me\n")
        directory.write("out/runs/.incoming-db", "keep me\n")
        directory.write("out/runs/2026-10-30/notes.txt", "a day-named folder without a manifest is not ours\n")
        try backdate(directory.path + "/out/runs", seconds: 1200)
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-02", "--quiet"]).status == 0)
        try backdate(directory.path + "/out/runs", seconds: 1200)
        let result = try RunResult.orglens(["run", path, "--as-of", "2026-11-03"])
        #expect(result.status == 0)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/runs"))
        #expect(
            names.isSuperset(of: [
                "important-backup", "README", ".incoming-db", "2026-10-30", "2026-11-03.1",
            ]))
        #expect(!names.contains("2026-11-01.1") && !names.contains("2026-11-01"))
        // The day links are in days/; a pruned day's link goes with its run.
        let days = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/days"))
        #expect(days == ["2026-11-02", "2026-11-03"])
        #expect(result.stderr.contains("removed an old run"))
    }

    @Test func aRunsFolderThatIsNotOursIsExit73() throws {
        let directory = TemporaryDirectory()
        let path = pipeline(directory)
        directory.write("out/runs/2019-report.pdf", "someone else's\n")
        let result = try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("holds no OrgLens runs"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/out/runs/2019-report.pdf"))
    }

    /// A reader that opened `latest` keeps a whole run: same-day reruns never rename over the folder it is in.
    @Test func sameDayRerunsGetFoldersOfTheirOwn() throws {
        let directory = TemporaryDirectory()
        let path = pipeline(directory)
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        let handle = try #require(FileHandle(forReadingAtPath: directory.path + "/out/latest/dashboard.json"))
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
                == "runs/2026-11-01.2")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/out/runs/2026-11-01.1/dashboard.json"))
        #expect(!handle.readDataToEndOfFile().isEmpty)
    }

    /// A run from an earlier version (runs/<day> as a folder) becomes that day's run 0.
    @Test func runsOfEarlierVersionsCountAsOurs() throws {
        let directory = TemporaryDirectory()
        let path = pipeline(directory)
        directory.write("out/runs/2026-10-01/manifest.json", "{}\n")
        directory.write("out/runs/2026-11-01/manifest.json", "{}\n")
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/runs"))
        #expect(names.contains("2026-11-01.0") && names.contains("2026-11-01.1"))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/days/2026-11-01")
                == "../runs/2026-11-01.1")
    }

    @Test func statusSaysHowTheLastRunEnded() throws {
        let directory = TemporaryDirectory()
        let path = pipeline(directory)
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        let ok = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/status.json"))) as? [String: Any])
        #expect(
            ok["status"] as? String == "ok" && ok["exit_code"] as? Int == 0 && ok["as_of"] as? String == "2026-11-01")
        #expect((ok["run"] as? String)?.hasSuffix("runs/2026-11-01.1") == true)
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,\n")
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-02", "--quiet"]).status == 65)
        let blocked = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/status.json"))) as? [String: Any])
        #expect(blocked["status"] as? String == "blocked" && blocked["exit_code"] as? Int == 65)
        directory.write("people.csv", "no,header,here\n")
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-03", "--quiet"]).status == 65)
        let failed = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/status.json"))) as? [String: Any])
        #expect(failed["status"] as? String == "failed" && failed["run"] is NSNull)
    }
}

/// When `latest` cannot be switched, nothing is published: exit 73, the new run folder removed, and what
/// readers see unchanged.
@Suite struct UnpublishedRunTests {
    @Test func aFailedSwitchPublishesNothing() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\n")
        let path = directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        // `latest` as a folder with something in it: renaming the new link over it fails.
        directory.write("out/latest/keep.txt", "in the way\n")
        let result = try RunResult.orglens(["run", path, "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was published") || result.stderr.contains("cannot move"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/runs/2026-11-01.1"))
        #expect(directory.read("out/latest/keep.txt") == "in the way\n")
        let status = try #require(directory.read("out/status.json"))
        #expect(status.contains("\"status\": \"failed\"") && status.contains("\"exit_code\": 73"))
    }
}
