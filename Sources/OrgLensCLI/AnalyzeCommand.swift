public import ArgumentParser
import Foundation
import Logging
import OrgLensCSV
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensPipeline
import OrgLensStage
import OrgLensSystem

/// `orglens analyze`: one people export in, `dashboard.json`, `quarantine.csv` and `manifest.json` out.
public struct AnalyzeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a people export and write dashboard.json, quarantine.csv and manifest.json.",
        discussion: ExitCodes.help(.analyze))

    @Option(help: ArgumentHelp("People export (CSV or XML).", valueName: "file"))
    var people: String

    @Option(
        help: ArgumentHelp("Input format: csv or xml (default: xml for .xml files, else csv).", valueName: "format"))
    var format: String?

    @Option(
        help: ArgumentHelp(
            "An export preset: its column names and value vocabulary (orglens presets lists them).", valueName: "name"))
    var preset: String?

    @Option(
        name: .customLong("record"),
        help: ArgumentHelp(
            "XML: local name of the element holding one person (for files no preset describes).", valueName: "element"))
    var recordElement: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Take a canonical field from a differently named column (CSV, e.g. employee_id=EMPLOYEE_ID) or from an XML selector (e.g. manager_id=Manager/ID[@type='Employee_ID']). Repeatable.",
            valueName: "field=column"))
    var mappings: [String] = []

    @Option(help: ArgumentHelp("Teams export (CSV): team_id, name, parent_team_id, lead_id, type.", valueName: "file"))
    var teams: String?

    @Option(
        help: ArgumentHelp(
            "Service catalog (CSV): service_id, name, owner_team_id; one row per owner. Needs --teams.",
            valueName: "file"))
    var services: String?

    @Option(
        help: ArgumentHelp(
            "Service dependencies (CSV): service_id, depends_on_service_id. Needs --services.", valueName: "file"))
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

    @Option(
        name: .customLong("org-layer"),
        help: ArgumentHelp("Layer of the org heads (directors) (default 2).", valueName: "n"))
    var orgLayer: Int?

    @Option(
        name: .customLong("team-min-size"),
        help: ArgumentHelp("Teams smaller than this are team.undersized (default 3).", valueName: "n"))
    var teamMinimumSize: Int?

    @Option(
        name: .customLong("team-max-size"),
        help: ArgumentHelp("Teams larger than this are team.oversized (default 9).", valueName: "n"))
    var teamMaximumSize: Int?

    @Option(help: ArgumentHelp("YAML settings (costs, privacy, thresholds); flags override it.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Reporting currency for costs (default USD).", valueName: "code"))
    var currency: String?

    @Option(
        name: .customLong("rate"),
        help: ArgumentHelp("Value of one unit of CODE in the reporting currency. Repeatable.", valueName: "code=rate"))
    var rates: [String] = []

    @Option(
        name: .customLong("all-in-multiplier"),
        help: ArgumentHelp("Salary × this = all-in cost (default 1.3).", valueName: "x"))
    var allInMultiplier: String?

    @Option(
        name: .customLong("cost-dimension"),
        help: ArgumentHelp(
            "Groups whose pay is published: tree (default), layers, teams. Repeatable; replaces the default.",
            valueName: "name"))
    var costDimensions: [String] = []

    @Option(
        name: .customLong("cost-precision"),
        help: ArgumentHelp(
            "Round every published cost to this, in the reporting currency (default 1000; at least 0.01).",
            valueName: "amount"))
    var costPrecision: String?

    @Option(
        name: .customLong("min-group-size"),
        help: ArgumentHelp("Groups with fewer salaried people publish no cost (default 5, at least 3).", valueName: "k")
    )
    var minGroupSize: Int?

    @Option(
        name: .customLong("contractor-type"),
        help: ArgumentHelp(
            "An employment_type meaning contractor. Repeatable; replaces the default list (contractor, contingent, consultant, temp).",
            valueName: "value"))
    var contractorTypes: [String] = []

    @Option(
        name: .customLong("contractors-in-spans"),
        help: ArgumentHelp("Whether contractors count as direct reports (default true).", valueName: "true|false"))
    var contractorsInSpans: Bool?

    @Option(
        name: .customLong("manager-ref"),
        help: ArgumentHelp(
            "What manager_id holds: auto (default: decided from the values), id, email or name (matched case-insensitively; 'Last, First' too).",
            valueName: "kind"))
    var managerReference: String?

    @Option(
        name: .customLong("date-format"),
        help: ArgumentHelp(
            "How dates are written: iso (default), mdy, dmy, ymd (with /, . or -), or auto (decided from the column).",
            valueName: "format"))
    var dateFormat: String?

    @Option(
        name: .customLong("pay-decimal"),
        help: ArgumentHelp("The decimal mark in pay: auto (default), '.' or ','.", valueName: "mark"))
    var payDecimal: String?

    @Option(
        name: .customLong("pay-period"),
        help: ArgumentHelp(
            "What salary is per when a value does not say: annual (default), monthly, hourly.", valueName: "period"))
    var payPeriod: String?

    @Option(
        name: .customLong("hours-per-year"),
        help: ArgumentHelp("Hours that make an hourly rate annual (default 2080).", valueName: "n"))
    var hoursPerYear: Int?

    @Option(
        name: .customLong("status-map"),
        help: ArgumentHelp(
            "What a status value means: active, leave, inactive or pending (e.g. 'Garden leave=leave'). Repeatable.",
            valueName: "value=meaning"))
    var statusMap: [String] = []

    @Option(
        name: .customLong("employment-type-map"),
        help: ArgumentHelp(
            "What an employment_type value means: employee or contractor (e.g. '1099 Contractor=contractor'). Repeatable.",
            valueName: "value=meaning"))
    var employmentTypeMap: [String] = []

    @Option(
        name: .customLong("root-marker"),
        help: ArgumentHelp(
            "A manager_id value meaning 'no manager' (e.g. XX, N/A, 0). Repeatable.", valueName: "value"))
    var rootMarkers: [String] = []

    @Option(
        name: .customLong("inactive-status"),
        help: ArgumentHelp(
            "A status that leaves a row out of the org. Repeatable; replaces the default list (terminated, inactive, pending-start).",
            valueName: "value"))
    var inactiveStatuses: [String] = []

    @Option(
        help: ArgumentHelp(
            "Field delimiter: ',', ';', '|', 'tab' (default: detected from the header line).", valueName: "char"))
    var delimiter: String?

    @Option(
        help: ArgumentHelp(
            "Text encoding: auto (default: UTF-8 when the file is valid UTF-8, else windows-1252), utf-8, windows-1252, utf-16 (with BOM).",
            valueName: "name"))
    var encoding: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The day the org is measured on (default: today, UTC).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "Parallel workers (default: active processors). Output does not depend on it.", valueName: "n"))
    var workers: Int?

    @Option(
        name: .customLong("out"), help: ArgumentHelp("Directory to write into (created if missing).", valueName: "dir"))
    var outputDirectory: String

    @Flag(
        help:
            "Replace person ids in the dashboard and tables with keyed pseudonyms (key: $ORGLENS_PSEUDONYM_KEY or --pseudonym-key-file)."
    )
    var pseudonymize = false

    @Option(
        name: .customLong("pseudonym-key-file"),
        help: ArgumentHelp("File holding the pseudonym key (mode 600).", valueName: "file"))
    var pseudonymKeyFile: String?

    @Flag(help: "Also write every table as tables/<name>.ndjson.")
    var tables = false

    @Flag(help: "Also write report.html, the one-page org audit.")
    var report = false

    @Option(
        name: .customLong("compare-to"),
        help: ArgumentHelp(
            "Report what changed since this run directory (one of orglens run's, with a snapshot.bin).",
            valueName: "dir"))
    var compareTo: String?

    @Flag(help: "Log warnings and errors only.")
    var quiet = false

    public init() {}

    public func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if let teamMinimumSize, teamMinimumSize < 0 { throw ValidationError("--team-min-size must be at least 0.") }
        if let asOf, CivilDate(iso: Substring(asOf)) == nil || asOf.count != 10 {
            throw ValidationError("--as-of '\(asOf)' is not a date in YYYY-MM-DD form.")
        }
        if let managerReference, ManagerReference(rawValue: managerReference) == nil {
            throw ValidationError("--manager-ref must be auto, id, email or name.")
        }
        if let dateFormat, DateFormat(rawValue: dateFormat) == nil {
            throw ValidationError(
                "--date-format must be one of \(DateFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let payDecimal, PayFormat.DecimalMark(rawValue: payDecimal) == nil {
            throw ValidationError("--pay-decimal must be auto, '.' or ','.")
        }
        if let payPeriod, PayPeriod(rawValue: payPeriod) == nil {
            throw ValidationError("--pay-period must be annual, monthly or hourly.")
        }
        if let hoursPerYear, !(1...8784).contains(hoursPerYear) {
            throw ValidationError("--hours-per-year must be between 1 and 8784.")
        }
        if let format, SourceFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format '\(format)' is not supported; use csv or xml.")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("--encoding '\(encoding)' is not supported; use utf-8, windows-1252 or utf-16.")
        }
        if let delimiter, DialectText.delimiter(delimiter) == nil {
            throw ValidationError("--delimiter '\(delimiter)' must be one ASCII character or 'tab'.")
        }
    }

    public func run() throws {
        let logger = LogSetup.logger(quiet: quiet, format: .text)
        do throws(RunError) {
            try OutputsDirectoryGuard.refuseInside(outputDirectory)
            var request = try makeRequest()
            let progress = TerminalProgress.start(
                inputs: request.inputPaths, quiet: quiet, jsonLogs: false)
            defer { progress?.stop() }
            request.onStage = progress?.onStage
            do throws(RunError) {
                _ = try Analysis.run(request, logger: logger)
            } catch {
                // Columns not found without a preset, in an export a preset knows: say which one.
                guard preset == nil, mappings.isEmpty, error.message.contains("no column for the required field"),
                    let suggestion = PresetCatalog.suggestion(for: request.people)
                else { throw error }
                throw RunError(error.status, error.message + " Or: " + suggestion + ".")
            }
            print(PathParts.trimmed(request.outputDirectory) + "/dashboard.json")
        } catch {
            throw StandardError.failure(error)
        }
    }

    func makeRequest() throws(RunError) -> AnalysisRequest {
        let file = try config.map { path throws(RunError) in try ConfigFile.load(path) } ?? ConfigFile()
        var overrides = SettingOverrides()
        for pair in rates {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let rate = ExactDecimal(parts[1]), !parts[0].isEmpty else {
                throw RunError(.usage, "--rate '\(pair)' is not CODE=RATE (e.g. --rate EUR=1.08).")
            }
            overrides.rates[parts[0].uppercased()] = rate
        }
        overrides.currency = currency
        if let allInMultiplier {
            guard let exact = ExactDecimal(allInMultiplier) else {
                throw RunError(.usage, "--all-in-multiplier '\(allInMultiplier)' is not a decimal number such as 1.3.")
            }
            overrides.allInMultiplier = exact
        }
        overrides.minGroupSize = minGroupSize
        overrides.costDimensions = costDimensions.isEmpty ? nil : costDimensions
        if let costPrecision {
            guard let exact = ExactDecimal(costPrecision) else {
                throw RunError(.usage, "--cost-precision '\(costPrecision)' is not a decimal number such as 1000.")
            }
            overrides.costPrecision = exact
        }
        overrides.contractorsInSpans = contractorsInSpans
        overrides.contractorTypes = contractorTypes.isEmpty ? nil : contractorTypes
        overrides.orgLayer = orgLayer
        overrides.teamMinSize = teamMinimumSize
        overrides.teamMaxSize = teamMaximumSize
        var pipeline = PipelineFile(
            commandLine: try peopleSource(), settings: file, outputDirectory: outputDirectory)
        pipeline.teams = try catalogSource(teams, TeamField.self, teamsMappings)
        pipeline.services = try catalogSource(services, ServiceField.self, servicesMappings)
        pipeline.dependencies = try catalogSource(dependencies, DependencyField.self, dependenciesMappings)
        pipeline.tables = tables
        pipeline.report = report
        if pseudonymize { pipeline.settings.pseudonymize = true }
        if let pseudonymKeyFile { pipeline.settings.keyFile = pseudonymKeyFile }
        var request = try pipeline.request(
            asOf: asOf.flatMap { CivilDate(iso: Substring($0)) } ?? Self.todayUTC(),
            workers: workers ?? Self.activeProcessors(), overrides: overrides, outputDirectory: outputDirectory)
        request.publishPause = OrgLensCommand.testPublishPause
        request.readPause = OrgLensCommand.testReadPause
        if let compareTo {
            request.history = .init(baseline: try PipelineRun.snapshot(inRunDirectory: compareTo), keepSnapshot: false)
        }
        return request
    }

    /// A catalog export as the flags describe it (`--teams-map` and the like checked here, in flag terms).
    private func catalogSource<Field: CanonicalField>(
        _ path: String?, _: Field.Type, _ pairs: [String]
    ) throws(RunError) -> PipelineFile.Source? {
        guard let path else { return nil }
        var source = PipelineFile.Source(path: path)
        for (field, column) in try ColumnMapping<Field>(pairs: pairs).overrides { source.map[field.rawValue] = column }
        source.delimiter = delimiter
        source.encoding = encoding ?? "auto"
        return source
    }

    /// The people source the flags describe: the preset's settings, then each flag given over them.
    private func peopleSource() throws(RunError) -> PipelineFile.Source {
        var source = PipelineFile.Source(path: people)
        if let preset { try source.apply(preset: try PresetCatalog.find(preset, besideDirectory: nil, status: .usage)) }
        let mapping = try ColumnMapping<PersonField>(pairs: mappings)
        for (field, column) in mapping.overrides { source.map[field.rawValue] = column }
        if let format { source.format = format }
        if let managerReference { source.managerRef = managerReference }
        if let delimiter { source.delimiter = delimiter }
        source.encoding = encoding ?? source.encoding ?? "auto"
        if !rootMarkers.isEmpty { source.rootMarkers = rootMarkers }
        if let recordElement { source.record = recordElement }
        if !inactiveStatuses.isEmpty { source.inactiveStatuses = inactiveStatuses }
        if let dateFormat { source.dateFormat = dateFormat }
        if let payDecimal { source.payDecimal = payDecimal }
        if let payPeriod { source.payPeriod = payPeriod }
        if let hoursPerYear { source.hoursPerYear = hoursPerYear }
        do {
            source.statusMap.merge(
                try ValueVocabulary<StatusClass>(pairs: statusMap, option: "--status-map").meanings.mapValues(
                    \.rawValue)
            ) { $1 }
            source.employmentTypeMap.merge(
                try ValueVocabulary<WorkerClass>(pairs: employmentTypeMap, option: "--employment-type-map").meanings
                    .mapValues(\.rawValue)
            ) { $1 }
        } catch {
            throw RunError(
                .usage,
                "\(error.option) '\(error.text)' is not VALUE=MEANING; meanings are: \(error.choices.joined(separator: ", "))."
            )
        }
        return source
    }

    static func todayUTC() -> CivilDate {
        CivilDate(daysSinceEpoch: POSIX.now().seconds / 86_400)
    }

    static func activeProcessors() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
