import Foundation
import OrgLensTestSupport
import Testing

/// Presets ship inside the binary: found wherever the pipeline file is and however its path is written;
/// an unknown one is an error that lists them; one beside the pipeline overrides the built-in one.
@Suite struct PresetTests {
    static let csv =
        "Associate ID,Reports To Associate ID,Position Status,Hire Date\n1,,Active,01/15/2020\n2,1,Active,02/28/2020\n3,1,Terminated,03/01/2020\n"

    @Test func pipelineWithoutADirectoryPartFindsBuiltInPresets() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", Self.csv)
        directory.write(
            "nightly.yml",
            "as_of: 2026-11-01\nsources: {people: {path: people.csv, preset: adp}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", "nightly.yml", "--quiet"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"people\": 2,"))
        #expect(dashboard.contains("\"date_format\": \"mdy\""))
    }

    @Test func unknownPresetsAreErrorsThatListThem() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", Self.csv)
        let path = directory.write(
            "p.yml", "sources: {people: {path: people.csv, preset: no-such-preset}}\noutputs: {directory: out}\n")
        let pipeline = try RunResult.orglens(["run", path, "--quiet"])
        #expect(pipeline.status == 78)
        #expect(pipeline.stderr.contains("unknown preset 'no-such-preset'") && pipeline.stderr.contains("hibob"))
        let flag = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--preset", "nope", "--out", directory.path + "/o",
        ])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("presets are: adp,"))
    }

    @Test func analyzeTakesCSVPresets() throws {
        let directory = TemporaryDirectory()
        let people = directory.write("people.csv", Self.csv)
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--preset", "adp", "--as-of", "2026-11-01", "--out", directory.path + "/o",
            "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(directory.read("o/dashboard.json")?.contains("\"managers\": 1,") == true)
    }

    @Test func aPresetBesideThePipelineOverridesTheBuiltInOne() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "Who,Boss\n1,\n2,1\n")
        directory.write("presets/adp.yml", "format: csv\nmap: {employee_id: Who, manager_id: Boss}\n")
        let path = directory.write(
            "p.yml",
            "as_of: 2026-11-01\nsources: {people: {path: people.csv, preset: adp}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A required column the export lacks: the message names the preset, what it looked for, and the pipeline key.
    @Test func missingColumnsAreExplainedInPipelineTerms() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "Name,Boss\nAda,\n")
        let path = directory.write(
            "p.yml", "sources: {people: {path: people.csv, preset: adp}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("preset adp looks for none of 'Associate ID'"), "\(result.stderr)")
        #expect(result.stderr.contains("sources.people.map.employee_id in the pipeline file"))
        #expect(!result.stderr.contains("Ada"))
    }

    @Test func presetsAreListedAndShown() throws {
        let list = try RunResult.orglens(["presets"])
        #expect(list.status == 0)
        for name in [
            "adp", "bamboohr-csv", "bamboohr-directory", "hibob", "personio", "sap-successfactors", "workday-csv",
            "workday-report",
        ] {
            #expect(list.stdout.contains("\(name)\n"), "\(name)")
        }
        let shown = try RunResult.orglens(["presets", "show", "sap-successfactors"])
        #expect(shown.stdout.contains("NO_MANAGER"))
    }

    /// Effective-dated rows (EmpJob): the row in force on as_of is the person; the others are history.
    @Test func effectiveDatedRowsPickTheRowInForce() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            """
            userId,managerId,emplStatus,startDate
            ceo,NO_MANAGER,A,01/01/2015
            m1,ceo,A,01/01/2016
            m2,ceo,A,01/01/2016
            x,m1,A,01/01/2017
            x,m2,A,06/01/2024
            x,m1,A,12/01/2026
            y,m1,A,01/01/2018
            y,m1,T,03/01/2025
            z,m2,A,12/15/2026

            """)
        let path = directory.write(
            "p.yml",
            "as_of: 2026-11-01\nsources: {people: {path: people.csv, preset: sap-successfactors}}\noutputs: {directory: out}\n"
        )
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        // x reports to m2 (the 2024 row; the December row is not in force yet); y left; z has not started.
        #expect(dashboard.contains("\"people\": 4,"))
        #expect(
            dashboard.contains(
                "{\"id\": \"m2\", \"manager_id\": \"ceo\", \"org_head\": \"m2\", \"layer\": 2, \"direct_reports\": 1,"))
        #expect(!dashboard.contains("{\"id\": \"m1\", \"manager_id\": \"ceo\", \"org_head\": \"m1\", \"layer\": 2"))
        #expect(dashboard.contains("\"rule\": \"policy.superseded\", \"rows\": 3}"))
        #expect(directory.read("out/latest/quarantine.csv")?.contains("duplicate") == false)
    }

    @Test func spreadsheetsAreRefusedWithWhatToDo() throws {
        let directory = TemporaryDirectory()
        let people = directory.write("people.csv", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40))
        let result = try RunResult.orglens(["analyze", "--people", people, "--out", directory.path + "/o"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("save it as \"CSV UTF-8"))
    }

    @Test func validateReadsTheWholeExportAndExits65WhenAGateWouldTrip() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id,hire_date\nA,,2020-01-01\nB,A,sometime\nC,A,2020-01-01\n")
        let path = directory.write(
            "p.yml",
            "as_of: 2026-11-01\nsources: {people: {path: people.csv}}\noutputs: {directory: out}\ngates: {max_unreadable_share: 0.2}\n"
        )
        let result = try RunResult.orglens(["validate", path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("hire_date: 2 of 3 values readable"))
        #expect(result.stdout.contains("max_unreadable_share: 1 of 3 hire_date values unreadable"))
        #expect(directory.read("out/latest/dashboard.json") == nil)
    }
}
