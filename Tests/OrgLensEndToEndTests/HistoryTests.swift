import Foundation
import OrgLensContract
import OrgLensTestSupport
import Testing

/// Nightly history over the three-night fixture org (scripts/make-history.py): each night's changes are the ones
/// the fixture was built with, the trend keeps one record per night, and the edge cases say what they are.
@Suite struct HistoryTests {
    static let fixture = HistoryFixture.url

    func folder() throws -> TemporaryDirectory { try HistoryFixture.folder() }

    @discardableResult
    func night(
        _ number: Int, in directory: TemporaryDirectory, people: String? = nil, extra: [String] = []
    )
        throws -> RunResult
    {
        let text = try people ?? HistoryFixture.export(number)
        directory.write("people.csv", text)
        let result = try RunResult.orglens(
            ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-0\(number)", "--quiet"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func changes(_ directory: TemporaryDirectory, run: String = "latest") throws -> [String: Any] {
        let text = try #require(directory.read("out/\(run)/dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(dashboard["changes"] as? [String: Any])
    }

    @Test func threeNightsGiveTheKnownChanges() throws {
        let directory = try folder()
        for number in 1...3 {
            try night(number, in: directory)
            let expected = Self.fixture.appendingPathComponent("expected/night-\(number)")
            #expect(
                directory.read("out/latest/dashboard.json")
                    == (try String(contentsOf: expected.appendingPathComponent("dashboard.json"), encoding: .utf8)))
            for table in ["changes", "changes_by_manager", "changes_by_org_head", "finding_changes"] {
                #expect(
                    directory.read("out/latest/tables/\(table).ndjson")
                        == (try String(contentsOf: expected.appendingPathComponent("\(table).ndjson"), encoding: .utf8)),
                    "night \(number): \(table)")
            }
        }
        #expect(
            directory.read("out/history/trend.ndjson")
                == (try String(
                    contentsOf: Self.fixture.appendingPathComponent("expected/trend.ndjson"), encoding: .utf8)))
        // What the fixture was built with, night by night.
        let second = try changes(directory, run: "days/2026-11-02")
        #expect(second["previous_as_of"] as? String == "2026-11-01")
        #expect(second["joiners"] as? Int == 3)
        #expect(second["leavers"] as? Int == 2)
        #expect(second["manager_changes"] as? Int == 6)  // E1-08..E1-13 under the promoted E1-01
        #expect(second["team_changes"] as? Int == 6)
        #expect(second["org_head_changes"] as? Int == 0)
        #expect(second["became_managers"] as? Int == 1)
        #expect(second["span_band_changes"] as? Int == 2)  // E1 split → healthy, E4 healthy → wide
        #expect(second["max_layer_before"] as? Int == 4)
        #expect(second["max_layer_after"] as? Int == 5)
        let third = try changes(directory)
        #expect(third["joiners"] as? Int == 1)
        #expect(third["manager_changes"] as? Int == 1)  // E3, moved to D1
        #expect(third["org_head_changes"] as? Int == 6)  // E3 and the five who moved with them
        #expect(third["became_managers"] as? Int == 1)  // E1-08, X1's manager
        #expect(third["max_layer_after"] as? Int == 6)
        let byManager = try #require(directory.read("out/latest/tables/changes_by_manager.ndjson"))
        #expect(byManager.contains(#""id": "D1", "span_before": 2, "span_after": 3"#))
        #expect(byManager.contains(#""moved_in": 6, "moved_out": 0, "dotted_before": null, "dotted_after": null}"#))
        // E3 and the five under them moved from D2's org into D1's: an org head's flows are its manager row's.
        let byHead = try #require(directory.read("out/latest/tables/changes_by_org_head.ndjson"))
        #expect(byHead.contains(#""id": "D1", "#) && byHead.contains(#""moved_in": 6, "moved_out": 0}"#))
        #expect(byHead.contains(#""joiners": 0, "leavers": 0, "moved_in": 0, "moved_out": 6}"#))
        for line in byHead.split(separator: "\n") {
            let head = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(head["id"] as? String)
            let row = try #require(
                byManager.split(separator: "\n").first { $0.contains(#""id": "\#(id)","#) }.map(String.init))
            for key in ["joiners", "leavers", "moved_in", "moved_out"] {
                let pair = #""\#(key)": \#(head[key] as? Int ?? -1)"#
                #expect(row.contains(pair + ",") || row.contains(pair + "}"), "\(id) \(key)")
            }
        }
    }

    @Test func firstRunHasNothingToCompareAndIsNoError() throws {
        let directory = try folder()
        try night(1, in: directory)
        let first = try changes(directory)
        #expect(first["previous_as_of"] is NSNull)
        #expect(first["joiners"] is NSNull)
        #expect(first["max_layer_after"] as? Int == 4)
        // snapshot.bin: personal structure, readable by its owner only.
        let snapshot = directory.path + "/out/latest/snapshot.bin"
        let attributes = try FileManager.default.attributesOfItem(atPath: snapshot)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(((attributes[.size] as? Int) ?? 0) < 37 * 40)
    }

    @Test func sameDayRerunReplacesItsTrendRecordAndBlockedRunsAddNone() throws {
        let directory = try folder()
        try night(1, in: directory)
        try night(2, in: directory)
        try night(
            2, in: directory,
            people: try String(
                contentsOf: Self.fixture.appendingPathComponent("night-3.csv"), encoding: .utf8))
        var lines = try #require(directory.read("out/history/trend.ndjson")).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""as_of": "2026-11-02", "people": 39"#))
        // A blocked run: kept in blocked/, no trend record.
        directory.write(
            "pipeline.yml",
            try String(contentsOf: Self.fixture.appendingPathComponent("pipeline.yml"), encoding: .utf8)
                + "gates: {min_managers: 1000}\n")
        directory.write(
            "people.csv",
            try String(
                contentsOf: Self.fixture.appendingPathComponent("night-3.csv"), encoding: .utf8))
        let blocked = try RunResult.orglens([
            "run", directory.path + "/pipeline.yml", "--as-of", "2026-11-03", "--quiet",
        ])
        #expect(blocked.status == 65)
        lines = try #require(directory.read("out/history/trend.ndjson")).split(separator: "\n")
        #expect(lines.count == 2)
        // A lost trend file is rebuilt from the kept runs.
        try FileManager.default.removeItem(atPath: directory.path + "/out/history/trend.ndjson")
        directory.write(
            "pipeline.yml", try String(contentsOf: Self.fixture.appendingPathComponent("pipeline.yml"), encoding: .utf8)
        )
        try night(3, in: directory)
        lines = try #require(directory.read("out/history/trend.ndjson")).split(separator: "\n")
        #expect(lines.map { String($0.prefix(22)) } == (1...3).map { #"{"as_of": "2026-11-0\#($0)""# })
    }

    @Test func backFilledNightComparesWithTheNearestEarlierRun() throws {
        let directory = try folder()
        try night(1, in: directory)
        try night(3, in: directory)
        try night(2, in: directory)
        #expect(try changes(directory, run: "days/2026-11-02")["previous_as_of"] as? String == "2026-11-01")
        #expect(try changes(directory, run: "days/2026-11-03")["previous_as_of"] as? String == "2026-11-01")
    }

    @Test func weeklyComparisonByDate() throws {
        let directory = try folder()
        for number in 1...3 { try night(number, in: directory) }
        try night(3, in: directory, extra: ["--compare-to-as-of", "2026-11-01"])
        let weekly = try changes(directory)
        #expect(weekly["previous_as_of"] as? String == "2026-11-01")
        #expect(weekly["joiners"] as? Int == 4)
        #expect(weekly["leavers"] as? Int == 2)
    }

    @Test func rekeyedIdsGiveAFindingAndNoPerPersonChanges() throws {
        let directory = try folder()
        try night(1, in: directory)
        let rekeyed = try String(contentsOf: Self.fixture.appendingPathComponent("night-1.csv"), encoding: .utf8)
            .replacingOccurrences(of: "E", with: "W").replacingOccurrences(of: "D", with: "V")
        try night(2, in: directory, people: rekeyed)
        let second = try changes(directory)
        #expect(second["previous_as_of"] as? String == "2026-11-01")
        #expect(second["joiners"] is NSNull)
        #expect(directory.read("out/latest/dashboard.json")?.contains(#""rule": "changes.rekeyed""#) == true)
        #expect(directory.read("out/latest/tables/changes_by_manager.ndjson") == "")
    }

    @Test func aChangedPseudonymKeyIsDetected() throws {
        let directory = try folder()
        directory.write(
            "pipeline.yml",
            try String(contentsOf: Self.fixture.appendingPathComponent("pipeline.yml"), encoding: .utf8)
                + "privacy: {pseudonymize: true}\n")
        let first = ["ORGLENS_PSEUDONYM_KEY": "first key of sixteen bytes or more"]
        let second = ["ORGLENS_PSEUDONYM_KEY": "another key, also long enough"]
        for (number, key) in [(1, first), (2, first), (3, second)] {
            directory.write("people.csv", try HistoryFixture.export(number))
            let result = try RunResult.orglens(
                ["run", directory.path + "/pipeline.yml", "--as-of", "2026-11-0\(number)", "--quiet"],
                environment: key)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try changes(directory, run: "days/2026-11-02")["joiners"] as? Int == 3)
        #expect(try changes(directory)["joiners"] is NSNull)
        #expect(directory.read("out/latest/dashboard.json")?.contains(#""rule": "changes.key_changed""#) == true)
        let manifest = try #require(directory.read("out/latest/manifest.json"))
        #expect(manifest.contains(#""pseudonym_key_fingerprint": ""#))
        #expect(!manifest.contains("another key"))
    }

    @Test func analyzeComparesOnlyWhenAskedAndDiffWritesTheChanges() throws {
        let directory = try folder()
        try night(1, in: directory)
        let night2 = Self.fixture.appendingPathComponent("night-2.csv").path
        let plain = try RunResult.orglens([
            "analyze", "--people", night2, "--as-of", "2026-11-02", "--out", directory.path + "/plain",
        ])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(directory.read("plain/dashboard.json")?.contains(#""changes""#) == false)
        let compared = try RunResult.orglens([
            "analyze", "--people", night2, "--as-of", "2026-11-02", "--out", directory.path + "/compared",
            "--compare-to", directory.path + "/out/runs/2026-11-01.1",
        ])
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(directory.read("compared/dashboard.json")?.contains(#""joiners": 3,"#) == true)
        // orglens diff: a run directory against a pipeline file.
        try night(2, in: directory)
        let diff = try RunResult.orglens([
            "diff", directory.path + "/out/runs/2026-11-01.1", directory.path + "/pipeline.yml", "--out",
            directory.path + "/diff",
        ])
        #expect(diff.status == 0, "\(diff.stderr)")
        let document = try #require(directory.read("diff/changes.json"))
        #expect(document.contains(#""manager_changes": 6,"#))
        var checker = ContractConformance()
        checker.check(try #require(SchemaValue.parse(document)), against: OutputContract.diff, at: "changes.json")
        #expect(checker.problems.isEmpty, "\(checker.problems)")
    }

    @Test func moversGoOnlyToThePeopleTable() throws {
        let directory = try folder()
        directory.write(
            "pipeline.yml",
            try String(contentsOf: Self.fixture.appendingPathComponent("pipeline.yml"), encoding: .utf8)
                .replacingOccurrences(of: "tables: true}", with: "tables: true, people_table: true}"))
        try night(1, in: directory)
        try night(2, in: directory)
        let movers = try #require(directory.read("out/latest/tables/people_changes.ndjson"))
        #expect(movers.contains(#""id": "N1", "change": "joiner", "before": null, "after": "E4"}"#))
        #expect(movers.contains(#""id": "E2-05", "change": "leaver""#))
        let attributes = try FileManager.default.attributesOfItem(
            atPath: directory.path + "/out/latest/tables/people_changes.ndjson")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The public tables name no mover.
        #expect(directory.read("out/latest/tables/changes_by_manager.ndjson")?.contains("N1") == false)
    }
}
