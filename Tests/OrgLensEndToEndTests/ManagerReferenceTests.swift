import Foundation
import OrgLensTestSupport
import Testing

/// Exports that name the manager (BambooHR's "Reports To") instead of giving an id.
@Suite struct ManagerReferenceTests {
    func run(_ csv: String, reference: String) throws -> (TemporaryDirectory, RunResult) {
        let directory = TemporaryDirectory()
        directory.write("people.csv", csv)
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--manager-ref", reference,
            "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
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
            7,Jo Doe,Grace Hopper
            8,Barbara Liskov,Jo Doe
            """
        let (directory, result) = try run(csv + "\n", reference: "name")
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/dashboard.json"))
        #expect(
            dashboard.contains(
                "{\"id\": \"1\", \"manager_id\": null, \"org_head\": null, \"layer\": 1, \"direct_reports\": 2,"))
        // Two people are called Jo Doe, on the same layer, neither managing anyone: Barbara's row cannot say
        // which one she reports to. She stays in the org (headcount must not shrink because a name is shared),
        // at the top of her own tree.
        let quarantine = try #require(directory.read("out/quarantine.csv"))
        #expect(!quarantine.contains("manager.ambiguous"))
        #expect(
            dashboard.contains(
                "{\"rule\": \"manager.ambiguous\", \"severity\": \"warning\", \"subject\": \"8\", \"value\": 2,"))
        #expect(dashboard.contains("\"people\": 8,"))
        #expect(dashboard.contains("\"orphans\": 2,"))
        // An unknown name is dangling, and the dashboard never repeats it.
        #expect(dashboard.contains("the manager named in manager_id of 5 matches no one"))
        #expect(!dashboard.contains("Nobody"))
        #expect(!dashboard.lowercased().contains("lovelace"))
    }

    /// A shared name is settled when only one of the people who have it can be a manager on `as_of`:
    /// not the person themself, not someone who left or has not started.
    @Test func sharedNamesSettledByWhoIsInTheOrg() throws {
        let csv = """
            employee_id,name,manager_id,status,hire_date
            1,Ada Lovelace,,Active,2010-01-01
            2,Sam Lee,Ada Lovelace,Active,2012-01-01
            3,Sam Lee,Ada Lovelace,Terminated,2011-01-01
            4,Sam Lee,Sam Lee,Active,2013-01-01
            5,Kim Park,Sam Lee,Active,2014-01-01
            6,Sam Lee,Ada Lovelace,Active,2027-01-01
            """
        let (directory, result) = try run(csv + "\n", reference: "auto")
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/dashboard.json"))
        // Person 4 names "Sam Lee" too, but cannot report to themself; 3 left and 6 has not started: 2 it is.
        // Kim's "Sam Lee" is 2 or 4 (3 left, 6 has not started); 2 already manages someone (4), so 2.
        #expect(!dashboard.contains("manager.ambiguous"))
        #expect(
            dashboard.contains(
                "{\"id\": \"2\", \"manager_id\": \"1\", \"org_head\": \"2\", \"layer\": 2, \"direct_reports\": 2,"))
        #expect(dashboard.contains("\"manager_ref\": \"name\""))
    }

    @Test func autoDetectsEmailsAndIds() throws {
        let emails = "employee_id,email,manager_id\nA,ada@example.com,\nB,grace@example.com,ada@example.com\n"
        let (emailDirectory, emailResult) = try run(emails, reference: "auto")
        #expect(emailResult.status == 0)
        #expect(try #require(emailDirectory.read("out/dashboard.json")).contains("\"manager_ref\": \"email\""))
        let ids = "employee_id,email,manager_id\nA,ada@example.com,\nB,grace@example.com,A\n"
        let (idDirectory, _) = try run(ids, reference: "auto")
        let dashboard = try #require(idDirectory.read("out/dashboard.json"))
        #expect(dashboard.contains("\"manager_ref\": \"id\""))
        #expect(dashboard.contains("\"max_layer\": 2,"))
    }

    @Test func byEmailCaseInsensitively() throws {
        let csv =
            "employee_id,email,manager_id\nA,ada@example.com,\nB,grace@example.com,ADA@example.com\nC,alan@example.com,grace@example.com\n"
        let (directory, result) = try run(csv, reference: "email")
        #expect(result.status == 0)
        let dashboard = try #require(directory.read("out/dashboard.json"))
        #expect(dashboard.contains("\"max_layer\": 3,"))
        #expect(!dashboard.contains("example.com"))
    }
}
