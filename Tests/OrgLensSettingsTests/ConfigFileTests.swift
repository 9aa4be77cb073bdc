import OrgLensModel
import OrgLensSettings
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
        #expect(config.costs.currency == "eur")
        #expect(config.costs.rates == ["USD": ExactDecimal("0.92")!, "GBP": ExactDecimal("1.17")!])
        #expect(config.costs.allInMultiplier == ExactDecimal("1.25"))
        #expect(config.costs.contractorTypes == ["freelancer"])
        #expect(config.costs.contractorsInSpans == false)
        #expect(config.privacy.minGroupSize == 7)
        let thresholds = config.thresholds
        #expect(thresholds.orgLayer == 3 && thresholds.teamMinSize == 2 && thresholds.teamMaxSize == 12)
        #expect(
            thresholds.orgHeads.minEMReports == 3 && thresholds.orgHeads.maxEMReports == 5
                && thresholds.orgHeads.minEngineers == 20)
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
}
