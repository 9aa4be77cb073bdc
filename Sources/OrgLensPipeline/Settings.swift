public import OrgLensCSV
public import OrgLensMetrics
public import OrgLensModel
import OrgLensStage

/// Settings given on the command line; each beats the same setting in a config or pipeline file.
public struct SettingOverrides: Sendable {
    public var currency: String?
    public var rates: [String: ExactDecimal] = [:]
    public var allInMultiplier: ExactDecimal?
    public var minGroupSize: Int?
    public var costDimensions: [String]?
    public var costPrecision: ExactDecimal?
    public var contractorsInSpans: Bool?
    public var contractorTypes: [String]?
    public var orgLayer: Int?
    public var teamMinSize: Int?
    public var teamMaxSize: Int?

    public init() {}
}

/// Command line > file > default, in one place for `analyze` and `run`.
public struct ResolvedSettings: Sendable {
    public let costs: CostSettings
    public let orgLayer: Int
    public let teamSizes: TeamSizeBands
    public let orgHeadBands: OrgHeadBands
    /// Span bands per role (`thresholds.span`); the defaults for every role not given.
    public let spanPolicy: SpanPolicy
    public let contractorTypes: [String]?
    /// Personal fields outputs may carry.
    public let publish: [String]

    func publishedFields(path: String) throws(RunError) -> [PersonField] {
        var fields: [PersonField] = []
        for name in publish {
            guard let field = PersonField(rawValue: name), ![.employeeID, .managerID].contains(field) else {
                throw RunError(
                    .configuration,
                    "\(path): privacy.publish names '\(name)'; personal fields are: \(PersonField.allCases.dropFirst(2).map(\.rawValue).joined(separator: ", "))."
                )
            }
            fields.append(field)
        }
        return fields
    }

    public init(file: ConfigFile, overrides: SettingOverrides) throws(RunError) {
        var costs = CostSettings(
            currency: overrides.currency ?? file.currency ?? "USD",
            rates: file.rates.merging(overrides.rates) { _, flag in flag },
            allInMultiplier: overrides.allInMultiplier ?? file.allInMultiplier ?? ExactDecimal("1.3")!,
            minGroupSize: overrides.minGroupSize ?? file.minGroupSize ?? 5,
            contractorsInSpans: overrides.contractorsInSpans ?? file.contractorsInSpans ?? true)
        if let names = overrides.costDimensions ?? file.costDimensions {
            var dimensions: CostDimensions = []
            for name in names {
                guard let known = CostDimensions.names.first(where: { $0.0 == name }) else {
                    throw RunError(.usage, "--cost-dimension '\(name)': dimensions are tree, layers, teams.")
                }
                dimensions.insert(known.1)
            }
            costs.dimensions = dimensions
        }
        if let precision = overrides.costPrecision ?? file.costPrecision { costs.precision = precision }
        if let window = file.historyWindow { costs.historyWindow = window }
        self.costs = costs
        orgLayer = overrides.orgLayer ?? file.orgLayer ?? 2
        teamSizes = TeamSizeBands(
            minimum: overrides.teamMinSize ?? file.teamMinSize ?? 3,
            maximum: overrides.teamMaxSize ?? file.teamMaxSize ?? 9)
        guard teamSizes.minimum <= teamSizes.maximum else {
            throw RunError(
                .configuration,
                "the team minimum size (\(teamSizes.minimum)) is above the maximum (\(teamSizes.maximum)).")
        }
        let defaults = OrgHeadBands()
        orgHeadBands = OrgHeadBands(
            minEMReports: file.minEMReports ?? defaults.minEMReports,
            maxEMReports: file.maxEMReports ?? defaults.maxEMReports,
            minEngineers: file.minEngineers ?? defaults.minEngineers)
        contractorTypes = overrides.contractorTypes ?? file.contractorTypes
        publish = file.publish
        var byRole: [ManagerRole: SpanBands] = [:]
        let standard = SpanBands()
        for (role, given) in file.spanBands {
            let narrow = given["narrow_max"] ?? standard.narrowMax
            let healthy = given["healthy_max"] ?? standard.healthyMax
            let split = given["split_at"] ?? standard.splitAt
            guard let bands = SpanBands(narrowMax: narrow, healthyMax: healthy, splitAt: split) else {
                throw RunError(
                    .configuration,
                    "thresholds.span.\(role.rawValue): narrow_max \(narrow), healthy_max \(healthy), split_at \(split) do not make bands; need 0 <= narrow_max < healthy_max and split_at >= healthy_max + 2."
                )
            }
            byRole[role] = bands
        }
        spanPolicy = SpanPolicy(byRole: byRole)
    }
}

/// Delimiter and encoding as users write them.
public enum DialectText {
    public static func delimiter(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80,
                byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r")
            else { return nil }
            return byte
        }
    }

    public static func dialect(delimiter: String?, encoding: String?, source: String) throws(RunError) -> CSVDialect {
        var dialect = CSVDialect()
        if let delimiter {
            guard let byte = Self.delimiter(delimiter) else {
                throw RunError(
                    .configuration, "\(source): delimiter '\(delimiter)' must be one ASCII character or 'tab'.")
            }
            dialect.delimiter = byte
        }
        // `auto` unless a source or its preset says otherwise, as for analyze: a windows-1252 export must not
        // quarantine its accented names.
        let encoding = encoding ?? "auto"
        guard let known = TextEncoding(name: encoding) else {
            throw RunError(
                .configuration, "\(source): encoding '\(encoding)' is not supported; use utf-8, windows-1252 or utf-16."
            )
        }
        dialect.encoding = known
        return dialect
    }
}
