import Foundation
import OrgLensContract
import OrgLensTestSupport
import Testing

/// `orglens plan`: the org after a scenario is the org of the export edited by hand the same way, figure for
/// figure; `plan.json`'s deltas are after minus before; every refusal names its line and writes nothing.
@Suite struct PlanTests {
    /// An export edited the way a planner would in a spreadsheet: cells of some rows replaced, rows removed, rows
    /// added. Written here, apart from OrgLens's own code, to hold the plan against.
    struct HandEdit {
        var cells: [String: [String: String]] = [:]
        var removed: Set<String> = []
        var added: [[String: String]] = []

        func apply(to csv: String, key: String) -> String {
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
            let header = Self.fields(lines[0])
            let idColumn = header.firstIndex(of: key)!
            var out = [String(lines[0])]
            for line in lines.dropFirst() {
                var row = Self.fields(line)
                guard !removed.contains(row[idColumn]) else { continue }
                for (column, value) in cells[row[idColumn]] ?? [:] { row[header.firstIndex(of: column)!] = value }
                out.append(Self.joined(row))
            }
            for row in added { out.append(Self.joined(header.map { row[$0] ?? "" })) }
            return out.joined(separator: "\n") + "\n"
        }

        /// RFC 4180 fields of one line (these exports have no line breaks inside fields).
        static func fields(_ line: Substring) -> [String] {
            var fields: [String] = []
            var field = ""
            var quoted = false
            var characters = line.makeIterator()
            while let character = characters.next() {
                if quoted {
                    if character == "\"" {
                        quoted = false
                    } else {
                        field.append(character)
                    }
                } else if character == "\"" {
                    if field.last == "\"" { field.append("\"") }
                    quoted = true
                } else if character == "," {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            return fields
        }

        static func joined(_ row: [String]) -> String {
            row.map {
                $0.contains(",") || $0.contains("\"") ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0
            }
            .joined(separator: ",")
        }
    }

    /// The dashboard without what a plan's and a first night's necessarily differ in.
    func comparable(_ text: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["changes"] = nil
        object["as_of"] = nil
        return object as NSDictionary
    }

    func json(_ text: String?) throws -> [String: Any] {
        let text = try #require(text)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The plan over `pipeline` against a run over the same pipeline with the edited exports, and plan.json's deltas
    /// against the two dashboards.
    func check(
        _ directory: TemporaryDirectory, pipeline: String, edited: String, scenario: String
    ) throws {
        let plan = try RunResult.orglens([
            "plan", pipeline, "--scenario", scenario, "--as-of", "2026-11-01", "--out", directory.path + "/plan",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        let run = try RunResult.orglens(["run", edited, "--as-of", "2026-11-01", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try #require(directory.read("plan/after/dashboard.json"))
        let byHand = try #require(directory.read("edited-out/latest/dashboard.json"))
        #expect(try comparable(after) == comparable(byHand), "the plan's after equals the export edited by hand")
        #expect(directory.read("plan/after/report.html")?.contains("<section id=\"plan\"") == true)

        // Before: the same pipeline, run as it is.
        let before = try RunResult.orglens(["run", pipeline, "--as-of", "2026-11-01", "--quiet"])
        #expect(before.status == 0, "\(before.stderr)")
        let planText = try #require(directory.read("plan/plan.json"))
        var checker = ContractConformance()
        checker.check(try #require(SchemaValue.parse(planText)), against: OutputContract.plan, at: "plan.json")
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
        let document = try json(planText)
        let dashboards = (try json(directory.read("before-out/latest/dashboard.json")), try json(after))
        for (table, key) in [("managers", "direct_reports"), ("org_heads", "engineers"), ("teams", "size")] {
            func byID(_ dashboard: [String: Any]) -> [String: [String: Any]] {
                Dictionary(
                    uniqueKeysWithValues: (dashboard[table] as? [[String: Any]] ?? []).map {
                        ($0["id"] as? String ?? "", $0)
                    })
            }
            let (then, now) = (byID(dashboards.0), byID(dashboards.1))
            let rows = document[table] as? [[String: Any]] ?? []
            let listed = Set(rows.compactMap { $0["id"] as? String })
            for row in rows {
                let id = try #require(row["id"] as? String)
                #expect(row["\(key)_before"] as? Int == then[id]?[key] as? Int, "\(table) \(id) before")
                #expect(row["\(key)_after"] as? Int == now[id]?[key] as? Int, "\(table) \(id) after")
            }
            // Every record whose figure moved is listed.
            for id in Set(then.keys).union(now.keys) where then[id]?[key] as? Int != now[id]?[key] as? Int {
                #expect(listed.contains(id), "\(table) \(id) moved and is not in plan.json")
            }
        }
        let summary = (document["before"] as? [String: Any], document["after"] as? [String: Any])
        #expect(summary.0?["people"] as? Int == (dashboards.0["summary"] as? [String: Any])?["people"] as? Int)
        #expect(summary.1?["people"] as? Int == (dashboards.1["summary"] as? [String: Any])?["people"] as? Int)
    }

    @Test func theBundledOrg() throws {
        let directory = TemporaryDirectory()
        let cases = TestPaths.cases
        let people = try String(contentsOf: cases.appendingPathComponent("engineering-org/people.csv"), encoding: .utf8)
        let positions = try String(
            contentsOf: cases.appendingPathComponent("engineering-org-teams/positions.csv"), encoding: .utf8)
        directory.write("people.csv", people)
        directory.write("positions.csv", positions)
        // Fixtures/plans/split-ci.yml, typed into the exports.
        var edit = HandEdit()
        edit.added = [
            [
                "employee_id": "NEW-EM-1", "manager_id": "E1004", "team_id": "T-CI", "salary": "210000",
                "currency": "USD", "employment_type": "full-time", "status": "active",
            ],
            [
                "employee_id": "NEW-3", "manager_id": "E1012", "team_id": "T-CI", "salary": "135000",
                "currency": "USD", "status": "active",
            ],
        ]
        for id in ["E1027", "E1028", "E1029", "E1030", "E1031", "E1032"] { edit.cells[id] = ["manager_id": "NEW-EM-1"] }
        edit.cells["E1109"] = ["manager_id": "E1004"]
        edit.cells["E1033"] = ["team_id": "T-PLAT"]
        edit.removed = ["E1110"]
        directory.write("edited-people.csv", edit.apply(to: people, key: "employee_id"))
        var filled = HandEdit()
        filled.cells["REQ-113"] = ["status": "filled"]
        directory.write("edited-positions.csv", filled.apply(to: positions, key: "position_id"))
        let catalogs = cases.appendingPathComponent("engineering-org-teams").path
        func pipeline(_ name: String, people: String, positions: String, out: String) -> String {
            directory.write(
                name,
                """
                sources:
                  people: {path: \(people), preset: generic-csv}
                  teams: {path: \(catalogs)/teams.csv}
                  services: {path: \(catalogs)/services.csv}
                  dependencies: {path: \(catalogs)/dependencies.csv}
                  positions: {path: \(positions), preset: positions-csv}
                costs: {currency: USD, rates: {EUR: 1.08, GBP: 1.27}}
                outputs: {directory: \(out)}

                """)
        }
        try check(
            directory,
            pipeline: pipeline("p.yml", people: "people.csv", positions: "positions.csv", out: "before-out"),
            edited: pipeline(
                "edited.yml", people: "edited-people.csv", positions: "edited-positions.csv", out: "edited-out"),
            scenario: TestPaths.fixtures.appendingPathComponent("plans/split-ci.yml").path)
    }

    @Test func aGenerated10kOrg() throws {
        let directory = TemporaryDirectory()
        let generated = try RunResult.orglens([
            "generate", "--people", "10000", "--seed", "7", "--out", directory.path + "/gen",
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        let people = try #require(directory.read("gen/people.csv"))
        // Fixtures/plans/generated-10k.yml, typed into the export.
        var edit = HandEdit()
        edit.added = [
            [
                "employee_id": "NEW-EM-9", "manager_id": "E0003335", "team_id": "T0008793", "salary": "180000",
                "currency": "USD", "employment_type": "full-time", "status": "active",
            ]
        ]
        for id in ["E0000570", "E0000969", "E0001117", "E0001574", "E0002046", "E0002757", "E0003024", "E0003373"] {
            edit.cells[id] = ["manager_id": "NEW-EM-9"]
        }
        edit.cells["E0003331"] = ["manager_id": "E0008793"]
        edit.removed = ["E0000001"]
        let csvLines = people.split(separator: "\n").dropFirst()
        for line in csvLines {
            let row = HandEdit.fields(line)
            if row[5] == "E0005777" { edit.cells[row[0], default: [:]]["manager_id"] = "E0003200" }
        }
        directory.write("gen/edited.csv", edit.apply(to: people, key: "employee_id"))
        func pipeline(_ name: String, people: String, out: String) -> String {
            directory.write(
                name,
                """
                sources: {people: {path: gen/\(people)}, teams: {path: gen/teams.csv}}
                costs: {rates: {EUR: 1.08, GBP: 1.27, INR: 0.012}}
                outputs: {directory: \(out)}
                gates: {orphans_within_largest_root: false}

                """)
        }
        try check(
            directory, pipeline: pipeline("p.yml", people: "people.csv", out: "before-out"),
            edited: pipeline("edited.yml", people: "edited.csv", out: "edited-out"),
            scenario: TestPaths.fixtures.appendingPathComponent("plans/generated-10k.yml").path)
    }

    /// Each refusal: exit 65, the scenario's line and what is wrong, and no output folder.
    @Test(arguments: [
        ("- move: {people: [E9999], to_manager: E1004}", "person E9999 is no one in the org"),
        ("- move: {subtree_of: E1004, to_manager: E1021}", "makes a reporting loop"),
        ("- hire: {id: E1021, manager: E1004}", "E1021 is already someone's id"),
        ("- hire: {id: E1122, manager: E1004}", "an id the people export already has"),
        ("- leave: {people: [E1021]}", "E1021 has 13 direct reports; move them first or give reports_to"),
        ("- fill: {position: REQ-999, id: NEW-1}", "REQ-999 is no open position"),
    ])
    func refusals(change: String, message: String) throws {
        let directory = TemporaryDirectory()
        let cases = TestPaths.cases
        let pipeline = directory.write(
            "p.yml",
            """
            sources:
              people: {path: \(cases.path)/engineering-org/people.csv}
              positions: {path: \(cases.path)/engineering-org-teams/positions.csv, preset: positions-csv}
            costs: {rates: {EUR: 1.08, GBP: 1.27}}
            outputs: {directory: out}

            """)
        let scenario = directory.write("s.yml", "name: refused\nchanges:\n  \(change)\n")
        let result = try RunResult.orglens([
            "plan", pipeline, "--scenario", scenario, "--as-of", "2026-11-01", "--out", directory.path + "/plan",
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        if !message.contains("already has") { #expect(result.stderr.contains("s.yml:3:")) }
        #expect(directory.read("plan/plan.json") == nil, "nothing written")
    }

    /// Before and after are one publication: M1's 4 paid people are withheld before; a hire makes 5, which the
    /// edited export alone would publish, but after minus before (at the root) would then give the group away.
    @Test func aGroupWithheldBeforeIsNotGivenAwayAfter() throws {
        let directory = TemporaryDirectory()
        var rows = [
            "employee_id,manager_id,salary,currency", "CEO,,300000,USD", "M1,CEO,200000,USD", "M2,CEO,210000,USD",
        ]
        rows += ["A0,M1,101000,USD", "A1,M1,134000,USD", "A2,M1,96000,USD"]
        rows += (0..<7).map { "B\($0),M2,\(100_000 + $0 * 7_000),USD" }
        let people = rows.joined(separator: "\n") + "\n"
        directory.write("people.csv", people)
        directory.write("edited.csv", people + "A9,M1,100000,USD\n")
        let settings = "privacy: {cost_precision: 0.01}\n"
        let pipeline = directory.write(
            "p.yml", "sources: {people: {path: people.csv}}\n\(settings)outputs: {directory: out}\n")
        let edited = directory.write(
            "e.yml", "sources: {people: {path: edited.csv}}\n\(settings)outputs: {directory: edited-out}\n")
        let scenario = directory.write(
            "s.yml", "changes:\n  - hire: {id: A9, manager: M1, salary: \"100000\", currency: USD}\n")
        let plan = try RunResult.orglens([
            "plan", pipeline, "--scenario", scenario, "--as-of", "2026-11-01", "--out", directory.path + "/plan",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(try RunResult.orglens(["run", edited, "--as-of", "2026-11-01", "--quiet"]).status == 0)
        func cost(_ file: String, _ id: String) throws -> Any? {
            let rows = try json(directory.read(file))["managers"] as? [[String: Any]] ?? []
            return rows.first { $0["id"] as? String == id }?["cost"]
        }
        #expect(try cost("edited-out/latest/dashboard.json", "M1") is NSNumber, "alone, the edited export publishes M1")
        #expect(try cost("plan/after/dashboard.json", "M1") is NSNull, "after the plan, M1 stays withheld")
        let document = try json(directory.read("plan/plan.json"))
        let m1 = (document["managers"] as? [[String: Any]])?.first { $0["id"] as? String == "M1" }
        #expect(m1?["cost_before"] is NSNull && m1?["cost_after"] is NSNull)
    }

    /// A value the export has no column for, and a pipeline that pseudonymises ids: refused, nothing written.
    @Test func whatTheExportCannotSayIsRefused() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\n")
        let pipeline = directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let scenario = directory.write(
            "s.yml", "changes:\n  - hire: {id: D, manager: A, salary: \"100000\"}\n")
        let noColumn = try RunResult.orglens([
            "plan", pipeline, "--scenario", scenario, "--out", directory.path + "/plan",
        ])
        #expect(noColumn.status == 65)
        #expect(noColumn.stderr.contains("the people export has no salary column"), "\(noColumn.stderr)")
        #expect(directory.read("plan/plan.json") == nil)
        let hidden = directory.write(
            "h.yml", "sources: {people: {path: people.csv}}\nprivacy: {pseudonymize: true}\noutputs: {directory: out}\n"
        )
        let pseudonymized = try RunResult.orglens(
            ["plan", hidden, "--scenario", scenario, "--out", directory.path + "/plan"],
            environment: ["ORGLENS_PSEUDONYM_KEY": String(repeating: "k", count: 32)])
        #expect(pseudonymized.status == 78, "\(pseudonymized.stderr)")
        #expect(pseudonymized.stderr.contains("privacy.pseudonymize"))
    }

    @Test func aScenarioFileIsCheckedKeyByKey() throws {
        let directory = TemporaryDirectory()
        let pipeline = directory.write(
            "p.yml",
            "sources: {people: {path: \(TestPaths.cases.path)/engineering-org/people.csv}}\noutputs: {directory: out}\n"
        )
        let scenario = directory.write("s.yml", "changes:\n  - move: {people: [E1027], to: E1004}\n")
        let result = try RunResult.orglens([
            "plan", pipeline, "--scenario", scenario, "--out", directory.path + "/plan",
        ])
        #expect(result.status == 78)
        #expect(result.stderr.contains("s.yml:2:") && result.stderr.contains("unknown key 'to'"), "\(result.stderr)")
    }
}
