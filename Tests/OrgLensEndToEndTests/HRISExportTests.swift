import Foundation
import OrgLensTestSupport
import Testing

/// `Fixtures/exports/<system>/`: an org exported the way each HRIS writes it (written by
/// `scripts/make-exports.py`), run with a pipeline file of at most six lines. The whole outputs are
/// compared with `expected/`, and the counts with `truth.json`, which the script computed from its own
/// model of the org, not from OrgLens.
@Suite struct HRISExportTests {
    static let exports = TestPaths.fixtures.appendingPathComponent("exports")
    static let systems = ["adp", "bamboohr", "bamboohr-xml", "hibob", "personio", "successfactors", "workday"]

    /// Runs the system's pipeline in a scratch copy of its folder (outputs land beside it).
    func run(_ system: String) throws -> (TemporaryDirectory, RunResult) {
        let directory = TemporaryDirectory()
        let source = Self.exports.appendingPathComponent(system)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file != "expected" {
            try FileManager.default.copyItem(
                atPath: source.appendingPathComponent(file).path, toPath: directory.path + "/" + file)
        }
        return (directory, try RunResult.orglens(["run", directory.path + "/pipeline.yml", "--quiet"]))
    }

    @Test(arguments: systems)
    func pipelineFilesStayShort(system: String) throws {
        let text = try String(
            contentsOf: Self.exports.appendingPathComponent("\(system)/pipeline.yml"), encoding: .utf8)
        #expect(text.split(separator: "\n").count <= 6)
    }

    @Test(arguments: systems)
    func exportGivesTheTrueOrg(system: String) throws {
        let (directory, result) = try run(system)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/latest/dashboard.json"))
        let expected = Self.exports.appendingPathComponent("\(system)/expected")
        #expect(text == (try String(contentsOf: expected.appendingPathComponent("dashboard.json"), encoding: .utf8)))
        #expect(
            directory.read("out/latest/quarantine.csv")?.replacingOccurrences(of: directory.path + "/", with: "")
                == (try String(contentsOf: expected.appendingPathComponent("quarantine.csv"), encoding: .utf8)))

        let truth = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.exports.appendingPathComponent("\(system)/truth.json"))) as? [String: Any])
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(dashboard["summary"] as? [String: Any])
        for key in ["people", "managers", "contractors", "roots", "orphans"] {
            #expect(summary[key] as? Int == truth[key] as? Int, "\(system): \(key)")
        }
        let managers = try #require(dashboard["managers"] as? [[String: Any]])
        if let dotted = truth["dotted_reports"] as? [String: Int],
            let spans = truth["span_with_dotted"] as? [String: Int]
        {
            // A matrix org: the dotted lines the script drew, per manager, by the export's own ids.
            #expect(summary["dotted_lines"] as? Int == truth["dotted_lines"] as? Int, "\(system): dotted_lines")
            let published = Dictionary(
                uniqueKeysWithValues: managers.compactMap { row -> (String, (Int, Int))? in
                    guard let id = row["id"] as? String, let count = row["dotted_reports"] as? Int, count > 0,
                        let span = row["span_with_dotted"] as? Int
                    else { return nil }
                    return (id, (count, span))
                })
            #expect(published.mapValues(\.0) == dotted, "\(system): dotted_reports")
            #expect(published.mapValues(\.1) == spans, "\(system): span_with_dotted")
        } else {
            #expect(summary["dotted_lines"] is NSNull, "\(system): no dotted-line column, null")
        }
        let root = try #require(managers.first { $0["layer"] as? Int == 1 && $0["org_size"] as? Int ?? 0 > 10 })
        if let cost = truth["root_cost_published"] as? String {
            // The script's exact decimal sum, rounded as the dashboard publishes it (to 1000 by default).
            let published = try #require(root["cost"] as? NSNumber)
            #expect(Decimal(string: cost) == Decimal(string: published.stringValue), "\(system): cost")
        } else {
            #expect(root["cost"] == nil, "\(system): no pay in the export, no cost")
        }
    }
}

/// `analyze` on an export as its HRIS writes it, without the preset: the error names the preset that reads it.
@Suite struct PresetSuggestionTests {
    @Test(arguments: [
        ("adp", "adp"), ("bamboohr", "bamboohr-csv"), ("hibob", "hibob"), ("personio", "personio"),
        ("successfactors", "sap-successfactors"),
    ])
    func aRecognisedHeaderSuggestsItsPreset(system: String, preset: String) throws {
        let people = TestPaths.fixtures.appendingPathComponent("exports/\(system)/people.csv").path
        let directory = TemporaryDirectory()
        let result = try RunResult.orglens(["analyze", "--people", people, "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("Or: the header is what preset \(preset) reads: add --preset \(preset)."),
            "\(result.stderr)")
    }
}
