import Foundation
import OrgLensTestSupport
import Testing

/// Exports that name the manager (BambooHR's "Reports To") instead of giving an id.
@Suite struct ManagerReferenceTests {
    func run(_ csv: String, reference: String) throws -> (TemporaryDirectory, RunResult) {
        let directory = TemporaryDirectory()
        directory.write("people.csv", csv)
        let result = try RunResult.orglens(["analyze", "--people", directory.path + "/people.csv", "--manager-ref", reference,
                                            "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet"])
        return (directory, result)
    }

    @Test func byNameInEitherOrder() throws {
        let csv = """
            employee_id,name,manager_id
            1,Ada Lovelace,
            2,Grace Hopper,"Lovelace, Ada"
            3,Alan Turing,ada  LOVELACE
            4,Ken Thompson,Grace Hopper
            5,Alan Smith,Nobody Known
            6,Jo Doe,Alan Turing
            7,Jo Doe,Ada Lovelace
            8,Barbara Liskov,Jo Doe
            """
        let (directory, result) = try run(csv + "\n", reference: "name")
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/dashboard.json"))
        #expect(dashboard.contains("{\"id\": \"1\", \"layer\": 1, \"direct_reports\": 3,"))
        // Two people are called Jo Doe: Barbara's row cannot say which one she reports to.
        let quarantine = try #require(directory.read("out/quarantine.csv"))
        #expect(quarantine.contains("manager.ambiguous"))
        #expect(quarantine.contains(",8,"))
        // An unknown name is dangling, and the dashboard never repeats it.
        #expect(dashboard.contains("the manager named in manager_id of 5 matches no one"))
        #expect(!dashboard.contains("Nobody"))
        #expect(!dashboard.lowercased().contains("lovelace"))
    }

    @Test func byEmailCaseInsensitively() throws {
        let csv = "employee_id,email,manager_id\nA,ada@example.com,\nB,grace@example.com,ADA@example.com\nC,alan@example.com,grace@example.com\n"
        let (directory, result) = try run(csv, reference: "email")
        #expect(result.status == 0)
        let dashboard = try #require(directory.read("out/dashboard.json"))
        #expect(dashboard.contains("\"max_layer\": 3,"))
        #expect(!dashboard.contains("example.com"))
    }
}
