import Foundation
import Glibc
import OrgLensTestSupport
import Testing

/// `orglens run` as cron runs it: the real binary, real files, real locks and kills.
@Suite struct PipelineRunTests {
    static let cases = TestPaths.cases.path

    /// A pipeline over the fixture org (people, teams, services, dependencies, costs) in its own folder.
    func pipeline(
        _ extra: String = "", people: String? = nil, directory: TemporaryDirectory = TemporaryDirectory()
    ) -> (TemporaryDirectory, String) {
        let yaml = """
            name: test
            as_of: 2026-11-01
            sources:
              people: {path: \(people ?? Self.cases + "/engineering-org/people.csv")}
              teams: {path: \(Self.cases)/engineering-org-teams/teams.csv}
              services: {path: \(Self.cases)/engineering-org-teams/services.csv}
              dependencies: {path: \(Self.cases)/engineering-org-teams/dependencies.csv}
            costs: {rates: {EUR: 1.08, GBP: 1.27}}
            outputs: {directory: out, keep: 2}
            \(extra)
            """
        return (directory, directory.write("pipeline.yml", yaml))
    }

    @Test func publishesARunAndPointsLatestAtIt() throws {
        let (directory, path) = pipeline()
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == directory.path + "/out/latest/dashboard.json\n")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/latest")
        #expect(link == "runs/2026-11-01.1")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/out/days/2026-11-01")
                == "../runs/2026-11-01.1")
        #expect(directory.read("out/status.json")?.contains("\"status\": \"ok\"") == true)
        let golden = try String(
            contentsOfFile: Self.cases + "/engineering-org-teams/expected/dashboard.json", encoding: .utf8)
        // A run's dashboard is analyze's plus what changed (nothing to compare with on a first run).
        #expect(directory.read("out/latest/dashboard.json").map(Dashboard.withoutChanges) == golden)
        #expect(directory.read("out/latest/dashboard.json")?.contains(#""previous_as_of": null"#) == true)
        #expect(directory.read("out/latest/tables/teams.ndjson")?.split(separator: "\n").count == 19)
    }

    @Test func rerunsAreByteIdenticalAndOldRunsArePruned() throws {
        let (directory, path) = pipeline()
        for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
            #expect(try RunResult.orglens(["run", path, "--as-of", day, "--quiet"]).status == 0)
        }
        // Within ten minutes of being superseded nothing is removed (a reader may still be in it).
        let runsPath = directory.path + "/out/runs"
        #expect(try FileManager.default.contentsOfDirectory(atPath: runsPath).filter { $0.contains(".") }.count == 3)
        // Twenty minutes later, a same-day rerun: keep 2 days prunes 11-01; 11-03.1 was superseded just now and stays.
        let earlier = Date(timeIntervalSinceNow: -1200)
        for name in try FileManager.default.contentsOfDirectory(atPath: runsPath) where name.contains(".") {
            try FileManager.default.setAttributes([.modificationDate: earlier], ofItemAtPath: runsPath + "/" + name)
        }
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-11-03", "--quiet"]).status == 0)
        let runs = try FileManager.default.contentsOfDirectory(atPath: runsPath).sorted()
        // runs/ holds each run once (the day links are in days/), so runs/*/tables/ reads every night once.
        #expect(runs == ["2026-11-02.1", "2026-11-03.1", "2026-11-03.2"])
        let days = directory.path + "/out/days"
        #expect(try FileManager.default.contentsOfDirectory(atPath: days).sorted() == ["2026-11-02", "2026-11-03"])
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: days + "/2026-11-03") == "../runs/2026-11-03.2")
        let first = days + "/2026-11-02"
        let second = days + "/2026-11-03"
        for file in ["quarantine.csv", "tables/managers.ndjson", "tables/findings.ndjson"] {
            #expect(
                try String(contentsOfFile: first + "/" + file, encoding: .utf8).replacingOccurrences(
                    of: "2026-11-02", with: "2026-11-03")
                    == String(contentsOfFile: second + "/" + file, encoding: .utf8))
        }
        // The same as_of twice gives the same bytes (the second replaced the first whole).
        let again = TemporaryDirectory()
        let (_, otherPath) = pipeline(directory: again)
        #expect(try RunResult.orglens(["run", otherPath, "--as-of", "2026-11-03", "--quiet"]).status == 0)
        #expect(
            again.read("out/latest/dashboard.json").map(Dashboard.withoutChanges)
                == directory.read("out/latest/dashboard.json").map(Dashboard.withoutChanges))
    }

    @Test func aSecondRunIsRefusedWhileTheLockIsHeld() throws {
        let (directory, path) = pipeline()
        try FileManager.default.createDirectory(atPath: directory.path + "/out", withIntermediateDirectories: true)
        let descriptor = open(directory.path + "/out/.orglens.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 75)
        #expect(result.stderr.contains(".orglens.lock"))
        #expect(directory.read("out/latest/dashboard.json") == nil)
    }

    @Test func failOnExitsOneAfterPublishing() throws {
        let (directory, path) = pipeline("fail_on: [span.split, manager.cycle]")
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("span.split (2)"))
        #expect(!result.stderr.contains("manager.cycle"))
        #expect(directory.read("out/latest/dashboard.json") != nil)
        let (quietDirectory, quiet) = pipeline("fail_on: [manager.cycle]")
        #expect(try RunResult.orglens(["run", quiet, "--quiet"]).status == 0)
        #expect(quietDirectory.read("out/latest/dashboard.json") != nil)
    }

    @Test func unwritableOutputExits73AndKeepsThePreviousRun() throws {
        let (directory, path) = pipeline()
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let before = directory.read("out/latest/dashboard.json")
        // The lock file cannot be created: a directory stands where it should be.
        try FileManager.default.removeItem(atPath: directory.path + "/out/.orglens.lock")
        try FileManager.default.createDirectory(
            atPath: directory.path + "/out/.orglens.lock", withIntermediateDirectories: false)
        let result = try RunResult.orglens(["run", path, "--as-of", "2026-11-02", "--quiet"])
        #expect(result.status == 73)
        #expect(directory.read("out/latest/dashboard.json") == before)
        // An output directory under a regular file.
        let (blocked, blockedPath) = pipeline()
        blocked.write("out", "a file, not a directory")
        #expect(try RunResult.orglens(["run", blockedPath, "--quiet"]).status == 73)
    }

    /// Killed at random points, a run never leaves `latest/` broken: it is the old run or the new one, whole.
    @Test func killedRunsLeaveLatestWhole() throws {
        let org = TemporaryDirectory()
        #expect(try RunResult.orglens(["generate", "--people", "60000", "--out", org.path]).status == 0)
        let directory = TemporaryDirectory()
        let yaml = """
            sources:
              people: {path: \(org.path)/people.csv}
              teams: {path: \(org.path)/teams.csv}
              services: {path: \(org.path)/services.csv}
              dependencies: {path: \(org.path)/dependencies.csv}
            outputs: {directory: out, keep: 3}
            """
        let path = directory.write("pipeline.yml", yaml)
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-01-01", "--quiet"]).status == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let process = Process()
            process.executableURL = TestPaths.orglensBinary
            process.arguments = ["run", path, "--as-of", "2026-01-0\(round % 3 + 1)", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...900_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let dashboard = try #require(directory.read("out/latest/dashboard.json"))
            let parsed = try JSONSerialization.jsonObject(with: Data(dashboard.utf8)) as? [String: Any]
            #expect(parsed?["schema_version"] != nil)
            #expect(directory.read("out/latest/manifest.json") != nil)
            let tables = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/latest/tables")
            #expect(tables.count == 19, "round \(round): \(tables.count) tables")
        }
        // And the next run cleans up after the killed ones.
        #expect(try RunResult.orglens(["run", path, "--as-of", "2026-01-09", "--quiet"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out").filter {
            $0.hasPrefix(".incoming") || $0.hasPrefix(".replaced")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func validatePrintsWhereEachFieldComesFrom() throws {
        let (directory, path) = pipeline()
        let result = try RunResult.orglens(["validate", path])
        #expect(directory.read("pipeline.yml") != nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("employee_id            ← 'employee_id'"))
        #expect(result.stdout.contains("lead_id                ← 'lead_id'"))
        let (bad, badPath) = pipeline()
        bad.write(
            "pipeline.yml",
            (bad.read("pipeline.yml") ?? "").replacingOccurrences(
                of: "people: {path:", with: "people: {map: {manager_id: Boss}, path:"))
        let failed = try RunResult.orglens(["validate", badPath])
        #expect(failed.status == 65)
        #expect(
            failed.stderr.contains(
                "column 'Boss' (mapped to manager_id by sources.people.map.manager_id in the pipeline file) is not among the header's"
            ))
    }

    @Test func peopleTableCarriesOnlyPublishedFieldsWithPrivateMode() throws {
        let (directory, path) = pipeline("privacy: {publish: [title]}\n", people: nil)
        directory.write(
            "pipeline.yml",
            (directory.read("pipeline.yml") ?? "").replacingOccurrences(
                of: "outputs: {directory: out, keep: 2}", with: "outputs: {directory: out, keep: 2, people_table: true}"
            ))
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let table = try #require(directory.read("out/latest/tables/people.ndjson"))
        #expect(table.split(separator: "\n").count == 119)
        #expect(table.contains("\"title\": \"Chief Technology Officer\""))
        #expect(!table.contains("@example.com"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: directory.path + "/out/latest/tables/people.ndjson")[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        "adp", "bamboohr-csv", "bamboohr-reports-to", "generic-csv", "hibob", "personio", "sap-successfactors",
        "workday-csv",
    ])
    func everyCSVPresetReadsAnExportInItsShape(preset: String) throws {
        let directory = TemporaryDirectory()
        let people = TestPaths.fixtures.appendingPathComponent("presets/\(preset).csv").path
        let path = directory.write(
            "p.yml",
            "as_of: 2026-11-01\nsources:\n  people: {path: \(people), preset: \(preset)}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"people\": 6,"), "\(preset)")
        #expect(dashboard.contains("\"managers\": 3,"), "\(preset)")
        #expect(dashboard.contains("\"roots\": 1,"), "\(preset)")
        #expect(
            dashboard.contains(
                "{\"input\": \"people\", \"outcome\": \"excluded\", \"rule\": \"policy.inactive_status\", \"rows\": 1}"),
            "\(preset)")
    }

    @Test(arguments: ["workday-report", "bamboohr-directory"])
    func xmlPresetsRunFromPipelines(preset: String) throws {
        let directory = TemporaryDirectory()
        let folder = preset == "workday-report" ? "engineering-org-workday" : "engineering-org-bamboohr"
        let path = directory.write(
            "p.yml",
            "as_of: 2026-11-01\nsources:\n  people: {path: \(Self.cases)/\(folder)/people.xml, preset: \(preset)}\ncosts: {rates: {EUR: 1.08, GBP: 1.27}}\noutputs: {directory: out, tables: false}\n"
        )
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let golden = try String(
            contentsOfFile: Self.cases + "/engineering-org/expected/dashboard.json", encoding: .utf8)
        #expect(directory.read("out/latest/dashboard.json").map(Dashboard.withoutChanges) == golden)
    }
}
