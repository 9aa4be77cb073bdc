import Foundation
import OrgLensTestSupport
import Testing

/// Open positions counted beside the org: planned spans and headcounts, their findings, planned cost under the
/// same disclosure rules as pay, and a positions export's bad rows in the quarantine.
@Suite struct PositionTests {
    /// CEO over M1 (11 reports) and M2 (3), everyone paid 100,000 USD.
    static let people: String = {
        var rows = [
            "employee_id,manager_id,salary,currency", "CEO,,100000,USD", "M1,CEO,100000,USD", "M2,CEO,100000,USD",
        ]
        rows += (1...11).map { "A\($0),M1,100000,USD" }
        rows += (1...3).map { "B\($0),M2,100000,USD" }
        return rows.joined(separator: "\n") + "\n"
    }()

    static let positions = """
        position_id,manager_id,status,planned_start,budget,currency,role
        P1,M1,open,,120000,USD,ic
        P2,M1,Open,2026-12-01,110000,USD,ic
        P3,M1,offer,2027-01-15,100000.50,USD,manager
        P4,M2,open,2026-10-01,90000,USD,ic
        P5,M2,offer,2027-06-01,95000,USD,ic
        P6,M2,filled,2026-09-01,90000,USD,ic
        P7,X9,open,,80000,USD,ic
        P8,,open,,,,

        """

    func analyze(
        people: String = Self.people, positions: String = Self.positions, _ extra: [String] = []
    ) throws -> (TemporaryDirectory, [String: Any]) {
        let directory = TemporaryDirectory()
        let result = try RunResult.orglens(
            [
                "analyze", "--people", directory.write("people.csv", people), "--positions",
                directory.write("positions.csv", positions), "--as-of", "2026-11-01", "--min-group-size", "3",
                "--cost-precision", "0.01", "--out", directory.path + "/out", "--tables",
            ] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(directory.read("out/dashboard.json"))
        return (directory, try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]))
    }

    func rows(_ dashboard: [String: Any], _ table: String) -> [String: [String: Any]] {
        let rows = dashboard[table] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0) })
    }

    func findings(_ dashboard: [String: Any]) -> [String] {
        (dashboard["findings"] as? [[String: Any]] ?? []).map {
            "\($0["rule"] as? String ?? "") \($0["subject"] as? String ?? "")"
        }
    }

    @Test func plannedSpansHeadcountsAndFindings() throws {
        let (_, dashboard) = try analyze()
        let managers = rows(dashboard, "managers")
        // M1: 11 direct reports and three planned positions (no start, within 90 days): 14, a split is due.
        #expect(managers["M1"]?["open_positions"] as? Int == 3)
        #expect(managers["M1"]?["planned_span"] as? Int == 14)
        #expect(managers["M1"]?["planned_span_band"] as? String == "split")
        #expect(managers["M1"]?["span_band"] as? String == "wide")
        // M2: P4 is overdue (planned, still open), P5 starts past the horizon, P6 is filled.
        #expect(managers["M2"]?["open_positions"] as? Int == 2)
        #expect(managers["M2"]?["planned_span"] as? Int == 4)
        #expect(managers["CEO"]?["planned_org_size"] as? Int == 16 + 4)
        let summary = try #require(dashboard["summary"] as? [String: Any])
        #expect(summary["positions"] as? Int == 8 && summary["planned_positions"] as? Int == 6)
        #expect(summary["overdue_positions"] as? Int == 1 && summary["positions_unknown_manager"] as? Int == 2)
        #expect(summary["filled_positions"] as? Int == 1 && summary["planned_manager_positions"] as? Int == 1)
        let found = findings(dashboard)
        #expect(found.contains("span.planned_split M1"))
        #expect(!found.contains("span.planned_split M2"))
        #expect(found.contains("position.overdue P4"))
        #expect(found.contains("position.unknown_manager P7") && found.contains("position.unknown_manager P8"))
        let orgHeads = rows(dashboard, "org_heads")
        #expect(orgHeads["M1"]?["planned_headcount"] as? Int == 14)
        #expect(orgHeads["M2"]?["planned_headcount"] as? Int == 4)
        let positions = rows(dashboard, "positions")
        #expect(positions["P5"]?["planned"] as? Bool == false && positions["P4"]?["overdue"] as? Bool == true)
        #expect(positions["P7"]?["manager_id"] is NSNull)
        #expect(positions["P1"]?["budget"] == nil, "a position's budget is one person's planned pay: never published")
    }

    @Test func theHorizonIsADateOrDays() throws {
        let (_, later) = try analyze(["--planning-horizon", "2027-12-31"])
        #expect(rows(later, "managers")["M2"]?["planned_span"] as? Int == 5)
        let (_, none) = try analyze(["--planning-horizon", "0"])
        // Only the positions without a start and the overdue one count with a horizon of as_of itself.
        #expect(rows(none, "managers")["M1"]?["planned_span"] as? Int == 12)
        #expect(rows(none, "managers")["M2"]?["planned_span"] as? Int == 4)
        let directory = TemporaryDirectory()
        let result = try RunResult.orglens([
            "analyze", "--people", directory.write("p.csv", Self.people), "--positions",
            directory.write("q.csv", Self.positions), "--planning-horizon", "soon", "--out", directory.path + "/o",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("neither a number of days nor a date"), "\(result.stderr)")
    }

    /// Planned cost: a group's cost plus its planned budgets, published only when no few positions could be told.
    @Test func plannedCostFollowsTheDisclosureRules() throws {
        let (_, dashboard) = try analyze()
        let orgHeads = rows(dashboard, "org_heads")
        let m1 = try #require(orgHeads["M1"])
        let cost = try #require(m1["cost"] as? NSNumber)
        let planned = try #require(m1["planned_cost"] as? NSNumber)
        // Three budgets × 1.3: 156,000 + 143,000 + 130,000.65.
        #expect(
            Decimal(string: planned.stringValue)! - Decimal(string: cost.stringValue)! == Decimal(string: "429000.65"))
        #expect(m1["budgeted_positions"] as? Int == 3 && m1["planned_cost_withheld"] is NSNull)
        // M2 has one budgeted planned position: its planned cost would give that budget away.
        #expect(orgHeads["M2"]?["planned_cost"] is NSNull)
        #expect(orgHeads["M2"]?["planned_cost_withheld"] as? String == "few_positions")
    }

    @Test func badRowsGoToTheQuarantineWithTheirLine() throws {
        let positions =
            Self.positions + """
                P9,M1,pending approval,,,,
                P10,M1,open,31/31/2026,,,
                P11,M1,open,,a lot,,
                P12,M1,open,,,,director
                P1,M1,open,,,,
                ,M1,open,,,,

                """
        let (directory, dashboard) = try analyze(positions: positions)
        let quarantine = try #require(directory.read("out/quarantine.csv")).split(separator: "\n").dropFirst()
        let lines = quarantine.map { $0.split(separator: ",").prefix(3).dropFirst().joined(separator: " ") }
        #expect(
            lines == [
                "10 position.invalid_value", "11 position.invalid_value", "12 position.invalid_value",
                "13 position.invalid_value", "14 position.duplicate_id", "15 position.missing_id",
            ])
        #expect(quarantine.first?.contains("map it to open, offer, filled or closed") == true)
        let inputs = try #require((dashboard["data_quality"] as? [String: Any])?["inputs"] as? [[String: Any]])
        let books = try #require(inputs.first { $0["input"] as? String == "positions" })
        #expect(books["rows_read"] as? Int == 14 && books["accepted"] as? Int == 8 && books["quarantined"] as? Int == 6)
    }

    @Test func aStatusMapTranslatesTheExportsWords() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", Self.people)
        directory.write(
            "positions.csv", "position_id,manager_id,status\nP1,M2,Sourcing Paused\nP2,M2,Backfill Approved\n")
        let pipeline = directory.write(
            "pipeline.yml",
            """
            as_of: 2026-11-01
            sources:
              people: {path: people.csv}
              positions: {path: positions.csv, status_map: {Sourcing Paused: closed, Backfill Approved: open}}
            outputs: {directory: out}

            """)
        let result = try RunResult.orglens(["run", pipeline, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/latest/dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((dashboard["summary"] as? [String: Any])?["closed_positions"] as? Int == 1)
        #expect(rows(dashboard, "managers")["M2"]?["planned_span"] as? Int == 4)
        // A person's status word mapped to a position's meaning is refused, with the key named.
        let wrong = directory.write(
            "wrong.yml",
            """
            as_of: 2026-11-01
            sources:
              people: {path: people.csv, status_map: {Backfill: open}}
            outputs: {directory: out2}

            """)
        let refused = try RunResult.orglens(["run", wrong, "--quiet"])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("sources.people.status_map: 'Backfill' is mapped to open"), "\(refused.stderr)")
    }

    /// Same inputs in another row order, on another worker count: the same bytes.
    @Test func rowOrderAndWorkersDoNotChangeTheOutput() throws {
        let source = TestPaths.fixtures.appendingPathComponent("exports/hibob")
        func shuffled(_ name: String) throws -> String {
            let lines = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n")
            var generator = SystemRandomNumberGenerator()
            return ([lines[0]] + lines.dropFirst().shuffled(using: &generator)).joined(separator: "\n") + "\n"
        }
        func run(_ people: String, _ positions: String, workers: Int) throws -> String? {
            let directory = TemporaryDirectory()
            let result = try RunResult.orglens([
                "analyze", "--people", directory.write("people.csv", people), "--preset", "hibob", "--positions",
                directory.write("openings.csv", positions), "--positions-preset", "ashby-jobs", "--rate",
                "EUR=1.08", "--rate", "GBP=1.27", "--as-of", "2026-11-01", "--workers", String(workers), "--out",
                directory.path + "/out", "--quiet",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return directory.read("out/dashboard.json")
        }
        let people = try String(contentsOf: source.appendingPathComponent("people.csv"), encoding: .utf8)
        let positions = try String(contentsOf: source.appendingPathComponent("openings.csv"), encoding: .utf8)
        let first = try run(people, positions, workers: 1)
        #expect(first != nil)
        #expect(try run(try shuffled("people.csv"), try shuffled("openings.csv"), workers: 3) == first)
    }
}

/// Positions across nights: what opened and closed since the last night, and a planned cost that would give a
/// few budgets away by the difference of two nights' figures is withheld.
@Suite struct PositionHistoryTests {
    func night(_ directory: TemporaryDirectory, _ day: String, positions: String) throws -> [String: Any] {
        directory.write("positions.csv", positions)
        let result = try RunResult.orglens(["run", directory.path + "/p.yml", "--as-of", day, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(directory.read("out/latest/dashboard.json"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func openedClosedAndTheCrossNightCheck() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", PositionTests.people)
        directory.write(
            "p.yml",
            """
            sources: {people: {path: people.csv}, positions: {path: positions.csv}}
            privacy: {min_group_size: 3, cost_precision: 0.01}
            outputs: {directory: out}

            """)
        let header = "position_id,manager_id,status,budget\n"
        let three = "P1,M1,open,100000\nP2,M1,open,110000\nP3,M1,open,120000\n"
        let first = try night(directory, "2026-11-01", positions: header + three + "P4,M2,open,\n")
        let firstChanges = try #require(first["changes"] as? [String: Any])
        #expect(firstChanges["positions_opened"] == nil, "a first night has nothing to compare")
        let m1 = { (dashboard: [String: Any]) in
            (dashboard["org_heads"] as? [[String: Any]])?.first { $0["id"] as? String == "M1" }
        }
        #expect(m1(first)?["planned_cost"] as? NSNumber != nil)
        // One more budget in M1's group: tonight's figure minus last night's would be that budget.
        let second = try night(
            directory, "2026-11-02", positions: header + three + "P4,M2,filled,\nP5,M1,open,130000\n")
        let changes = try #require(second["changes"] as? [String: Any])
        #expect(changes["positions_opened"] as? Int == 1 && changes["positions_closed"] as? Int == 1)
        #expect(m1(second)?["planned_cost"] is NSNull)
        #expect(m1(second)?["planned_cost_withheld"] as? String == "changed_since_published")
    }
}
