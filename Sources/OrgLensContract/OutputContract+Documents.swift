import OrgLensMetrics
import OrgLensModel

extension OutputContract {
    /// `dashboard.json`: every table and section of a run.
    package static let dashboard = ContractRecord(
        "dashboard", "The contract with the BI dashboard: every table of one run, with no paths, names or clock time.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("as_of", .date, "the date the org is as of"),
            ContractField("thresholds", .object(thresholds), "the thresholds the org was judged by").optional,
            ContractField("cost_basis", .object(costBasis), "how costs were computed (with a salary column)").optional,
            ContractField("summary", .tableRecord("summary"), "the org in one record"),
            ContractField("span_distribution", .table("span_distribution"), "managers per span"),
            ContractField("layers", .table("layers"), "people and managers per layer"),
            ContractField("cost_by_layer", .table("cost_by_layer"), "cost per layer (costs.dimensions: layers)")
                .optional,
            ContractField("managers", .table("managers"), "one record per manager"),
            ContractField("org_heads", .table("org_heads"), "one record per org head"),
            ContractField("teams", .table("teams"), "one record per team (with teams)").optional,
            ContractField("services", .table("services"), "one record per service (with services)").optional,
            ContractField("conway", .object(conwaySection), "Conway's law figures (with dependencies)").optional,
            ContractField("positions", .table("positions"), "one record per position (with positions)").optional,
            ContractField("findings", .table("findings"), "every finding"),
            ContractField("data_quality", .object(dataQuality), "where every row went"),
            ContractField("changes", .tableRecord("changes"), "what changed since the run compared with").optional,
        ])

    static let costBasis = ContractRecord(
        "cost_basis", "How costs were computed.",
        [
            ContractField("currency", .string(), "the reporting currency"),
            ContractField("all_in_multiplier", .number(), "salary × this = all-in cost"),
            ContractField("min_group_size", .integer(minimum: 3), "k: the smallest group whose pay is published"),
        ])

    static let conwaySection = ContractRecord(
        "conway", "Conway's law figures.",
        conwayTotals + [
            ContractField("by_org_head", .table("conway_by_org_head"), "the figures per org head"),
            ContractField(
                "org_head_dependencies", .table("conway_org_head_dependencies"), "dependencies between org heads"),
        ])

    static let dataQuality = ContractRecord(
        "data_quality", "Where every row went.",
        [
            ContractField("rows_read", .integer(), "rows in the people export"),
            ContractField("in_org", .integer(), "people in the org"),
            ContractField("excluded", .integer(), "people rows left out by policy"),
            ContractField("quarantined", .integer(), "people rows quarantined"),
            ContractField("manager_ref", .oneOf(["id", "email", "name"]), "what manager_id held (auto decided)"),
            ContractField("date_format", .oneOf(["iso", "mdy", "dmy", "ymd"]), "how dates were read (auto decided)"),
            ContractField(
                "zero_pay", .integer(), nullable: true,
                "people with a salary of exactly 0: in headcount, never counted as pay; null without a salary column"),
            ContractField("values", .table("data_quality_values"), "unreadable values per typed field"),
            ContractField("unmapped", .table("data_quality_unmapped"), "values no vocabulary knew"),
            ContractField("inputs", .table("data_quality_inputs"), "rows per input"),
            ContractField("outcomes", .table("data_quality_outcomes"), "rows per input, outcome and rule"),
        ])

    /// `manifest.json`: what a run read and how long each stage took.
    package static let manifest = ContractRecord(
        "manifest",
        "What a run read, what it quarantined and how long each stage took; the one file whose timings vary.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("tool", .constant(.text("orglens")), "the tool"),
            ContractField("tool_version", .string(), "the tool's version"),
            ContractField("as_of", .date, "the date the org is as of"),
            ContractField("workers", .integer(minimum: 1), "parallel workers used"),
            ContractField(
                "pseudonym_key_fingerprint", .string(), nullable: true,
                "names the pseudonym key (not the key); null when ids are as exported"),
            ContractField(
                "outputs_id", .string(), nullable: true,
                "the identity of the outputs directory the run was published in (.orglens-id); null for analyze"),
            ContractField(
                "accepted_changes", .strings, "change gates this run was let past with --accept-change"),
            ContractField("inputs", .arrayOf(.object(manifestInput)), "every input read"),
            ContractField("quarantine", .object(manifestQuarantine), "rows in quarantine.csv and past its caps"),
            ContractField("timings", .arrayOf(.object(manifestTiming)), "seconds per stage"),
        ])

    static let manifestInput = ContractRecord(
        "input", "One input file.",
        [
            ContractField("role", .oneOf(inputs), "what the file holds"),
            ContractField("path", .string(), "the path as given"),
            ContractField("bytes", .integer(), "its size"),
            ContractField("sha256", .string(), "its SHA-256, hex"),
            ContractField("rows_read", .integer(), "rows in it"),
            ContractField("accepted", .integer(), "rows accepted"),
            ContractField("excluded", .integer(), "rows excluded by policy"),
            ContractField("quarantined", .integer(), "rows quarantined"),
        ])

    static let manifestQuarantine = ContractRecord(
        "quarantine", "The quarantine file's rows.",
        [
            ContractField("written", .integer(), "rows in quarantine.csv"),
            ContractField(
                "not_written", .integer(), "rows past outputs.quarantine_max_rows or _max_bytes, counted only"),
        ])

    static let manifestTiming = ContractRecord(
        "timing", "One stage's time.",
        [
            ContractField("stage", .string(), "read, stage, graph, metrics, render or write"),
            ContractField("seconds", .number(), "wall seconds"),
        ])

    /// `blocked.json`: why a gate kept a run off the dashboard.
    package static let blocked = ContractRecord(
        "blocked", "Why a run was not published, gate by gate.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("pipeline", .string(), "the pipeline's name"),
            ContractField("as_of", .date, "the date the org is as of"),
            ContractField("exit_code", .constant(.integer(Int(ExitStatus.badData.rawValue))), "the run's exit code"),
            ContractField("gates", .arrayOf(.object(gate)), "every gate that tripped"),
        ])

    static let gate = ContractRecord(
        "gate", "A tripped gate.",
        [
            ContractField("gate", .string(), "the gate's pipeline key"),
            ContractField("value", .number(), "what the run measured"),
            ContractField("limit", .number(), "the gate's limit"),
            ContractField("detail", .string(), "what it means and what to check"),
        ])

    /// `status.json`: how the last run of an outputs directory ended.
    package static let status = ContractRecord(
        "status", "How the last run of an outputs directory ended, for monitoring; holds the time it finished.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("status", .oneOf(RunOutcome.allCases.map(\.rawValue)), "how the run ended"),
            ContractField("as_of", .string(), nullable: true, "the run's date, when it got that far"),
            ContractField("exit_code", .integer(), "the run's exit code"),
            ContractField("finished", .string(), "when it finished (UTC, ISO 8601)"),
            ContractField("run", .string(), nullable: true, "the run directory, when one was kept"),
            ContractField("message", .string(), nullable: true, "the error, for a failed run"),
            ContractField(
                "accepted_changes", .strings, "change gates the run was let past with --accept-change"),
        ])

    /// `changes.json` of `orglens diff`.
    package static let diff = ContractRecord(
        "diff", "What changed between two runs (orglens diff): the changes object and its tables.",
        [
            ContractField("schema_version", .constant(.text(schemaVersion)), "this contract's version"),
            ContractField("before_as_of", .date, "the earlier run's as_of"),
            ContractField("after_as_of", .date, "the later run's as_of"),
            ContractField("changes", .tableRecord("changes"), "the change counts"),
            ContractField("changes_by_manager", .table("changes_by_manager"), "per manager of either run"),
            ContractField("changes_by_org_head", .table("changes_by_org_head"), "per org head of either run"),
            ContractField("finding_changes", .table("finding_changes"), "findings opened and resolved"),
            ContractField("findings", .table("findings"), "why nothing per person could be compared, if so"),
        ])

    static let thresholds = ContractRecord(
        "thresholds", "The thresholds the org was judged by.",
        [
            ContractField("org_layer", .integer(minimum: 1), "the layer of org heads"),
            ContractField("span_bands", .arrayOf(.object(roleSpanBands)), "span bands per manager role"),
            ContractField("org_heads", .object(orgHeadThresholds), "healthy org-head shapes"),
            ContractField("team_min_size", .integer(), "smaller teams are undersized"),
            ContractField("team_max_size", .integer(), "larger teams are oversized"),
            ContractField("max_dotted_managers", .integer(), "more dotted-line managers is matrix.many"),
        ])

    static let roleSpanBands = ContractRecord(
        "span_bands", "One role's span bands.",
        [
            ContractField("role", .oneOf(ManagerRole.allCases.map(\.rawValue)), "the manager role"),
            ContractField("narrow_max", .integer(), "the largest narrow span"),
            ContractField("healthy_max", .integer(), "the largest healthy span"),
            ContractField("split_at", .integer(), "the smallest span that means a split is due"),
        ])

    static let orgHeadThresholds = ContractRecord(
        "org_heads", "Healthy org-head shapes.",
        [
            ContractField("min_em_reports", .integer(), "fewer EM reports is too_few_em_reports"),
            ContractField("max_em_reports", .integer(), "more EM reports is too_many_em_reports"),
            ContractField("min_engineers", .integer(), "a smaller org is too_small"),
            ContractField(
                "departments", .strings, nullable: true,
                "the departments whose org heads are judged (others are not_judged); null: every org head"),
        ])
}
