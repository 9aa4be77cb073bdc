import OrgLensMetrics
import OrgLensModel

extension OutputContract {
    /// Every published table, in `dashboard.json` and as `tables/<name>.ndjson`.
    public static let tables: [ContractRecord] = [
        summary, spanDistribution, layers, costByLayer, managers, orgHeads, teams, services, conway, conwayByOrgHead,
        conwayOrgHeadDependencies, findings, dataQualityInputs, dataQualityOutcomes, people, dataQualityValues,
        dataQualityUnmapped,
    ]

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
            ContractField("max_layer", .integer(), "the deepest layer (roots are layer 1)"),
            ContractField("mean_span", .number(), nullable: true, "direct reports ÷ managers; null without managers"),
            ContractField("median_span", .number(), nullable: true, "median direct reports of managers"),
        ]
            + SpanBands.Band.allCases.map {
                ContractField("span_\($0.rawValue)", .integer(), "managers whose span is in the \($0.rawValue) band")
            })

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
            ContractField("layer", .integer(), "the manager's layer"),
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
        ] + costFields)

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
        ] + costFields)

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
    public static let personalFields = [
        "name", "first_name", "last_name", "email", "title", "level", "department", "location", "employment_type",
        "status", "hire_date", "salary", "currency", "pay_period", "effective_date",
    ]

    static let people = ContractRecord(
        "people", "One record per person (outputs.people_table; mode 0600).",
        [
            ContractField("id", .string(), "employee id (a pseudonym when privacy.pseudonymize is on)"),
            ContractField("manager_id", .string(), nullable: true, "their manager's id; null for roots and orphans"),
            ContractField("layer", .integer(), "their layer"),
            ContractField("team_id", .string(), nullable: true, "their team, when known"),
            ContractField("is_manager", .boolean, "has at least one direct report"),
            ContractField(
                "org_head", .string(), nullable: true, "the org head above them, when their chain reaches it"),
        ]
            + personalFields.map {
                ContractField($0, .string(), nullable: true, "as exported, when privacy.publish lists it").optional
            })
}
