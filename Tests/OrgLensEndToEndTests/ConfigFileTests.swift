import OrgLensModel
import OrgLensPipeline
import OrgLensTestSupport
import Testing

@Suite struct ConfigFileTests {
    @Test func readsEverySetting() throws {
        let config = try ConfigFile(
            yaml: """
                costs:
                  currency: eur
                  rates: {USD: 0.92, gbp: 1.17}
                  all_in_multiplier: 1.25
                  contractor_types: [freelancer]
                  contractors_in_spans: false
                privacy:
                  min_group_size: 7
                thresholds:
                  org_layer: 3
                  team_min_size: 2
                  team_max_size: 12
                  org_heads: {min_em_reports: 3, max_em_reports: 5, min_engineers: 20}
                """, path: "c.yml")
        #expect(config.currency == "eur")
        #expect(config.rates == ["USD": ExactDecimal("0.92")!, "GBP": ExactDecimal("1.17")!])
        #expect(config.allInMultiplier == ExactDecimal("1.25"))
        #expect(config.contractorTypes == ["freelancer"])
        #expect(config.contractorsInSpans == false)
        #expect(config.minGroupSize == 7)
        #expect(config.orgLayer == 3 && config.teamMinSize == 2 && config.teamMaxSize == 12)
        #expect(config.minEMReports == 3 && config.maxEMReports == 5 && config.minEngineers == 20)
    }

    @Test(arguments: [
        ("costs:\n  currancy: USD\n", "c.yml:2:3: unknown key 'currancy' in costs"),
        ("privacy:\n  min_group_size: five\n", "c.yml:2:19: privacy.min_group_size must be a whole number"),
        ("costs: [1, 2]\n", "costs must be a mapping"),
        ("costs:\n  contractors_in_spans: maybe\n", "must be true or false"),
        ("nonsense: true\n", "unknown key 'nonsense' in the top level"),
    ])
    func errorsNameTheLineAndTheKey(yaml: String, expected: String) {
        let error = #expect(throws: RunError.self) { try ConfigFile(yaml: yaml, path: "c.yml") }
        #expect(error?.status == .configuration)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func minimumGroupBelowThreeIsAConfigurationError() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id,salary\nA,,100\nB,A,100\n")
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--min-group-size", "2", "--out",
            directory.path + "/out",
        ])
        #expect(result.status == 78)
        #expect(result.stderr.contains("min_group_size 2 is below 3"))
    }

    @Test func commandLineBeatsTheFile() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,salary,currency\n"
                + (0..<6).map { "P\($0),\($0 == 0 ? "" : "P0"),1000,EUR" }.joined(separator: "\n") + "\n")
        directory.write("c.yml", "costs:\n  rates: {EUR: 2}\n  all_in_multiplier: 1\n")
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--config", directory.path + "/c.yml",
            "--rate", "EUR=3", "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // 6 people × 1000 EUR × 3 (the flag's rate, not the file's 2) × 1.
        #expect(directory.read("out/dashboard.json")?.contains("\"cost\": 18000,") == true)
    }

    @Test func contractorsCanBeLeftOutOfSpans() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,employment_type\nM,,full-time\na,M,full-time\nb,M,Contractor\nc,M,temp\nd,M,full-time\n"
        )
        for (flag, span) in [("true", 4), ("false", 2)] {
            let result = try RunResult.orglens([
                "analyze", "--people", directory.path + "/people.csv", "--contractors-in-spans", flag,
                "--as-of", "2026-11-01", "--out", directory.path + "/\(flag)", "--quiet",
            ])
            #expect(result.status == 0)
            #expect(directory.read("\(flag)/dashboard.json")?.contains("\"direct_reports\": \(span),") == true)
        }
    }
}
