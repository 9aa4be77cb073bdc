import Foundation
import OrgLensTestSupport
import Testing

/// The BI database, for real: a PostgreSQL server (`scripts/test-database.sh`, which `.ci/run` starts) loaded by
/// the `orglens` binary and read back with `psql`, as an analyst would. Each test has a schema of its own.
@Suite(.serialized, .enabled(if: TestDatabase.available, Comment(rawValue: TestDatabase.skipReason)))
struct DatabaseTests {
    /// The history fixture's folder with a pipeline that loads `schema` (`url` overrides the server's).
    func folder(schema: String, url: String = TestDatabase.url, extra: String = "") throws -> TemporaryDirectory {
        let directory = try HistoryFixture.folder()
        directory.write(
            "pipeline.yml",
            """
            name: history
            sources:
              people: {path: people.csv}
              teams: {path: teams.csv}
            outputs:
              directory: out
              tables: true
              database: {url: "\(url)", schema: \(schema), tls: disable}
            \(extra)
            """)
        return directory
    }

    @discardableResult
    func night(
        _ number: Int, in directory: TemporaryDirectory, export: Int? = nil, expect status: Int32 = 0,
        environment: [String: String] = [:]
    ) throws -> RunResult {
        directory.write("people.csv", try HistoryFixture.export(export ?? number))
        let result = try RunResult.orglens(
            ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-0\(number)", "--quiet"],
            environment: environment)
        #expect(result.status == status, "\(result.stderr)")
        return result
    }

    /// Every table's rows per night equal the lines of that night's NDJSON file (summary: its one trend record).
    func expectRowsMatchFiles(_ directory: TemporaryDirectory, schema: String, day: String) throws {
        let run = directory.path + "/out/days/" + day
        let tables = try FileManager.default.contentsOfDirectory(atPath: run + "/tables")
            .filter { $0.hasSuffix(".ndjson") && $0 != "summary.ndjson" && $0 != "people.ndjson" }
        #expect(tables.count > 10)
        for file in tables {
            let lines = try String(contentsOfFile: run + "/tables/" + file, encoding: .utf8)
                .split(separator: "\n").count
            let table = String(file.dropLast(".ndjson".count))
            let rows = try TestDatabase.value("SELECT count(*) FROM \(schema).\(table) WHERE as_of = '\(day)'")
            #expect(rows == String(lines), "\(table) on \(day)")
        }
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).summary WHERE as_of = '\(day)'") == "1")
    }

    /// Two nights, a same-day rerun and a blocked night.
    @Test func nightsRerunsAndBlockedNights() throws {
        let schema = TestDatabase.freshSchema()
        let directory = try folder(schema: schema)
        try night(1, in: directory)
        try night(2, in: directory)
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-01")
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
        #expect(
            try TestDatabase.value("SELECT string_agg(run || ':' || loaded, ' ' ORDER BY run) FROM \(schema).runs")
                == "runs/2026-11-01.1:true runs/2026-11-02.1:true")
        // A same-day rerun with another export replaces the night's rows: the same counts as its files, once.
        try night(2, in: directory, export: 3)
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
        #expect(
            try TestDatabase.value("SELECT people FROM \(schema).summary WHERE as_of = '2026-11-02'")
                == String(try Self.people(directory, day: "2026-11-02")))
        #expect(
            try TestDatabase.value("SELECT string_agg(run || ':' || loaded, ' ' ORDER BY run) FROM \(schema).runs")
                == "runs/2026-11-01.1:true runs/2026-11-02.1:false runs/2026-11-02.2:true")
        // A blocked night writes its runs row only; the latest views stay on the last published night.
        directory.write(
            "pipeline.yml", (directory.read("pipeline.yml") ?? "") + "gates: {min_managers: 1000}\n")
        try night(3, in: directory, expect: 65)
        #expect(
            try TestDatabase.value(
                "SELECT status || ' ' || array_to_string(gates, ',') FROM \(schema).runs WHERE as_of = '2026-11-03'")
                == "blocked min_managers")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).managers WHERE as_of = '2026-11-03'") == "0")
        #expect(try TestDatabase.value("SELECT DISTINCT as_of FROM \(schema).latest_managers") == "2026-11-02")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).latest_summary") == "1")
    }

    /// The database down for a night: the files are published (exit 76, status.json says so), and the next
    /// night loads both.
    @Test func aMissedNightIsLoadedWhenTheDatabaseIsBack() throws {
        let schema = TestDatabase.freshSchema()
        let down = try folder(schema: schema, url: "postgresql://orglens@127.0.0.1:9/postgres")
        let result = try night(1, in: down, expect: 76)
        #expect(result.stderr.contains("was not loaded"), "\(result.stderr)")
        #expect(down.read("out/status.json")?.contains(#""status": "published_database_not_loaded""#) == true)
        #expect(down.read("out/status.json")?.contains(#""exit_code": 76"#) == true)
        #expect(FileManager.default.fileExists(atPath: down.path + "/out/latest/dashboard.json"))
        // The server is back (the pipeline names it again): both nights go in, the missed one first.
        let text = try #require(down.read("pipeline.yml"))
        down.write("pipeline.yml", text.replacingOccurrences(of: "127.0.0.1:9/", with: TestDatabase.hostPortPath))
        try night(2, in: down)
        try expectRowsMatchFiles(down, schema: schema, day: "2026-11-01")
        try expectRowsMatchFiles(down, schema: schema, day: "2026-11-02")
        #expect(down.read("out/status.json")?.contains(#""status": "ok""#) == true)
    }

    /// Night 1 published while the database is down, then `file` of that run rewritten by `damage`, then night 2
    /// with the database up: what the back-fill does with a kept run that was changed after it was published.
    func secondNight(
        schema: String, afterDamaging file: String, _ damage: (String) -> String
    ) throws -> (TemporaryDirectory, RunResult) {
        let directory = try folder(schema: schema, url: "postgresql://orglens@127.0.0.1:9/postgres")
        try night(1, in: directory, expect: 76)
        let path = directory.path + "/out/days/2026-11-01/" + file
        try damage(try String(contentsOfFile: path, encoding: .utf8)).write(
            toFile: path, atomically: false, encoding: .utf8)
        let pipeline = try #require(directory.read("pipeline.yml"))
        directory.write(
            "pipeline.yml", pipeline.replacingOccurrences(of: "127.0.0.1:9/", with: TestDatabase.hostPortPath))
        return (directory, try night(2, in: directory))
    }

    /// A kept run whose table was damaged after it was published is never half loaded: its transaction rolls back,
    /// a warning names it, and tonight's night still goes in.
    @Test func aDamagedRunIsLeftOutWhole() throws {
        let schema = TestDatabase.freshSchema()
        let (directory, result) = try secondNight(schema: schema, afterDamaging: "tables/findings.ndjson") {
            $0 + "{\"as_of\": \"2026-11-01\", \"rule\": 7}\n"
        }
        #expect(result.stderr.contains("night not loaded into the database"), "\(result.stderr)")
        #expect(result.stderr.contains("findings.ndjson line"), "\(result.stderr)")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).managers WHERE as_of = '2026-11-01'") == "0")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).summary WHERE as_of = '2026-11-01'") == "0")
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
    }

    /// A kept run whose manifest no longer names its own day (damaged, or edited) is left out and named, as a damaged
    /// table is: its rows would land on another day, or its date stop every later load.
    @Test func aRunWhoseManifestLostItsDayIsLeftOut() throws {
        let schema = TestDatabase.freshSchema()
        let (directory, result) = try secondNight(schema: schema, afterDamaging: "manifest.json") {
            $0.replacingOccurrences(of: "\"as_of\": \"2026-11-01\"", with: "\"as_of\": \"2026-11-31\"")
        }
        #expect(result.stderr.contains("night not loaded into the database"), "\(result.stderr)")
        #expect(result.stderr.contains("manifest.json"), "\(result.stderr)")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).runs WHERE as_of = '2026-11-01'") == "0")
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
    }

    /// A kill while the night's transaction is open leaves the database as it was; the next run loads the night.
    @Test func aKillDuringTheLoadLeavesThePreviousState() throws {
        let schema = TestDatabase.freshSchema()
        let directory = try folder(schema: schema)
        try night(1, in: directory)
        let before = try TestDatabase.value("SELECT count(*) FROM \(schema).managers")
        directory.write("people.csv", try HistoryFixture.export(2))
        let process = Process()
        process.executableURL = TestPaths.orglensBinary
        process.arguments = ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-02", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["ORGLENS_TEST_LOAD_PAUSE_US": "20000000"]) {
            $1
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Inside the transaction: the night's rows are deleted and copied again, not yet committed.
        var waited = 0
        while waited < 300,
            try TestDatabase.value(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = 'postgres'")
                == "0"
        {
            usleep(100_000)
            waited += 1
        }
        #expect(waited < 300, "the load never opened its transaction")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).managers") == before)
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).runs") == "1")
        #expect(try TestDatabase.value("SELECT max(as_of) FROM \(schema).latest_summary") == "2026-11-01")
        // The files were published before the load: the next run (same day) loads the night.
        try night(2, in: directory)
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
    }

    /// A database made by a newer OrgLens is refused (exit 78) and left alone; the files are still published.
    @Test func aNewerDatabaseSchemaIsRefused() throws {
        let schema = TestDatabase.freshSchema()
        let directory = try folder(schema: schema)
        try night(1, in: directory)
        _ = try TestDatabase.value("UPDATE \(schema).schema_version SET version = '9.0'")
        let result = try night(2, in: directory, expect: 78)
        #expect(result.stderr.contains("made by a newer OrgLens"), "\(result.stderr)")
        #expect(try TestDatabase.value("SELECT count(*) FROM \(schema).summary") == "1")
        #expect(directory.read("out/status.json")?.contains(#""status": "published_database_not_loaded""#) == true)
    }

    /// A password in the URL is a configuration error before anything runs, and is never printed.
    @Test func aPasswordInTheURLIsRefused() throws {
        let directory = try folder(schema: "never", url: "postgresql://orglens:Hunter2Secret@127.0.0.1:5432/postgres")
        let result = try night(1, in: directory, expect: 78)
        #expect(result.stderr.contains("holds a password"), "\(result.stderr)")
        #expect(!result.stderr.contains("Hunter2Secret"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/latest"))
        let load = try RunResult.orglens([
            "load", directory.path, "--database", "postgresql://orglens:Hunter2Secret@127.0.0.1/postgres",
        ])
        #expect(load.status == 78)
        #expect(!load.stderr.contains("Hunter2Secret"))
    }

    /// `orglens load` back-fills by hand (the runs as a glob gives them); a second load changes nothing.
    @Test func loadBackFillsByHand() throws {
        let loaded = TestDatabase.freshSchema()
        let directory = try folder(schema: loaded)
        try night(1, in: directory)
        try night(2, in: directory)
        let schema = TestDatabase.freshSchema()
        let runs = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/runs").sorted()
            .map { directory.path + "/out/runs/" + $0 }
        let arguments = ["load"] + runs + ["--database", TestDatabase.url, "--schema", schema, "--tls", "disable"]
        let first = try RunResult.orglens(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 2)
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-01")
        try expectRowsMatchFiles(directory, schema: schema, day: "2026-11-02")
        let again = try RunResult.orglens(arguments)
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stderr)")
        let notARun = try RunResult.orglens(["load", directory.path, "--database", TestDatabase.url])
        #expect(notARun.status == 65)
    }

    /// The analyst's query: managers over span 8 and the people under each org head, from latest_managers,
    /// equal the dashboard's figures; money is numeric and exact.
    @Test func latestManagersByOrgHeadGiveTheDashboardsFigures() throws {
        let schema = TestDatabase.freshSchema()
        let directory = TemporaryDirectory()
        let demo = TestPaths.repositoryRoot.appendingPathComponent("Pipelines/demo.yml").path
        let text = try String(contentsOfFile: demo, encoding: .utf8)
            .replacingOccurrences(of: "../", with: TestPaths.repositoryRoot.path + "/")
            .replacingOccurrences(of: TestPaths.repositoryRoot.path + "/out/demo", with: directory.path + "/out")
        directory.write(
            "demo.yml",
            text + "  database: {url: \"\(TestDatabase.url)\", schema: \(schema), tls: disable}\n")
        let result = try RunResult.orglens(["run", directory.path + "/demo.yml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: directory.url.appendingPathComponent("out/latest/dashboard.json")))
                as? [String: Any])
        let managers = try #require(dashboard["managers"] as? [[String: Any]])
        var wide: [String: Int] = [:]
        for manager in managers where (manager["direct_reports"] as? Int ?? 0) > 8 {
            wide[manager["org_head"] as? String ?? "(none)", default: 0] += 1
        }
        let query = """
            SELECT coalesce(org_head, '(none)') || '=' || count(*) FROM \(schema).latest_managers
            WHERE direct_reports > 8 GROUP BY org_head ORDER BY 1
            """
        let expected = wide.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "\n")
        #expect(!wide.isEmpty)
        #expect(try TestDatabase.value(query) == expected)
        // Each org head's org: its managers row's org size plus themself is the org_heads table's engineers + 1.
        let heads = try #require(dashboard["org_heads"] as? [[String: Any]])
        for head in heads {
            let id = try #require(head["id"] as? String)
            let inOrg = try TestDatabase.value(
                "SELECT count(*) FROM \(schema).latest_managers WHERE org_head = '\(id)'")
            #expect(inOrg == String(managers.filter { $0["org_head"] as? String == id }.count))
        }
        // Costs: numeric, exactly the dashboard's text.
        let published = managers.compactMap { $0["cost"] as? NSNumber }.map { $0.decimalValue }.reduce(0, +)
        let total = try TestDatabase.value("SELECT sum(cost) FROM \(schema).latest_managers")
        #expect(Decimal(string: total) == published)
        #expect(
            try TestDatabase.value(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = '\(schema)' AND table_name = 'managers' AND column_name = 'cost'"
            ) == "numeric")
    }

    /// `orglens schema sql` is the layout a load makes: run by hand it makes every table and view.
    @Test func theSchemaScriptRunsAsIs() throws {
        let schema = TestDatabase.freshSchema()
        let script = try RunResult.orglens(["schema", "sql", "--database-schema", schema])
        #expect(script.status == 0)
        _ = try TestDatabase.run(script.stdout)
        let count = "SELECT count(*) FROM information_schema.tables WHERE table_schema = '\(schema)' AND table_type = "
        let tables = try #require(Int(try TestDatabase.value(count + "'BASE TABLE'")))
        let views = try #require(Int(try TestDatabase.value(count + "'VIEW'")))
        // A latest_ view for every table but runs and schema_version.
        #expect(views > 15 && views == tables - 2)
        // Each column says what it means (the contract's words), for the BI tool to show.
        let meaning = try TestDatabase.value(
            "SELECT col_description('\(schema).managers'::regclass, ordinal_position::int) FROM information_schema.columns WHERE table_schema = '\(schema)' AND table_name = 'managers' AND column_name = 'org_head'"
        )
        #expect(meaning.hasPrefix("the org head whose org they are in"), "\(meaning)")
    }

    static func people(_ directory: TemporaryDirectory, day: String) throws -> Int {
        let text = try #require(directory.read("out/days/\(day)/dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require((dashboard["summary"] as? [String: Any])?["people"] as? Int)
    }
}

/// A CI run must have its server: the database tests fail there rather than skip.
@Suite struct DatabaseAvailabilityTests {
    @Test func ciHasADatabaseServer() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(TestDatabase.available, "CI runs the database tests: \(TestDatabase.skipReason)")
        }
    }
}
