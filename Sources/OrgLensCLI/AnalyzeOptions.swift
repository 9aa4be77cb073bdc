import ArgumentParser
import OrgLensModel
import OrgLensSettings
import OrgLensStage

/// `analyze`'s flags for the people export: `sources.people` of a pipeline file.
struct PeopleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("People export (CSV or XML).", valueName: "file"))
    var people: String

    @Option(help: settingHelp("sources.people.format", valueName: "format"))
    var format: SourceFormat?

    @Option(help: settingHelp("sources.people.preset", valueName: "name"))
    var preset: String?

    @Option(name: .customLong("record"), help: settingHelp("sources.people.record", valueName: "element"))
    var recordElement: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Take a canonical field from a differently named column (CSV, e.g. employee_id=EMPLOYEE_ID) or from an XML selector (e.g. manager_id=Manager/ID[@type='Employee_ID']). Repeatable.",
            valueName: "field=column"))
    var mappings: [String] = []

    @Option(name: .customLong("manager-ref"), help: settingHelp("sources.people.manager_ref", valueName: "kind"))
    var managerReference: ManagerReference?

    @Option(name: .customLong("date-format"), help: settingHelp("sources.people.date_format", valueName: "format"))
    var dateFormat: DateFormat?

    @Option(
        name: .customLong("pay-decimal"), help: settingHelp("sources.people.pay_format.decimal", valueName: "mark"))
    var payDecimal: PayFormat.DecimalMark?

    @Option(name: .customLong("pay-period"), help: settingHelp("sources.people.pay_period", valueName: "period"))
    var payPeriod: PayPeriod?

    @Option(name: .customLong("hours-per-year"), help: settingHelp("sources.people.hours_per_year", valueName: "n"))
    var hoursPerYear: Int?

    @Option(
        name: .customLong("status-map"),
        help: ArgumentHelp(
            settingHelpText("sources.people.status_map") + " E.g. 'Garden leave=leave'. Repeatable.",
            valueName: "value=meaning"))
    var statusMap: [String] = []

    @Option(
        name: .customLong("employment-type-map"),
        help: ArgumentHelp(
            settingHelpText("sources.people.employment_type_map") + " E.g. '1099 Contractor=contractor'. Repeatable.",
            valueName: "value=meaning"))
    var employmentTypeMap: [String] = []

    @Option(
        name: .customLong("root-marker"),
        help: ArgumentHelp(settingHelpText("sources.people.root_markers") + " Repeatable.", valueName: "value"))
    var rootMarkers: [String] = []

    @Option(
        name: .customLong("inactive-status"),
        help: ArgumentHelp(settingHelpText("sources.people.inactive_statuses") + " Repeatable.", valueName: "value"))
    var inactiveStatuses: [String] = []

    @Option(help: settingHelp("sources.people.delimiter", valueName: "char"))
    var delimiter: String?

    @Option(help: settingHelp("sources.people.encoding", valueName: "name"))
    var encoding: String?

    func add(to flags: inout CommandLineSettings) throws(RunError) {
        let source = "sources.people."
        flags.set(source + "path", flag: "--people", people)
        flags.set(source + "preset", flag: "--preset", preset)
        flags.set(source + "format", flag: "--format", format?.rawValue)
        flags.set(source + "record", flag: "--record", recordElement)
        try flags.set(
            source + "map", flag: "--map", pairs: mappings, split: .first, form: "FIELD=COLUMN",
            example: "employee_id=ID")
        flags.set(source + "manager_ref", flag: "--manager-ref", managerReference?.rawValue)
        flags.set(source + "date_format", flag: "--date-format", dateFormat?.rawValue)
        flags.set(source + "pay_format.decimal", flag: "--pay-decimal", payDecimal?.rawValue)
        flags.set(source + "pay_period", flag: "--pay-period", payPeriod?.rawValue)
        flags.set(source + "hours_per_year", flag: "--hours-per-year", hoursPerYear.map(String.init))
        try flags.set(
            source + "status_map", flag: "--status-map", pairs: statusMap, split: .last, form: "VALUE=MEANING",
            example: "'Garden leave=leave'")
        try flags.set(
            source + "employment_type_map", flag: "--employment-type-map", pairs: employmentTypeMap, split: .last,
            form: "VALUE=MEANING", example: "'1099 Contractor=contractor'")
        flags.set(source + "root_markers", flag: "--root-marker", list: rootMarkers)
        flags.set(source + "inactive_statuses", flag: "--inactive-status", list: inactiveStatuses)
        flags.set(source + "delimiter", flag: "--delimiter", delimiter)
        flags.set(source + "encoding", flag: "--encoding", encoding)
    }
}

/// `analyze`'s flags for the catalogs: `sources.teams`, `.services` and `.dependencies`.
struct CatalogOptions: ParsableArguments {
    @Option(help: ArgumentHelp(settingHelpText("sources.teams"), valueName: "file"))
    var teams: String?

    @Option(help: ArgumentHelp(settingHelpText("sources.services"), valueName: "file"))
    var services: String?

    @Option(help: ArgumentHelp(settingHelpText("sources.dependencies"), valueName: "file"))
    var dependencies: String?

    @Option(
        name: .customLong("teams-map"),
        help: ArgumentHelp("Like --map, for the teams export.", valueName: "field=column"))
    var teamsMappings: [String] = []

    @Option(
        name: .customLong("services-map"),
        help: ArgumentHelp("Like --map, for the service catalog.", valueName: "field=column"))
    var servicesMappings: [String] = []

    @Option(
        name: .customLong("dependencies-map"),
        help: ArgumentHelp("Like --map, for the dependencies.", valueName: "field=column"))
    var dependenciesMappings: [String] = []

    /// Each catalog given, read with the people export's delimiter and encoding.
    func add(to flags: inout CommandLineSettings, dialect people: PeopleOptions) throws(RunError) {
        for (name, path, pairs) in [
            ("teams", teams, teamsMappings), ("services", services, servicesMappings),
            ("dependencies", dependencies, dependenciesMappings),
        ] {
            guard let path else { continue }
            let source = "sources.\(name)."
            flags.set(source + "path", flag: "--\(name)", path)
            try flags.set(
                source + "map", flag: "--\(name)-map", pairs: pairs, split: .first, form: "FIELD=COLUMN",
                example: "\(name == "dependencies" ? "service_id" : name.dropLast() + "_id")=ID")
            flags.set(source + "delimiter", flag: "--delimiter", people.delimiter)
            flags.set(source + "encoding", flag: "--encoding", people.encoding)
        }
    }
}

/// `analyze`'s flags for open positions: `sources.positions` and `planning`.
struct PositionsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(settingHelpText("sources.positions"), valueName: "file"))
    var positions: String?

    @Option(name: .customLong("positions-preset"), help: settingHelp("sources.positions.preset", valueName: "name"))
    var preset: String?

    @Option(
        name: .customLong("positions-map"),
        help: ArgumentHelp("Like --map, for the positions export.", valueName: "field=column"))
    var mappings: [String] = []

    @Option(
        name: .customLong("positions-status-map"),
        help: ArgumentHelp(
            settingHelpText("sources.positions.status_map") + " E.g. 'On Hold=open'. Repeatable.",
            valueName: "value=meaning"))
    var statusMap: [String] = []

    @Option(
        name: .customLong("positions-manager-ref"),
        help: settingHelp("sources.positions.manager_ref", valueName: "kind"))
    var managerReference: ManagerReference?

    @Option(name: .customLong("planning-horizon"), help: settingHelp("planning.horizon", valueName: "days|date"))
    var horizon: String?

    func add(to flags: inout CommandLineSettings) throws(RunError) {
        flags.set("planning.horizon", flag: "--planning-horizon", horizon)
        guard let positions else { return }
        let source = "sources.positions."
        flags.set(source + "path", flag: "--positions", positions)
        flags.set(source + "preset", flag: "--positions-preset", preset)
        try flags.set(
            source + "map", flag: "--positions-map", pairs: mappings, split: .first, form: "FIELD=COLUMN",
            example: "position_id=Req_ID")
        try flags.set(
            source + "status_map", flag: "--positions-status-map", pairs: statusMap, split: .last,
            form: "VALUE=MEANING", example: "'On Hold=open'")
        flags.set(source + "manager_ref", flag: "--positions-manager-ref", managerReference?.rawValue)
    }
}

/// `analyze`'s flags for costs, privacy and thresholds: the keys of `--config`, which they beat.
struct SettingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("YAML settings (costs, privacy, thresholds); flags override it.", valueName: "file"))
    var config: String?

    @Option(help: settingHelp("costs.currency", valueName: "code"))
    var currency: String?

    @Option(
        name: .customLong("rate"),
        help: ArgumentHelp("Value of one unit of CODE in the reporting currency. Repeatable.", valueName: "code=rate"))
    var rates: [String] = []

    @Option(name: .customLong("all-in-multiplier"), help: settingHelp("costs.all_in_multiplier", valueName: "x"))
    var allInMultiplier: String?

    @Option(
        name: .customLong("cost-dimension"),
        help: ArgumentHelp(
            settingHelpText("costs.dimensions") + " Repeatable; replaces the default.", valueName: "name"))
    var costDimensions: [CostDimension] = []

    @Option(name: .customLong("cost-precision"), help: settingHelp("privacy.cost_precision", valueName: "amount"))
    var costPrecision: String?

    @Option(name: .customLong("min-group-size"), help: settingHelp("privacy.min_group_size", valueName: "k"))
    var minGroupSize: Int?

    @Option(
        name: .customLong("contractor-type"),
        help: ArgumentHelp(settingHelpText("costs.contractor_types") + " Repeatable.", valueName: "value"))
    var contractorTypes: [String] = []

    @Option(
        name: .customLong("contractors-in-spans"),
        help: settingHelp("costs.contractors_in_spans", valueName: "true|false"))
    var contractorsInSpans: Bool?

    @Option(name: .customLong("org-layer"), help: settingHelp("thresholds.org_layer", valueName: "n"))
    var orgLayer: Int?

    @Option(name: .customLong("team-min-size"), help: settingHelp("thresholds.team_min_size", valueName: "n"))
    var teamMinimumSize: Int?

    @Option(name: .customLong("team-max-size"), help: settingHelp("thresholds.team_max_size", valueName: "n"))
    var teamMaximumSize: Int?

    @Flag(
        help: ArgumentHelp(
            settingHelpText("privacy.pseudonymize") + " The key: $ORGLENS_PSEUDONYM_KEY or --pseudonym-key-file."))
    var pseudonymize = false

    @Option(name: .customLong("pseudonym-key-file"), help: settingHelp("privacy.key_file", valueName: "file"))
    var pseudonymKeyFile: String?

    func add(to flags: inout CommandLineSettings) throws(RunError) {
        flags.set("costs.currency", flag: "--currency", currency)
        try flags.set(
            "costs.rates", flag: "--rate", pairs: rates, split: .first, form: "CODE=RATE", example: "EUR=1.08")
        flags.set("costs.all_in_multiplier", flag: "--all-in-multiplier", allInMultiplier)
        flags.set("costs.dimensions", flag: "--cost-dimension", list: costDimensions.map(\.rawValue))
        flags.set("privacy.cost_precision", flag: "--cost-precision", costPrecision)
        flags.set("privacy.min_group_size", flag: "--min-group-size", minGroupSize.map(String.init))
        flags.set("costs.contractor_types", flag: "--contractor-type", list: contractorTypes)
        flags.set("costs.contractors_in_spans", flag: "--contractors-in-spans", contractorsInSpans.map(String.init))
        flags.set("thresholds.org_layer", flag: "--org-layer", orgLayer.map(String.init))
        flags.set("thresholds.team_min_size", flag: "--team-min-size", teamMinimumSize.map(String.init))
        flags.set("thresholds.team_max_size", flag: "--team-max-size", teamMaximumSize.map(String.init))
        if pseudonymize { flags.set("privacy.pseudonymize", flag: "--pseudonymize", "true") }
        flags.set("privacy.key_file", flag: "--pseudonym-key-file", pseudonymKeyFile)
    }
}
