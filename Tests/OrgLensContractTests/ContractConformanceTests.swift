import OrgLensContract
import Testing

/// What an earlier run left is admitted only when it is a record of the contract: keys in the declared order,
/// nothing extra, each of its type.
@Suite struct ContractConformanceTests {
    static let record = """
        {"as_of": "2026-11-01", "people": 3, "managers": 1, "individual_contributors": 2, "contractors": null, \
        "managers_of_managers": 0, "roots": 1, "orphans": 0, "max_layer": 2, "mean_span": 2, "median_span": 2, \
        "span_narrow": 1, "span_healthy": 0, "span_wide": 0, "span_split": 0, "span_healthy_share": 0, \
        "rows_read": 3, "in_org": 3, "excluded": 0, "quarantined": 0, "previous_as_of": null, "joiners": null, \
        "leavers": null, "manager_changes": null, "org_head_changes": null, "team_changes": null, \
        "became_managers": null, "stopped_managing": null, "findings_opened": null, "findings_resolved": null, \
        "span_band_changes": null}
        """

    @Test func aTrendRecordOfThe13ContractIsAdmitted() throws {
        let value = try #require(SchemaValue.parse(Self.record))
        #expect(OutputContract.trend.admits(value))
        #expect(value.renderedLine() == Self.record)
    }

    static func damaged(_ damage: String) -> String {
        switch damage {
        case "an extra key": String(record.dropLast()) + ", \"salary\": 1}"
        case "a torn line": String(record.prefix(80))
        case "a date that is not one": "{\"as_of\": \"2026-13-45\"" + record.dropFirst(22)
        case "a count that is text": "{\"as_of\": \"2026-11-01\", \"people\": \"3\"" + record.dropFirst(35)
        default: "{\"people\": 3, \"as_of\": \"2026-11-01\"" + record.dropFirst(35)
        }
    }

    @Test(arguments: [
        "an extra key", "a torn line", "a date that is not one", "a count that is text", "keys out of order",
    ])
    func aDamagedRecordIsRefused(damage: String) {
        let text = Self.damaged(damage)
        #expect(text != Self.record)
        let value = SchemaValue.parse(text)
        // Only the torn line is not JSON: the others are refused by the contract, not by the parser.
        #expect((value == nil) == (damage == "a torn line"), "\(damage)")
        #expect(value.map { OutputContract.trend.admits($0) } != true, "\(damage): \(text.prefix(60))")
    }

    @Test func nestingPastTheLimitIsNotParsed() {
        let deep =
            String(repeating: "[", count: SchemaValue.maxDepth + 1)
            + String(repeating: "]", count: SchemaValue.maxDepth + 1)
        let shallow =
            String(repeating: "[", count: SchemaValue.maxDepth) + String(repeating: "]", count: SchemaValue.maxDepth)
        #expect(SchemaValue.parse(deep) == nil)
        #expect(SchemaValue.parse(shallow) != nil)
    }
}
