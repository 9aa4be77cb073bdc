import Foundation
import OrgLensContract
package import OrgLensMetrics
package import OrgLensModel

/// The settings `analyze --config` reads, and a pipeline file too: costs, privacy and thresholds. A flag beats
/// the file, and the file beats the default each field is declared with.
package struct ConfigFile: SettingsGroup, Hashable {
    package var costs = CostsSettings()
    package var privacy = PrivacySettings()
    package var thresholds = ThresholdSettings()
    package var planning = PlanningSettings()

    package init() {}

    package static let settings: [Setting<ConfigFile>] = [
        .group("costs", \.costs, "headcount and cost roll-ups"),
        .group("privacy", \.privacy, "what personal data may be published"),
        .group("thresholds", \.thresholds, "span bands' neighbours and org-head shapes"),
        .group("planning", \.planning, "how open positions count in planned figures"),
    ]

    /// Reads and validates a config file (`analyze --config`).
    package static func load(_ path: String) throws(RunError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(.cannotOpenInput, "cannot open config file '\(path)'; check the path.")
        }
        return try ConfigFile(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses and validates `text`; errors name the file, line and column, the key, and what is allowed.
    package init(yaml text: String, path: String) throws(RunError) {
        self.init()
        let reader = NodeReader(path: path)
        guard let node = try reader.compose(text) else { return }
        try read(node, at: nil, reader: reader)
    }
}

/// A group of cost roll-ups is published for each of these.
package enum CostDimension: String, SettingChoice {
    case tree, layers, teams
}

package struct CostsSettings: SettingsGroup, Hashable {
    package var currency = "USD"
    /// Exactly as written (never through `Double`).
    package var rates: [String: ExactDecimal] = [:]
    package var allInMultiplier = ExactDecimal("1.3")!
    /// nil: the built-in list.
    package var contractorTypes: [String]?
    package var contractorsInSpans = true
    package var dimensions: [CostDimension] = [.tree]

    package init() {}

    package static let settings: [Setting<CostsSettings>] = [
        .text("currency", \.currency, "the reporting currency"),
        .map("rates", \.rates, .number(exclusiveMinimum: "0"), "currency → its value in the reporting currency") {
            code, node, reader, place throws(RunError) in
            let rate = try reader.decimal(node, at: "\(place).\(code)")
            guard rate.isPositive else {
                throw reader.fail(node, "\(reader.name(place)): the rate of \(code) must be greater than 0")
            }
            return (code.uppercased(), rate)
        },
        .decimal("all_in_multiplier", \.allInMultiplier, exclusiveMinimum: "0", "salary × this = all-in cost"),
        .texts(
            "contractor_types", \.contractorTypes,
            "employment types that mean contractor; replaces the built-in list (contractor, contingent, consultant, temp)"
        ),
        .boolean("contractors_in_spans", \.contractorsInSpans, "count contractors as direct reports in spans"),
        .choices("dimensions", \.dimensions, "the groups whose pay is published"),
    ]
}

package struct PrivacySettings: SettingsGroup, Hashable {
    package var minGroupSize = 5
    /// Personal fields outputs may carry (the opt-in people table).
    package var publish: [String] = []
    package var pseudonymize = false
    /// Where the pseudonym key is (the key itself never sits in a config or pipeline file).
    package var keyFile: String?
    package var costPrecision = ExactDecimal("1000")!
    package var historyWindow = 1

    package init() {}

    package static let settings: [Setting<PrivacySettings>] = [
        .integer(
            "min_group_size", \.minGroupSize, minimum: 3, why: "smaller groups would reveal individual salaries",
            "k: groups with fewer salaried people publish no cost"),
        .texts("publish", \.publish, "personal fields the people table may hold"),
        .boolean("pseudonymize", \.pseudonymize, "replace person ids with keyed pseudonyms"),
        .text("key_file", \.keyFile, "the file holding the pseudonym key (mode 600)"),
        .decimal(
            "cost_precision", \.costPrecision, minimum: "0.01",
            "every published cost is rounded to this, in the reporting currency"),
        .integer(
            "history_window", \.historyWindow, minimum: 0,
            "earlier published nights pay withholding is checked against; 0 checks each night alone"),
    ]
}

package struct ThresholdSettings: SettingsGroup, Hashable {
    package var span = SpanSettings()
    package var orgLayer = 2
    package var teamMinSize = 3
    package var teamMaxSize = 9
    package var orgHeads = OrgHeadSettings()
    package var maxDottedManagers = 2

    package init() {}

    package static let settings: [Setting<ThresholdSettings>] = [
        .group("span", \.span, "span bands per manager role"),
        .integer("org_layer", \.orgLayer, minimum: 1, "the layer of the org heads, the directors"),
        .integer("team_min_size", \.teamMinSize, minimum: 0, "smaller teams are team.undersized"),
        .integer("team_max_size", \.teamMaxSize, minimum: 0, "larger teams are team.oversized"),
        .group("org_heads", \.orgHeads, "org-head shapes"),
        .integer("max_dotted_managers", \.maxDottedManagers, minimum: 1, "more dotted-line managers is matrix.many"),
    ]
}

package struct OrgHeadSettings: SettingsGroup, Hashable {
    package var minEMReports = OrgHeadBands().minEMReports
    package var maxEMReports = OrgHeadBands().maxEMReports
    package var minEngineers = OrgHeadBands().minEngineers
    package var departments: [String]?

    package init() {}

    package static let settings: [Setting<OrgHeadSettings>] = [
        .integer("min_em_reports", \.minEMReports, minimum: 0, "fewer EM reports is too_few_em_reports"),
        .integer("max_em_reports", \.maxEMReports, minimum: 0, "more EM reports is too_many_em_reports"),
        .integer("min_engineers", \.minEngineers, minimum: 0, "a smaller org is too_small"),
        .texts(
            "departments", \.departments,
            "departments whose org heads the shape rules judge, by the org head's own department (ignoring case); others are not_judged; default: every org head"
        ),
    ]
}

/// How far ahead a plan looks: a day, or a number of days after `as_of`.
package enum PlanningHorizon: Sendable, Hashable, SettingValue {
    case days(Int)
    case date(CivilDate)

    package typealias Value = PlanningHorizon
    package var shownDefault: String? {
        switch self {
        case .days(let days): "\(days) days after as_of"
        case .date(let date): date.description
        }
    }

    /// The last planned-start day that counts as planned on `asOf`.
    package func lastDay(after asOf: CivilDate) -> CivilDate {
        switch self {
        case .days(let days): CivilDate(daysSinceEpoch: asOf.daysSinceEpoch + days)
        case .date(let date): date
        }
    }
}

package struct PlanningSettings: SettingsGroup, Hashable {
    package var horizon = PlanningHorizon.days(90)

    package init() {}

    package static let settings: [Setting<PlanningSettings>] = [
        .value(
            "horizon", \.horizon, .anyOf([.integer(minimum: 0, maximum: 3650), .date]),
            "open positions planned to start on or before this day (YYYY-MM-DD), or this many days after as_of, count as planned"
        ) { node, reader, place throws(RunError) in
            let text = try reader.string(node, at: place)!
            if let days = Int(text) {
                guard (0...3650).contains(days) else {
                    throw reader.fail(node, "\(reader.name(place)) must be between 0 and 3650 days, not \(days)")
                }
                return .days(days)
            }
            guard let day = CivilDate(iso: Substring(text)), text.count == 10 else {
                throw reader.fail(
                    node, "\(reader.name(place)) '\(text)' is neither a number of days nor a date in YYYY-MM-DD form")
            }
            return .date(day)
        }
    ]
}

/// `thresholds.span`: the bands of each role given; roles not given keep the defaults.
package struct SpanSettings: SettingsGroup, Hashable {
    package var byRole: [ManagerRole: RoleSpanSettings] = [:]

    package init() {}

    package subscript(role: ManagerRole) -> RoleSpanSettings {
        get { byRole[role] ?? RoleSpanSettings() }
        set { byRole[role] = newValue }
    }

    package static let settings: [Setting<SpanSettings>] = ManagerRole.allCases.map { role in
        .group(role.rawValue, \.[role], "bands for this role")
    }
}

package struct RoleSpanSettings: SettingsGroup, Hashable {
    package var narrowMax = SpanBands().narrowMax
    package var healthyMax = SpanBands().healthyMax
    package var splitAt = SpanBands().splitAt

    package init() {}

    package static let settings: [Setting<RoleSpanSettings>] = [
        .integer("narrow_max", \.narrowMax, minimum: 0, "the largest narrow span"),
        .integer("healthy_max", \.healthyMax, minimum: 1, "the largest healthy span"),
        .integer("split_at", \.splitAt, minimum: 2, "the smallest span that means a split is due"),
    ]
}
