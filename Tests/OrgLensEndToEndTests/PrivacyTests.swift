import Foundation
import OrgLensTestSupport
import Testing

/// What leaves the HR team must not single anyone out unless the pipeline says so.
@Suite struct PrivacyTests {
    static let cases = TestPaths.cases.path
    static let key = "a-test-key-that-is-long-enough"

    func runPipeline(
        _ privacy: String, environment: [String: String] = [:], in directory: TemporaryDirectory = TemporaryDirectory()
    ) throws -> (TemporaryDirectory, RunResult) {
        let yaml = """
            as_of: 2026-11-01
            sources:
              people: {path: \(Self.cases)/engineering-org/people.csv}
              teams: {path: \(Self.cases)/engineering-org-teams/teams.csv}
              services: {path: \(Self.cases)/engineering-org-teams/services.csv}
              dependencies: {path: \(Self.cases)/engineering-org-teams/dependencies.csv}
            costs: {rates: {EUR: 1.08, GBP: 1.27}}
            privacy: \(privacy)
            outputs: {directory: out, people_table: true}
            """
        let path = directory.write("pipeline.yml", yaml)
        return (directory, try RunResult.orglens(["run", path], environment: environment))
    }

    /// Every file of the run except the two that may carry personal data (quarantine, people table).
    func cleanOutputs(_ directory: TemporaryDirectory) throws -> [String: String] {
        let root = directory.path + "/out/latest"
        var files = ["dashboard.json", "manifest.json"]
        files += try FileManager.default.contentsOfDirectory(atPath: root + "/tables").filter { $0 != "people.ndjson" }
            .map { "tables/" + $0 }
        return Dictionary(
            uniqueKeysWithValues: files.map {
                ($0, (try? String(contentsOfFile: root + "/" + $0, encoding: .utf8)) ?? "")
            })
    }

    @Test func pseudonymizedRunsCarryNoRealIdAndRepeatByteForByte() throws {
        let (first, result) = try runPipeline("{pseudonymize: true}", environment: ["ORGLENS_PSEUDONYM_KEY": Self.key])
        #expect(result.status == 0, "\(result.stderr)")
        let (second, _) = try runPipeline("{pseudonymize: true}", environment: ["ORGLENS_PSEUDONYM_KEY": Self.key])
        let idPattern = try Regex("E1[0-9]{3}")
        let outputs = try cleanOutputs(first)
        #expect(outputs.count > 10)
        for (name, text) in outputs where name != "manifest.json" {
            #expect(text.firstMatch(of: idPattern) == nil, "\(name) carries a real id")
            #expect(text == (try cleanOutputs(second))[name], "\(name) differs between runs with one key")
        }
        let people = try #require(first.read("out/latest/tables/people.ndjson"))
        #expect(people.firstMatch(of: idPattern) == nil)
        // The quarantine keeps real ids: operators fix the source with it.
        #expect(first.read("out/latest/quarantine.csv")?.contains("T-LOOP1") == true)
        // Another key, other pseudonyms.
        let (other, _) = try runPipeline("{pseudonymize: true}", environment: ["ORGLENS_PSEUDONYM_KEY": Self.key + "!"])
        #expect(try cleanOutputs(other)["tables/managers.ndjson"] != outputs["tables/managers.ndjson"])
    }

    @Test func pseudonymizingWithoutAKeyIsAConfigurationError() throws {
        let (directory, result) = try runPipeline("{pseudonymize: true}", environment: ["ORGLENS_PSEUDONYM_KEY": ""])
        #expect(result.status == 78)
        #expect(result.stderr.contains("ORGLENS_PSEUDONYM_KEY"))
        #expect(directory.read("out/latest/dashboard.json") == nil)
    }

    @Test func keyFilesMustBePrivate() throws {
        let directory = TemporaryDirectory()
        let keyPath = directory.write("pseudonym.key", Self.key + "\n")
        chmod(keyPath, 0o644)
        let (_, open) = try runPipeline("{pseudonymize: true, key_file: pseudonym.key}", in: directory)
        #expect(open.status == 78)
        #expect(open.stderr.contains("chmod 600"))
        chmod(keyPath, 0o600)
        let (_, closed) = try runPipeline("{pseudonymize: true, key_file: pseudonym.key}", in: directory)
        #expect(closed.status == 0, "\(closed.stderr)")
    }

    /// With every personal field published to the people table, no name or email reaches a log line
    /// or any other output.
    @Test func namesAndEmailsStayInThePeopleTableOnly() throws {
        let fields =
            "[name, email, title, level, department, location, employment_type, status, hire_date, salary, currency]"
        let (directory, result) = try runPipeline("{publish: \(fields)}")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("published"))
        let csv = try String(contentsOfFile: Self.cases + "/engineering-org/people.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        var secrets: Set<String> = []
        for row in rows {
            // name (quoted when it has a comma) and email are columns 2 and 3.
            let email = row.split(separator: ",").first { $0.contains("@") }.map(String.init)
            if let email { secrets.insert(email) }
            let name = row.hasPrefix("E") ? String(row.split(separator: ",", maxSplits: 1)[1]) : ""
            let cleanName =
                name.hasPrefix("\"")
                ? String(name.dropFirst().prefix { $0 != "\"" }) : String(name.prefix { $0 != "," })
            if cleanName.count > 3 { secrets.insert(cleanName) }
        }
        #expect(secrets.count > 150)
        let outputs = try cleanOutputs(directory)
        for secret in secrets {
            #expect(!result.stderr.contains(secret), "a log line carries \(secret)")
            for (name, text) in outputs { #expect(!text.contains(secret), "\(name) carries \(secret)") }
        }
        let people = try #require(directory.read("out/latest/tables/people.ndjson"))
        #expect(people.contains("@example.com"))
    }

    @Test func quarantineCellsCannotBecomeFormulas() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv", "employee_id,manager_id,note\nA,,x\n=HYPERLINK(\"http://x\"),A,y\n,A,=1+1\n-5,A,z\n-5,A,dup\n"
        )
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--as-of", "2026-11-01", "--out",
            directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0)
        let quarantine = try #require(directory.read("out/quarantine.csv"))
        let lines = quarantine.split(separator: "\n").map(String.init)
        // A text cell that starts like a formula gets a quote in front; a number does not.
        #expect(lines[1].hasSuffix(",,\"'=HYPERLINK(\"\"http://x\"\"),A,y\""))
        #expect(lines[2].hasSuffix(",,\",A,=1+1\""))
        #expect(lines[3].hasSuffix(",-5,\"'-5,A,dup\""))
    }
}
