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
        if let positions = truth["positions_summary"] as? [String: Int] {
            try checkPositions(system, truth: truth, summary: summary, counts: positions, dashboard: dashboard)
        } else {
            #expect(summary["positions"] == nil, "\(system): no positions export, no positions figures")
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

extension HRISExportTests {
    /// The positions export the script wrote beside the org: counts, planned span per manager, planned headcount
    /// per org head, and every published planned cost to the cent, all from the script's own model.
    func checkPositions(
        _ system: String, truth: [String: Any], summary: [String: Any], counts: [String: Int],
        dashboard: [String: Any]
    ) throws {
        for (key, value) in counts { #expect(summary[key] as? Int == value, "\(system): \(key)") }
        let managers = try #require(dashboard["managers"] as? [[String: Any]])
        let plannedSpans = Dictionary(
            uniqueKeysWithValues: managers.compactMap { row -> (String, Int)? in
                guard let id = row["id"] as? String, let planned = row["planned_span"] as? Int,
                    planned != row["direct_reports"] as? Int
                else { return nil }
                return (id, planned)
            })
        #expect(plannedSpans == truth["planned_span"] as? [String: Int], "\(system): planned_span")
        let orgHeads = try #require(dashboard["org_heads"] as? [[String: Any]])
        let headcounts = Dictionary(
            uniqueKeysWithValues: orgHeads.compactMap { row in
                (row["id"] as? String).map { ($0, row["planned_headcount"] as? Int ?? -1) }
            })
        #expect(headcounts == truth["planned_headcount"] as? [String: Int], "\(system): planned_headcount")
        let budgets = try #require(truth["planned_budget_cost"] as? [String: String])
        var checked = 0
        for row in orgHeads {
            guard let id = row["id"] as? String, let planned = row["planned_cost"] as? NSNumber,
                let cost = row["cost"] as? NSNumber
            else { continue }
            // Planned cost is the published cost plus the planned budgets, to the cent (cost_precision 0.01).
            let difference = try #require(Decimal(string: planned.stringValue)) - Decimal(string: cost.stringValue)!
            #expect(difference == Decimal(string: budgets[id] ?? ""), "\(system): planned_cost of \(id)")
            checked += 1
        }
        // The ADP org publishes an org head's cost (the others withhold theirs to keep small groups' pay hidden).
        if system == "adp" { #expect(checked > 0, "adp: a planned cost is published and checked") }
        let positionsInput = try #require(
            (dashboard["data_quality"] as? [String: Any])?["inputs"] as? [[String: Any]]
        )
        .first { $0["input"] as? String == "positions" }
        #expect(positionsInput?["quarantined"] as? Int == truth["positions_quarantined"] as? Int)
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
