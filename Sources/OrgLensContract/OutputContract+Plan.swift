extension OutputContract {
    /// What `plan.json` compares per table: each key is published as `<key>_before` and `<key>_after`.
    package static let planCompared: [(table: String, keys: [String])] = [
        ("managers", ["direct_reports", "span_band", "org_size", "planned_span", "cost"]),
        (
            "org_heads",
            ["em_reports", "engineers", "depth_below", "shape", "planned_headcount", "cost", "planned_cost"]
        ),
        ("teams", ["size", "reporting_managers", "cost"]),
    ]

    /// The summary keys `plan.json` shows before and after (those the dashboard has).
    package static let planSummaryKeys = [
        "people", "managers", "managers_of_managers", "max_layer", "mean_span", "median_span", "span_narrow",
        "span_healthy", "span_wide", "span_split", "planned_positions",
    ]

    /// `plan.json` of `orglens plan`.
    package static let plan = ContractRecord(
        "plan",
        "A reorganisation tried on the real org (orglens plan): the scenario, what each change did, the summary before and after, and every record whose figures moved.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("scenario", .string(), "the scenario's name"),
            ContractField("as_of", .date, "the org's date"),
            ContractField(
                "changes",
                .arrayOf(
                    .object(
                        ContractRecord(
                            "change", "One change of the scenario.",
                            [
                                ContractField("line", .integer(minimum: 1), "its line in the scenario file"),
                                ContractField("kind", .oneOf(["move", "hire", "leave", "team", "fill"]), "its kind"),
                                ContractField("did", .string(), "what it did"),
                            ]))), "the changes, in order"),
            ContractField("before", .object(planSummary("before")), "the org as exported"),
            ContractField("after", .object(planSummary("after")), "the org after the plan"),
        ]
            + planCompared.map { table, keys in
                ContractField(
                    table, .arrayOf(.object(planDelta(table, keys))),
                    "every \(table) record whose figures the plan moves, by id as bytes (with the table in the dashboard)"
                ).optional
            })

    static func planSummary(_ side: String) -> ContractRecord {
        ContractRecord(
            side, "The dashboard's summary, \(side) the plan (the keys it has).",
            planSummaryKeys.compactMap { key in
                summary.field(key).map {
                    ContractField(key, $0.type, nullable: $0.nullable, $0.summary).optional
                }
            })
    }

    static func planDelta(_ table: String, _ keys: [String]) -> ContractRecord {
        let record = self.table(table)!
        return ContractRecord(
            table, "One \(table) record, before → after: null where it is not there, or its figure is withheld.",
            [ContractField("id", .string(), "its id")]
                + keys.flatMap { key -> [ContractField] in
                    let type = record.field(key)!.type
                    return ["before", "after"].map {
                        ContractField("\(key)_\($0)", type, nullable: true, "\(key) \($0) the plan").optional
                    }
                })
    }
}
