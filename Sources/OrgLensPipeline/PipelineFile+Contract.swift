public import OrgLensContract
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension PipelineFile {
    /// The pipeline file's keys, declared once: the loader accepts exactly these keys, and
    /// `orglens schema pipeline` and `Schemas/pipeline.schema.json` are rendered from it.
    public static let contract = ContractRecord(
        "pipeline", "A pipeline file (YAML): what to read, how to read it, what to compute and where to publish it.",
        [
            ContractField("name", .string(), "the pipeline's name (default: the file name)").optional,
            ContractField("as_of", .date, "the org's date (default: today, UTC)").optional,
            ContractField("sources", .object(sources), "the exports to read"),
            ContractField("policy", .object(policy), "who is in the org").optional,
            ContractField("costs", .object(costs), "headcount and cost roll-ups").optional,
            ContractField("privacy", .object(privacy), "what personal data may be published").optional,
            ContractField("thresholds", .object(thresholds), "span bands' neighbours and org-head shapes").optional,
            ContractField("outputs", .object(outputs), "where and what to publish"),
            ContractField(
                "fail_on", .arrayOf(.oneOf(ruleIDs)), "finding rules that make the run exit 65 after publishing"
            )
            .optional,
            ContractField("freshness", .object(freshness), "how old the people export may be").optional,
            ContractField("gates", .object(gates), "checks that keep a run off the dashboard").optional,
        ])

    static let ruleIDs = Rule.allCases.map(\.rawValue)
    static let share = ContractType.number(minimum: "0", maximum: "1")

    static let source = ContractRecord(
        "source", "One export.",
        [
            ContractField("path", .string(), "the file, relative to the pipeline file"),
            ContractField("format", .oneOf(["csv", "xml"]), "csv or xml (default: from the extension)").optional,
            ContractField("preset", .string(), "a built-in preset (orglens presets) or presets/NAME.yml").optional,
            ContractField("map", .map(.string()), "canonical field → the export's column").optional,
            ContractField("manager_ref", .oneOf(["auto", "id", "email", "name"]), "what the manager column holds")
                .optional,
            ContractField("delimiter", .string(), "the CSV delimiter (default: sniffed)").optional,
            ContractField("encoding", .string(), "utf-8, windows-1252, latin-1 or auto").optional,
            ContractField("root_markers", .strings, "manager values that mean no manager").optional,
            ContractField("record", .string(), "the XML element of one record").optional,
            ContractField("inactive_statuses", .strings, "statuses that leave a person out").optional,
            ContractField("description", .string(), "free text").optional,
            ContractField("date_format", .oneOf(["iso", "mdy", "dmy", "ymd", "auto"]), "how dates are written")
                .optional,
            ContractField("pay_format", .object(payFormat), "how pay is written").optional,
            ContractField("pay_period", .oneOf(["annual", "monthly", "hourly"]), "what a pay value covers").optional,
            ContractField("hours_per_year", .integer(minimum: 1, maximum: 8784), "hours of an hourly rate's year")
                .optional,
            ContractField(
                "status_map", .map(.oneOf(StatusClass.allCases.map(\.rawValue))), "export status → what it means"
            ).optional,
            ContractField(
                "employment_type_map", .map(.oneOf(WorkerClass.allCases.map(\.rawValue))),
                "export worker type → employee or contractor"
            ).optional,
        ])

    static let payFormat = ContractRecord(
        "pay_format", "How pay values are written.",
        [
            ContractField("decimal", .oneOf([".", ",", "auto"]), "the decimal separator").optional,
            ContractField("grouping", .string(), "the digit-grouping character").optional,
            ContractField("symbols", .map(.string()), "currency symbol → ISO code").optional,
        ])

    static let sources = ContractRecord(
        "sources", "The exports.",
        [
            ContractField("people", .object(source), "the people export"),
            ContractField("teams", .object(source), "the teams export").optional,
            ContractField("services", .object(source), "the services export").optional,
            ContractField("dependencies", .object(source), "the service dependencies export").optional,
        ])

    static let policy = ContractRecord(
        "policy", "Who is in the org.",
        [ContractField("inactive_statuses", .strings, "statuses that leave a person out").optional])

    static let costs = ContractRecord(
        "costs", "Cost roll-ups.",
        [
            ContractField("currency", .string(), "the reporting currency").optional,
            ContractField("rates", .map(.number(exclusiveMinimum: "0")), "currency → reporting currency rate")
                .optional,
            ContractField("all_in_multiplier", .number(exclusiveMinimum: "0"), "salary × this = all-in cost").optional,
            ContractField("contractor_types", .strings, "worker types that mean contractor").optional,
            ContractField("contractors_in_spans", .boolean, "count contractors in spans").optional,
            ContractField("dimensions", .arrayOf(.oneOf(["tree", "layers", "teams"])), "where costs are published")
                .optional,
        ])

    static let privacy = ContractRecord(
        "privacy", "Personal data.",
        [
            ContractField("min_group_size", .integer(minimum: 3), "k: the smallest group whose pay is published")
                .optional,
            ContractField("publish", .strings, "personal fields the people table may hold").optional,
            ContractField("pseudonymize", .boolean, "replace ids with keyed pseudonyms").optional,
            ContractField("key_file", .string(), "the pseudonym key").optional,
            ContractField("cost_precision", .number(minimum: "0.01"), "costs are rounded to this").optional,
            ContractField(
                "history_window", .integer(minimum: 0),
                "earlier published nights pay withholding is checked against (default 1; 0: each night alone)"
            ).optional,
        ])

    static let orgHeadThresholds = ContractRecord(
        "org_heads", "Healthy org-head shapes.",
        [
            ContractField("min_em_reports", .integer(), "fewer EM reports is too_few_em_reports").optional,
            ContractField("max_em_reports", .integer(), "more EM reports is too_many_em_reports").optional,
            ContractField("min_engineers", .integer(), "a smaller org is too_small").optional,
        ])

    static let roleSpanBands = ContractRecord(
        "span_bands", "A role's span bands (default: narrow up to 3, healthy up to 8, a split due at 12).",
        [
            ContractField("narrow_max", .integer(minimum: 0), "the largest narrow span").optional,
            ContractField("healthy_max", .integer(minimum: 1), "the largest healthy span").optional,
            ContractField("split_at", .integer(minimum: 2), "the smallest span that means a split is due").optional,
        ])

    static let spanThresholds = ContractRecord(
        "span", "Span bands per manager role.",
        ManagerRole.allCases.map {
            ContractField(
                $0.rawValue, .object(roleSpanBands), "bands for this role"
            )
            .optional
        })

    static let thresholds = ContractRecord(
        "thresholds", "Thresholds.",
        [
            ContractField("span", .object(spanThresholds), "span bands per manager role").optional,
            ContractField("org_layer", .integer(minimum: 1), "the layer of org heads").optional,
            ContractField("team_min_size", .integer(), "smaller teams are undersized").optional,
            ContractField("team_max_size", .integer(), "larger teams are oversized").optional,
            ContractField("org_heads", .object(orgHeadThresholds), "org-head shapes").optional,
        ])

    static let outputs = ContractRecord(
        "outputs", "Where and what to publish.",
        [
            ContractField("directory", .string(), "the outputs directory (runs/, latest)"),
            ContractField("tables", .boolean, "also write tables/<name>.ndjson").optional,
            ContractField("people_table", .boolean, "also write tables/people.ndjson (0600)").optional,
            ContractField("report", .boolean, "write report.html into each run (default true)").optional,
            ContractField(
                "report_names", .boolean, "names beside ids in the report (needs name in privacy.publish; file 0600)"
            ).optional,
            ContractField(
                "history", .boolean,
                "keep snapshot.bin, report what changed and keep history/trend.ndjson (default true)"
            ).optional,
            ContractField("keep", .integer(minimum: 1), "days of runs to keep").optional,
            ContractField("quarantine_max_rows", .integer(minimum: 0), "rows kept in quarantine.csv").optional,
            ContractField("quarantine_max_bytes", .integer(minimum: 0), "bytes kept in quarantine.csv").optional,
        ])

    static let freshness = ContractRecord(
        "freshness", "How old the people export may be.",
        [
            ContractField("max_age_hours", .number(), "the oldest export accepted").optional,
            ContractField("fail", .boolean, "exit 65 instead of warning").optional,
        ])

    static let gates = ContractRecord(
        "gates", "Checks that keep a run off the dashboard (blocked/, exit 65).",
        [
            ContractField("max_quarantined_share", share, nullable: true, "quarantined ÷ rows read (default 0.05)")
                .optional,
            ContractField("max_orphan_share", share, nullable: true, "orphans ÷ people").optional,
            ContractField(
                "max_unreadable_share", share, nullable: true, "unreadable values ÷ non-empty, per typed field"
            ).optional,
            ContractField("min_managers", .integer(minimum: 0), "fewest managers a real org has").optional,
            ContractField("orphans_within_largest_root", .boolean, "orphans must be few beside the largest tree")
                .optional,
            ContractField("block_on", .arrayOf(.oneOf(ruleIDs)), "finding rules that block publishing").optional,
            ContractField(
                "max_headcount_drop", share, nullable: true,
                "people fewer than the last published run's, as a share (default 0.2)"
            ).optional,
            ContractField(
                "max_leaver_share", share, nullable: true, "leavers ÷ the last published run's people (default 0.2)"
            )
            .optional,
            ContractField(
                "max_joiner_share", share, nullable: true, "joiners ÷ the last published run's people (default 0.3)"
            )
            .optional,
            ContractField(
                "max_manager_change_share", share, nullable: true,
                "people with another manager ÷ people on both nights (default 0.25)"
            ).optional,
        ])
}
