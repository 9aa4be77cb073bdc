import Foundation
import OrgLensContract
public import OrgLensMetrics
public import OrgLensModel
import Yams

/// The settings a YAML file may give `analyze --config` (the same keys pipeline files will use).
/// Every value is optional: a command-line flag beats the file, and the file beats the default.
public struct ConfigFile: Sendable, Hashable {
    public var currency: String?
    /// Rates and the multiplier as exact decimals, read from their text (never through `Double`).
    public var rates: [String: ExactDecimal] = [:]
    public var allInMultiplier: ExactDecimal?
    public var contractorTypes: [String]?
    public var contractorsInSpans: Bool?
    public var minGroupSize: Int?
    /// `privacy.history_window`: earlier published nights pay withholding is checked against.
    public var historyWindow: Int?
    /// Groups whose pay is published: `tree` (default), `layers`, `teams`.
    public var costDimensions: [String]?
    /// Published costs are rounded to this (reporting currency; default 1000).
    public var costPrecision: ExactDecimal?
    public var orgLayer: Int?
    public var teamMinSize: Int?
    public var teamMaxSize: Int?
    public var minEMReports: Int?
    public var maxEMReports: Int?
    public var minEngineers: Int?
    /// `thresholds.span`: per role, the bands as written (narrow_max, healthy_max, split_at).
    public var spanBands: [ManagerRole: [String: Int]] = [:]
    /// Personal fields outputs may carry (the opt-in people table); empty by default.
    public var publish: [String] = []
    /// Replace person ids in dashboard outputs with keyed pseudonyms.
    public var pseudonymize = false
    /// Where the pseudonym key is (the key itself never sits in a config or pipeline file).
    public var keyFile: String?

    public init() {}

    /// Reads and validates a config file (`analyze --config`).
    public static func load(_ path: String) throws(RunError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(.cannotOpenInput, "cannot open config file '\(path)'; check the path.")
        }
        return try ConfigFile(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses and validates `text`; errors name the file, line and column, the key, and what is allowed.
    public init(yaml text: String, path: String) throws(RunError) {
        let reader = NodeReader(path: path)
        guard let node = try reader.compose(text) else {
            self.init()
            return
        }
        try self.init(
            root: try reader.mapping(node, at: "the top level", allowed: ["costs", "privacy", "thresholds"]),
            reader: reader)
    }

    /// Reads the shared sections out of a file's top level (a config file, or a pipeline file).
    init(root: [String: Node], reader: NodeReader) throws(RunError) {
        if let costs = root["costs"] {
            let section = try reader.mapping(
                costs, at: "costs",
                allowed: PipelineFile.costs.keys)
            if let dimensions = try reader.strings(section["dimensions"], at: "costs.dimensions") {
                for name in dimensions where !CostDimensions.names.contains(where: { $0.0 == name }) {
                    throw RunError(
                        .configuration,
                        "\(reader.path): costs.dimensions names '\(name)'; dimensions are: tree, layers, teams.")
                }
                costDimensions = dimensions
            }
            currency = try reader.string(section["currency"], at: "costs.currency")
            if let rates = section["rates"] {
                for (code, value) in try reader.anyMapping(rates, at: "costs.rates") {
                    self.rates[code.uppercased()] = try reader.decimal(value, at: "costs.rates.\(code)")
                }
            }
            allInMultiplier = try section["all_in_multiplier"].map { node throws(RunError) in
                try reader.decimal(node, at: "costs.all_in_multiplier")
            }
            contractorTypes = try reader.strings(section["contractor_types"], at: "costs.contractor_types")
            contractorsInSpans = try reader.bool(section["contractors_in_spans"], at: "costs.contractors_in_spans")
        }
        if let privacy = root["privacy"] {
            let section = try reader.mapping(
                privacy, at: "privacy",
                allowed: PipelineFile.privacy.keys)
            costPrecision = try section["cost_precision"].map { node throws(RunError) in
                try reader.decimal(node, at: "privacy.cost_precision")
            }
            pseudonymize = try reader.bool(section["pseudonymize"], at: "privacy.pseudonymize") ?? false
            keyFile = try reader.string(section["key_file"], at: "privacy.key_file")
            publish = try reader.strings(section["publish"], at: "privacy.publish") ?? []
            minGroupSize = try reader.int(section["min_group_size"], at: "privacy.min_group_size")
            historyWindow = try reader.int(section["history_window"], at: "privacy.history_window")
            if let historyWindow, historyWindow < 0 {
                throw reader.fail(
                    section["history_window"]!,
                    "privacy.history_window is how many earlier nights pay is checked against: 0 or more")
            }
        }
        if let thresholds = root["thresholds"] {
            let section = try reader.mapping(
                thresholds, at: "thresholds", allowed: PipelineFile.thresholds.keys)
            orgLayer = try reader.int(section["org_layer"], at: "thresholds.org_layer")
            teamMinSize = try reader.int(section["team_min_size"], at: "thresholds.team_min_size")
            teamMaxSize = try reader.int(section["team_max_size"], at: "thresholds.team_max_size")
            if let span = section["span"] {
                let roles = try reader.mapping(span, at: "thresholds.span", allowed: PipelineFile.spanThresholds.keys)
                for (name, node) in roles {
                    let place = "thresholds.span.\(name)"
                    let keys = try reader.mapping(node, at: place, allowed: PipelineFile.roleSpanBands.keys)
                    var bands: [String: Int] = [:]
                    for (key, value) in keys { bands[key] = try reader.int(value, at: "\(place).\(key)") }
                    spanBands[ManagerRole(rawValue: name)!] = bands
                }
            }
            if let heads = section["org_heads"] {
                let bands = try reader.mapping(
                    heads, at: "thresholds.org_heads", allowed: PipelineFile.orgHeadThresholds.keys)
                minEMReports = try reader.int(bands["min_em_reports"], at: "thresholds.org_heads.min_em_reports")
                maxEMReports = try reader.int(bands["max_em_reports"], at: "thresholds.org_heads.max_em_reports")
                minEngineers = try reader.int(bands["min_engineers"], at: "thresholds.org_heads.min_engineers")
            }
        }
    }
}
