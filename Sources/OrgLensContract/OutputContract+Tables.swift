import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension OutputContract {
    /// Every published table, in `dashboard.json` and as `tables/<name>.ndjson` (there each record starts with
    /// the run's `as_of`), and `history/trend.ndjson`.
    package static let tables: [ContractRecord] = [
        summary, spanDistribution, layers, costByLayer, managers, orgHeads, teams, services, conway, conwayByOrgHead,
        conwayOrgHeadDependencies, positions, findings, dataQualityInputs, dataQualityOutcomes, people,
        dataQualityValues,
        dataQualityUnmapped, changes, changesByManager, changesByOrgHead, findingChanges, peopleChanges, trend,
    ].map(withAsOf)

    /// The tables an outputs directory holds outside `tables/` (`history/trend.ndjson`).
    package static let historyTables: Set<String> = ["trend"]

    /// NDJSON records start with the run's date, so many nights load into one table.
    static func withAsOf(_ record: ContractRecord) -> ContractRecord {
        guard record.field("as_of") == nil else { return record }
        return ContractRecord(
            record.name, record.summary,
            [ContractField("as_of", .date, "the run's as_of (NDJSON records only)").optional] + record.fields)
    }

    /// Headcount and pay of a group, on the records of every cost dimension (with a salary column).
    static let costFields: [ContractField] = [
        ContractField("headcount", .integer(), "people in the group").optional,
        ContractField("employees", .integer(), "people in the group who are not contractors").optional,
        ContractField("contractors", .integer(), "contractors in the group").optional,
        ContractField("salaried", .integer(), "people in the group with a known salary").optional,
        ContractField(
            "cost", .number(), nullable: true,
            "all-in cost in the reporting currency, rounded to privacy.cost_precision; null when suppressed"
        ).optional,
        ContractField("cost_suppressed", .boolean, "cost withheld so no small group's pay can be worked out").optional,
        ContractField(
            "management_cost_share", .number(), nullable: true,
            "cost of the group's managers ÷ cost; null when suppressed"
        ).optional,
        ContractField(
            "management_cost_share_suppressed", .boolean, "the share withheld (each side needs min_group_size salaried)"
        ).optional,
    ]

    static let spanBands = SpanBands.Band.allCases.map(\.rawValue)

    /// The summary's counts of a positions export (absent without one).
    static let positionSummaryFields: [ContractField] = [
        ContractField("positions", .integer(), "positions read and accepted (with positions)").optional,
        ContractField("open_positions", .integer(), "positions open").optional,
        ContractField("offer_positions", .integer(), "positions at offer").optional,
        ContractField("filled_positions", .integer(), "positions filled (counted, never planned)").optional,
        ContractField("closed_positions", .integer(), "positions closed (counted, never planned)").optional,
        ContractField(
            "planned_positions", .integer(),
            "open and offer positions starting by planning.horizon, with no start, or overdue"
        ).optional,
        ContractField("planned_manager_positions", .integer(), "planned positions whose role is manager").optional,
        ContractField("overdue_positions", .integer(), "open positions whose planned start has passed").optional,
        ContractField(
            "positions_unknown_manager", .integer(),
            "open and offer positions whose hiring manager is no one in the org"
        ).optional,
    ]

    /// A group's planned figures (with positions; the cost ones with pay too).
    static func plannedGroupFields(_ base: String) -> [ContractField] {
        [
            ContractField("planned_headcount", .integer(), "\(base) plus the group's planned positions").optional,
            ContractField("budgeted_positions", .integer(), "the group's planned positions with a budget").optional,
            ContractField(
                "planned_cost", .number(), nullable: true,
                "cost plus the planned positions' budgets (× all_in_multiplier, in the reporting currency), rounded like cost; null when withheld"
            ).optional,
            ContractField(
                "planned_cost_withheld", .oneOf(PlannedCost.Withheld.allCases.map(\.rawValue)), nullable: true,
                "why planned_cost is null: cost (the group's cost is), few_positions (1 to min_group_size − 1 budgeted), changed_since_published (a few budgeted positions differ from an earlier published night's)"
            ).optional,
        ]
    }

    static let positions = ContractRecord(
        "positions", "One record per position of the positions export, by id as bytes; never a budget.",
        [
            ContractField("id", .string(), "position id"),
            ContractField(
                "manager_id", .string(), nullable: true, "the hiring manager's id; null when no one in the org"),
            ContractField("team_id", .string(), nullable: true, "the team as exported; null without one"),
            ContractField("status", .oneOf(PositionStatus.allCases.map(\.rawValue)), "where the position stands"),
            ContractField("planned_start", .date, nullable: true, "the planned start; null without one"),
            ContractField("role", .oneOf(PositionRole.allCases.map(\.rawValue)), "whether the hire will manage"),
            ContractField("planned", .boolean, "counted in planned figures"),
            ContractField("overdue", .boolean, "open although its planned start has passed"),
        ])

    static let summary = ContractRecord(
        "summary", "The org in one record.",
        [
            ContractField("people", .integer(), "people in the org"),
            ContractField("managers", .integer(), "people with at least one direct report"),
            ContractField("individual_contributors", .integer(), "people with no direct report"),
            ContractField(
                "contractors", .integer(), nullable: true, "contractors in the org; null without a worker-type column"),
            ContractField("managers_of_managers", .integer(), "managers with at least one report who manages"),
            ContractField("roots", .integer(), "people at the top of a reporting tree"),
            ContractField("orphans", .integer(), "people whose manager is missing, inactive or ambiguous"),
            ContractField(
                "detached", .integer(),
                "people in detached subtrees (orphans and everyone under them), on no layer; absent before 1.4"
            ).optional,
            ContractField("max_layer", .integer(), "the deepest layer (roots are layer 1)"),
            ContractField("mean_span", .number(), nullable: true, "direct reports ÷ managers; null without managers"),
            ContractField("median_span", .number(), nullable: true, "median direct reports of managers"),
            ContractField(
                "dotted_lines", .integer(), nullable: true,
                "people with a dotted-line manager; null without dotted-line managers in the export; absent before 1.4"
            ).optional,
        ] + positionSummaryFields
            + SpanBands.Band.allCases.map {
                ContractField("span_\($0.rawValue)", .integer(), "managers whose span is in the \($0.rawValue) band")
            } + [
                ContractField(
                    "span_healthy_share", .number(), nullable: true,
                    "managers in the healthy band ÷ managers; null without managers")
            ])

    static let spanDistribution = ContractRecord(
        "span_distribution", "How many managers have each span, ascending by span.",
        [
            ContractField("span", .integer(), "direct reports"),
            ContractField("managers", .integer(), "managers with that many direct reports"),
        ])

    static let layers = ContractRecord(
        "layers", "People and managers per layer, ascending.",
        [
            ContractField("layer", .integer(), "distance from the root, roots being 1"),
            ContractField("people", .integer(), "people at the layer"),
            ContractField("managers", .integer(), "managers at the layer"),
            ContractField("mean_span", .number(), nullable: true, "mean span of the layer's managers; null if none"),
        ])

    static let costByLayer = ContractRecord(
        "cost_by_layer", "Headcount and cost per layer (costs.dimensions includes layers).",
        [ContractField("layer", .integer(), "the layer")] + costFields.map(\.always))

    static let managers = ContractRecord(
        "managers", "One record per manager, by layer then id as bytes.",
        [
            ContractField("id", .string(), "employee id (a pseudonym when privacy.pseudonymize is on)"),
            ContractField(
                "manager_id", .string(), nullable: true,
                "their own manager's id (the org chart's edge); null for a root or an orphan"),
            ContractField(
                "org_head", .string(), nullable: true,
                "the org head whose org they are in (themself at thresholds.org_layer); null above that layer or in a detached subtree"
            ),
            ContractField("layer", .integer(), "the manager's layer; 0 in a detached subtree (under an orphan)"),
            ContractField("direct_reports", .integer(), "span: direct reports"),
            ContractField("direct_ics", .integer(), "direct reports who manage no one"),
            ContractField("direct_managers", .integer(), "direct reports who manage"),
            ContractField("org_size", .integer(), "all transitive reports, the manager excluded"),
            ContractField("depth_below", .integer(), "deepest layer in their org minus their layer"),
            ContractField("span_band", .oneOf(spanBands), "the band of their span, by the bands for their role"),
            ContractField(
                "role", .oneOf(ManagerRole.allCases.map(\.rawValue)), "executive, manager of managers or of ICs"),
            ContractField("teams_spanned", .integer(), "distinct known teams among the direct reports (with teams)")
                .optional,
            ContractField(
                "dotted_reports", .integer(), "people with a dotted line to them (with a dotted_manager_ids column)"
            ).optional,
            ContractField(
                "span_with_dotted", .integer(),
                "direct reports plus dotted reports, each person once (with a dotted_manager_ids column); bands stay on direct reports"
            ).optional,
            ContractField(
                "open_positions", .integer(),
                "open and offer positions reporting to them, whatever their start (with positions)"
            ).optional,
            ContractField(
                "planned_span", .integer(),
                "direct reports plus the planned positions reporting to them (with positions)"
            ).optional,
            ContractField(
                "planned_span_band", .oneOf(spanBands),
                "the band of the planned span, by their role's bands (with positions)"
            ).optional,
            ContractField(
                "planned_org_size", .integer(),
                "org size plus the planned positions anywhere below them (with positions)"
            ).optional,
        ] + costFields)

    static let orgHeads = ContractRecord(
        "org_heads", "One record per manager at thresholds.org_layer: the director's org shape.",
        [
            ContractField("id", .string(), "employee id of the org head"),
            ContractField("em_reports", .integer(), "direct reports who manage"),
            ContractField("ic_reports", .integer(), "direct reports who manage no one"),
            ContractField("teams", .integer(), "teams whose org head they are (with teams)").optional,
            ContractField("engineers", .integer(), "everyone in their org"),
            ContractField("depth_below", .integer(), "deepest layer in their org minus their layer"),
            ContractField(
                "shape", .oneOf(OrgHeadRecord.Shape.allCases.map(\.rawValue)), "the first shape that applies"),
        ] + costFields + plannedGroupFields("engineers"))

    static let teams = ContractRecord(
        "teams", "One record per team of the teams export, by id.",
        [
            ContractField("id", .string(), "team id"),
            ContractField("name", .string(), nullable: true, "team name; null without a name column"),
            ContractField("type", .string(), nullable: true, "team type; null without a type column"),
            ContractField("size", .integer(), "people in the org whose team_id is the team"),
            ContractField("lead_id", .string(), nullable: true, "the team lead's id, when known"),
            ContractField("reporting_managers", .integer(), "distinct managers of the members other than the lead"),
            ContractField(
                "alignment", .number(), nullable: true,
                "largest share of the other members under one manager; null with no others"),
            ContractField(
                "owning_manager", .string(), nullable: true, "the deepest person whose org holds every other member"),
            ContractField("org_head", .string(), nullable: true, "the org head above the lead (or the owning manager)"),
            ContractField("cross_org", .boolean, "the other members sit under more than one org head"),
            ContractField("services_owned", .integer(), "services the team owns (with services)").optional,
            ContractField(
                "outbound_teams", .integer(), "other teams this team's services depend on (with dependencies)"
            )
            .optional,
            ContractField(
                "inbound_teams", .integer(), "other teams whose services depend on this team's (with dependencies)"
            )
            .optional,
            ContractField(
                "cross_org_dependencies", .integer(),
                "outbound teams under a different known org head (with dependencies)"
            ).optional,
        ] + costFields + plannedGroupFields("size"))

    static let services = ContractRecord(
        "services", "One record per service of the services export, by id.",
        [
            ContractField("id", .string(), "service id"),
            ContractField("name", .string(), "service name"),
            ContractField("owners", .strings, "known owner team ids"),
            ContractField("live_owners", .integer(), "owner teams with at least one member"),
            ContractField(
                "ownership", .oneOf(ServiceRecord.Ownership.allCases.map(\.rawValue)),
                "orphan: no live owner, single: one, shared: several"),
            ContractField("dependencies", .integer(), "distinct services this one depends on (with dependencies)")
                .optional,
            ContractField("dependents", .integer(), "distinct services depending on this one (with dependencies)")
                .optional,
        ])

    static let conwayTotals: [ContractField] = [
        ContractField("pairs", .integer(), "unordered pairs of teams where a service of one depends on the other's"),
        ContractField(
            "same_org_head_share", .number(), nullable: true, "pairs whose teams share a known org head ÷ pairs"),
        ContractField(
            "same_manager_share", .number(), nullable: true, "pairs whose teams share a known owning manager ÷ pairs"),
    ]

    static let conway = ContractRecord(
        "conway", "Conway's law over the whole org: do service dependencies stay inside org lines?", conwayTotals)

    static let conwayByOrgHead = ContractRecord(
        "conway_by_org_head", "Conway figures over the pairs involving one org head's teams.",
        [ContractField("org_head", .string(), "the org head")] + conwayTotals)

    static let conwayOrgHeadDependencies = ContractRecord(
        "conway_org_head_dependencies", "Directed team dependencies between two known org heads.",
        [
            ContractField("from_org_head", .string(), "org head of the depending team"),
            ContractField("to_org_head", .string(), "org head of the team depended on"),
            ContractField("team_pairs", .integer(), "directed team pairs"),
        ])

    static let findings = ContractRecord(
        "findings", "Observations about the org and its data, by rule then subject as bytes.",
        [
            ContractField("rule", .oneOf(ruleIDs), "the rule's id"),
            ContractField("severity", .oneOf(["info", "warning", "error"]), "how much it matters"),
            ContractField("subject", .string(), "an employee, team or service id, or org"),
            ContractField("value", .number(), nullable: true, "the number the rule measured, if any"),
            ContractField("message", .string(), "what was found, in ids only"),
        ])

    static let dataQualityInputs = ContractRecord(
        "data_quality_inputs", "Where every row of every input went.",
        [
            ContractField("input", .oneOf(inputs), "the input"),
            ContractField("rows_read", .integer(), "rows in the export"),
            ContractField("accepted", .integer(), "rows that entered the org or catalog"),
            ContractField("excluded", .integer(), "rows left out by policy (inactive, superseded)"),
            ContractField("quarantined", .integer(), "rows written to quarantine.csv or counted past its caps"),
        ])

    static let dataQualityOutcomes = ContractRecord(
        "data_quality_outcomes", "Rows per input, outcome and rule, zeros included.",
        [
            ContractField("input", .oneOf(inputs), "the input"),
            ContractField("outcome", .oneOf(["excluded", "quarantined"]), "what happened to the rows"),
            ContractField("rule", .oneOf(ruleIDs), "the rule that decided it"),
            ContractField("rows", .integer(), "rows"),
        ])

    static let dataQualityValues = ContractRecord(
        "data_quality_values", "Typed fields of the people export and how many values could not be read.",
        [
            ContractField("field", .string(), "the canonical field (hire_date, salary)"),
            ContractField("non_empty", .integer(), "rows with a value"),
            ContractField("unreadable", .integer(), "values that could not be read as the field's type"),
        ])

    static let dataQualityUnmapped = ContractRecord(
        "data_quality_unmapped", "Status and worker-type values no vocabulary knew.",
        [
            ContractField("field", .oneOf(["status", "employment_type"]), "the field"),
            ContractField(
                "value", .string(), nullable: true, "the value; null for values held by fewer than min_group_size rows"),
            ContractField("rows", .integer(), "rows holding it"),
        ])

    /// The personal fields `privacy.publish` can add to the people table.
    package static let personalFields = [
        "name", "first_name", "last_name", "email", "title", "level", "department", "location", "employment_type",
        "status", "hire_date", "salary", "currency", "pay_period", "effective_date",
    ]

    static let people = ContractRecord(
        "people", "One record per person (outputs.people_table; mode 0600).",
        [
            ContractField("id", .string(), "employee id (a pseudonym when privacy.pseudonymize is on)"),
            ContractField("manager_id", .string(), nullable: true, "their manager's id; null for roots and orphans"),
            ContractField("layer", .integer(), "their layer; 0 in a detached subtree (under an orphan)"),
            ContractField("team_id", .string(), nullable: true, "their team, when known"),
            ContractField("is_manager", .boolean, "has at least one direct report"),
            ContractField(
                "org_head", .string(), nullable: true, "the org head above them, when their chain reaches it"),
        ]
            + personalFields.map {
                ContractField($0, .string(), nullable: true, "as exported, when privacy.publish lists it").optional
            })

    static let changeCounts: [ContractField] = [
        ContractField("joiners", .integer(), nullable: true, "people in the org now who were not before"),
        ContractField("leavers", .integer(), nullable: true, "people in the org before who are not now"),
        ContractField("manager_changes", .integer(), nullable: true, "people in both whose manager id changed"),
        ContractField(
            "org_head_changes", .integer(), nullable: true,
            "people in both whose org head changed, those who moved along with their manager included"),
        ContractField("team_changes", .integer(), nullable: true, "people in both whose team changed"),
        ContractField("became_managers", .integer(), nullable: true, "people in both who manage now and did not"),
        ContractField("stopped_managing", .integer(), nullable: true, "people in both who managed and do not now"),
        ContractField("findings_opened", .integer(), nullable: true, "(rule, subject) findings new this run"),
        ContractField("findings_resolved", .integer(), nullable: true, "(rule, subject) findings gone this run"),
        ContractField(
            "span_band_changes", .integer(), nullable: true, "managers both nights whose span band changed"),
    ]

    static let changes = ContractRecord(
        "changes",
        "What changed since the run compared with; counts are null on a first run and when ids cannot be matched.",
        [ContractField("previous_as_of", .date, nullable: true, "the run compared with; null on a first run")]
            + changeCounts + [
                ContractField("max_layer_before", .integer(), nullable: true, "the deepest layer then"),
                ContractField("max_layer_after", .integer(), "the deepest layer now"),
                ContractField(
                    "positions_opened", .integer(),
                    "positions open (or at offer) now that were not then (when both nights read positions)"
                ).optional,
                ContractField(
                    "positions_closed", .integer(),
                    "positions open (or at offer) then that are not now: filled, closed or gone (when both nights read positions)"
                ).optional,
            ])

    static let spanBandsOrNull = ContractType.oneOf(spanBands)

    static let changesByManager = ContractRecord(
        "changes_by_manager", "Every manager of either night, counting their whole org, by id.",
        [
            ContractField("id", .string(), "the manager's id"),
            ContractField("span_before", .integer(), nullable: true, "direct reports then; null if not in the org"),
            ContractField("span_after", .integer(), nullable: true, "direct reports now; null if gone"),
            ContractField("band_before", spanBandsOrNull, nullable: true, "span band then; null if not managing"),
            ContractField("band_after", spanBandsOrNull, nullable: true, "span band now; null if not managing"),
        ] + orgFlowFields + [
            ContractField(
                "dotted_before", .integer(), nullable: true,
                "people with a dotted line to them then; null without dotted lines that night or if not there"),
            ContractField(
                "dotted_after", .integer(), nullable: true,
                "people with a dotted line to them now; null without dotted lines tonight or if gone"),
        ])

    /// Who came into and left a manager's or org head's whole org between the two nights.
    static let orgFlowFields: [ContractField] = [
        ContractField("joiners", .integer(), "joiners in their org now"),
        ContractField("leavers", .integer(), "leavers who were in their org"),
        ContractField("moved_in", .integer(), "people of both nights in their org now and not then"),
        ContractField("moved_out", .integer(), "people of both nights in their org then and not now"),
    ]

    static let changesByOrgHead = ContractRecord(
        "changes_by_org_head", "Every org head of either night, by id.",
        [
            ContractField("id", .string(), "the org head's id"),
            ContractField("headcount_before", .integer(), nullable: true, "people in their org then"),
            ContractField("headcount_after", .integer(), nullable: true, "people in their org now"),
            ContractField("layers_before", .integer(), nullable: true, "layers below them then"),
            ContractField("layers_after", .integer(), nullable: true, "layers below them now"),
        ] + orgFlowFields)

    static let findingChanges = ContractRecord(
        "finding_changes", "Findings opened or resolved since the run compared with.",
        [
            ContractField("rule", .oneOf(ruleIDs), "the rule"),
            ContractField("subject", .string(), "the subject"),
            ContractField("change", .oneOf(["opened", "resolved"]), "new this run, or gone"),
        ])

    static let peopleChanges = ContractRecord(
        "people_changes", "Each individual change (outputs.people_table; mode 0600).",
        [
            ContractField("id", .string(), "the person's id"),
            ContractField(
                "change",
                .oneOf([
                    "joiner", "leaver", "manager_change", "team_change", "org_head_change", "became_manager",
                    "stopped_managing",
                ]), "what changed"),
            ContractField("before", .string(), nullable: true, "the manager, team or org head then"),
            ContractField("after", .string(), nullable: true, "the manager, team or org head now"),
        ])

    package static let trend = ContractRecord(
        "trend",
        "history/trend.ndjson: one record per published as_of, ever — summary, data quality, change counts; no cost.",
        [ContractField("as_of", .date, "the run's as_of")] + summary.fields + [
            ContractField("rows_read", .integer(), "rows in the people export"),
            ContractField("in_org", .integer(), "people in the org"),
            ContractField("excluded", .integer(), "people rows left out by policy"),
            ContractField("quarantined", .integer(), "people rows quarantined"),
            ContractField("previous_as_of", .date, nullable: true, "the run compared with"),
        ] + changeCounts + [
            // Optional: records written by 1.3 and earlier lack it and stay valid.
            ContractField("open_findings", .integer(), "findings the night published (every rule and severity)")
                .optional
        ])
}
