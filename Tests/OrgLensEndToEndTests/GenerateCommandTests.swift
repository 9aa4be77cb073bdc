import Foundation
import OrgLensTestSupport
import Testing

@Suite struct GenerateCommandTests {
    func generate(_ arguments: [String]) throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let result = try RunResult.orglens(["generate"] + arguments + ["--out", directory.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return directory
    }

    @Test(arguments: ["csv", "xml"])
    func sameSeedSameBytesOtherSeedOtherBytes(format: String) throws {
        let name = format == "csv" ? "people.csv" : "people.xml"
        let first = try generate(["--people", "3000", "--seed", "7", "--format", format])
        let second = try generate(["--people", "3000", "--seed", "7", "--format", format])
        let other = try generate(["--people", "3000", "--seed", "8", "--format", format])
        #expect(first.read(name) != nil)
        for file in [name, "teams.csv", "services.csv", "dependencies.csv"] {
            #expect(first.read(file) == second.read(file), "\(file) differs between runs")
        }
        #expect(first.read(name) != other.read(name))
    }

    @Test func csvAndXmlOfOneOrgGiveTheSameDashboard() throws {
        let csv = try generate(["--people", "5000", "--format", "csv"])
        let xml = try generate(["--people", "5000", "--format", "xml"])
        let out = TemporaryDirectory()
        let fromCSV = try RunResult.orglens([
            "analyze", "--people", csv.path + "/people.csv", "--as-of", "2026-11-01", "--out", out.path + "/csv",
            "--quiet",
        ])
        let fromXML = try RunResult.orglens([
            "analyze", "--people", xml.path + "/people.xml", "--preset", "workday-report", "--as-of", "2026-11-01",
            "--out", out.path + "/xml", "--quiet",
        ])
        #expect(fromCSV.status == 0 && fromXML.status == 0)
        #expect(out.read("csv/dashboard.json") == out.read("xml/dashboard.json"))
        let dashboard = try #require(out.read("csv/dashboard.json"))
        #expect(dashboard.contains("\"people\": 5000,"))
    }

    @Test func dirtyRowsLandInQuarantineByRule() throws {
        let org = try generate(["--people", "1000", "--dirty", "10"])
        let out = TemporaryDirectory()
        let result = try RunResult.orglens([
            "analyze", "--people", org.path + "/people.csv", "--as-of", "2026-11-01", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0)
        let rules = (out.read("quarantine.csv") ?? "").split(separator: "\n").dropFirst().map {
            $0.split(separator: ",")[2]
        }
        #expect(
            Dictionary(grouping: rules, by: { String($0) }).mapValues(\.count)
                == ["row.duplicate_id": 2, "row.missing_id": 2, "row.malformed": 2, "manager.cycle": 4])
        #expect(out.read("dashboard.json")?.contains("\"orphans\": 2,") == true)
    }
}
