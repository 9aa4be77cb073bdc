import Foundation
import OrgLensTestSupport
import Testing

/// Managers written as names, settled the way an operator would settle them: an email or id in the name column
/// matches the email or id columns, a shared name goes to the namesake who manages people or sits higher, and
/// what cannot be settled is said by cause in the gate's message.
@Suite struct ManagerMatchingTests {
    func run(_ csv: String) throws -> (TemporaryDirectory, RunResult) {
        let directory = TemporaryDirectory()
        directory.write("people.csv", csv)
        directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        return (directory, result)
    }

    /// The CEO shares her display name with an IT specialist in another department; her seven C-level reports
    /// sit in departments of their own. She is at the top, the specialist deep below: the CEO it is.
    /// Three supervisors are written as email addresses in the name column: they match the Email column.
    @Test func aCEOsNamesakeAndEmailsInTheNameColumn() throws {
        var rows = [
            "employee_id,name,email,manager_id,department",
            "C1,Dana Reyes,dana@example.com,,Executive",
        ]
        let chiefs = ["Engineering", "Finance", "Operations", "Sales", "Marketing", "Product", "People"]
        for (index, department) in chiefs.enumerated() {
            rows.append("X\(index),Chief \(department),chief\(index)@example.com,Dana Reyes,\(department)")
            for report in 0..<3 {
                // Every third report names the supervisor by email, in the same column.
                let manager = report == 2 && index < 3 ? "chief\(index)@example.com" : "Chief \(department)"
                rows.append(
                    "R\(index)\(report),Person \(index) \(report),p\(index)\(report)@example.com,\(manager),\(department)"
                )
            }
        }
        rows.append("S1,Sam Lee,sam@example.com,Chief Operations,Operations")
        rows.append("IT9,Dana Reyes,dana.it@example.com,Sam Lee,IT")
        let (directory, result) = try run(rows.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"orphans\": 0,"))
        #expect(
            dashboard.contains(
                "{\"id\": \"C1\", \"manager_id\": null, \"org_head\": null, \"layer\": 1, \"direct_reports\": 7,"))
        #expect(!dashboard.contains("manager.ambiguous") && !dashboard.contains("manager.dangling"))
        #expect(dashboard.contains("\"max_layer\": 4,"))
    }

    /// Two namesakes at the top, neither managing anyone: nothing settles it. The gate's message says why the
    /// org hangs loose, by cause, with example ids.
    @Test func anUnsettledClashIsNamedInTheGateMessage() throws {
        var rows = [
            "employee_id,name,manager_id,department",
            "A1,Alex Kim,,Sales",
            "A2,Alex Kim,,Finance",
        ]
        for report in 0..<6 { rows.append("P\(report),Person \(report),Alex Kim,Engineering") }
        let (_, result) = try run(rows.joined(separator: "\n") + "\n")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("orphans_within_largest_root"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "by cause: 6 manager name shared by several people (manager.ambiguous, e.g. P0, P1, P2)"),
            "\(result.stderr)")
    }

    /// A blank spreadsheet row is skipped and counted, not quarantined as a row without an id.
    @Test func aBlankRowIsSkippedAndCounted() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id;manager_id;name\nA;;Ada\n;;\nB;A;Bo\nC;A;Cy\n")
        directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"outcome\": \"excluded\", \"rule\": \"row.blank\", \"rows\": 1}"))
        #expect(!dashboard.contains("\"rule\": \"row.missing_id\", \"rows\": 1}"))
        #expect(directory.read("out/latest/quarantine.csv") == "source,line,rule,message,employee_id,raw\n")
    }

    /// `orglens validate` shows the operator the values behind the counts on a terminal (a pseudo-terminal here,
    /// through `script`), and only says they exist when its output goes to a pipe or a file.
    @Test func validateShowsTheValuesOnATerminalOnly() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            """
            employee_id,name,manager_id,department,status,salary,currency
            A1,Alex Kim,,Sales,Active,1,USD
            A2,Alex Kim,,Finance,Active,1,USD
            P0,Pat Doe,Alex Kim,Eng,Zorbing,1,Zyxwa Quorblat
            P1,Pe Roe,Alex Kim,Eng,Active,1,USD

            """)
        let pipeline = directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let piped = try RunResult.orglens(["validate", pipeline, "--as-of", "2026-11-01"])
        #expect(piped.stdout.contains("run orglens validate on a terminal to see them"), "\(piped.stdout)")
        #expect(!piped.stdout.contains("Zorbing") && !piped.stdout.contains("alex kim"))
        let text = try RunResult.orglensOnTerminal(["validate", pipeline, "--as-of", "2026-11-01"])
        #expect(text.contains("status 'Zorbing': 1 rows"), "\(text)")
        #expect(text.contains("manager name 'alex kim': named by 2 rows, shared by A1, A2"), "\(text)")
        #expect(text.contains("currency 'ZYXWA QUORBLAT': 1 people, no rate"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    /// Seven people under a manager who is not in the export are not layer 1: the layers describe the tree under
    /// the root, and the detached subtree is counted on its own.
    @Test func orphansAreNotLayerOne() throws {
        var rows = ["employee_id,manager_id", "CEO,", "A,CEO", "B,CEO", "C,CEO", "O1,GONE"]
        for report in 0..<6 { rows.append("R\(report),O1") }
        let directory = TemporaryDirectory()
        directory.write("people.csv", rows.joined(separator: "\n") + "\n")
        directory.write(
            "p.yml",
            "sources: {people: {path: people.csv}}\noutputs: {directory: out}\ngates: {orphans_within_largest_root: false}\n"
        )
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", "2026-11-01", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"orphans\": 1,\n    \"detached\": 7,"))
        #expect(dashboard.contains("{\"layer\": 1, \"people\": 1, \"managers\": 1, \"mean_span\": 3}"))
        #expect(dashboard.contains("{\"layer\": 2, \"people\": 3, \"managers\": 0, \"mean_span\": null}"))
        #expect(!dashboard.contains("{\"layer\": 3,"))
        #expect(dashboard.contains("\"max_layer\": 2,"))
    }
}
