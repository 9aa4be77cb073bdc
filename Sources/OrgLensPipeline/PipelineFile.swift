import Foundation
import OrgLensContract
public import OrgLensModel
import Yams

/// A declarative pipeline (`Pipelines/*.yml`): which exports to read and how, the policy and thresholds,
/// what may be published, where outputs go, and which rules fail the run. Paths are relative to the file.
public struct PipelineFile: Sendable {
    public var path: String
    /// The folder the pipeline file is in ("" for the current one): paths and `presets/` are relative to it.
    public var baseDirectory = ""
    public var name: String
    public var asOf: CivilDate?
    public var people: Source
    public var teams: Source?
    public var services: Source?
    public var dependencies: Source?
    public var inactiveStatuses: [String]?
    /// costs, privacy and thresholds: the keys `analyze --config` reads too.
    public var settings: ConfigFile
    public var outputDirectory: String
    public var tables = true
    public var peopleTable = false
    /// Keep a snapshot per run, say what changed since the previous one and keep `history/trend.ndjson`.
    public var history = true
    /// Write `report.html` into each run (default on).
    public var report = true
    /// Names beside ids in the report (needs `name` in `privacy.publish`).
    public var reportNames = false
    public var keep = 14
    public var quarantineMaxRows = 1_000_000
    public var quarantineMaxBytes = 1 << 30
    public var failOn: [Rule] = []
    /// What a run must look like to be published.
    public var gates = Gates()
    public var maxInputAgeHours: Double?
    public var failWhenStale = false
    /// Described by `analyze`'s flags rather than read from a file: messages name flags, not keys.
    public private(set) var isCommandLine = false

    /// The pipeline `analyze`'s flags describe: one source of requests for flags and files alike.
    public init(commandLine people: Source, settings: ConfigFile, outputDirectory: String) {
        path = "the command line"
        name = "analyze"
        self.people = people
        self.settings = settings
        self.outputDirectory = outputDirectory
        tables = false
        report = false
        isCommandLine = true
    }

    public static func load(_ path: String) throws(RunError) -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(.cannotOpenInput, "cannot open pipeline file '\(path)'; check the path.")
        }
        return try PipelineFile(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    public init(yaml text: String, path: String) throws(RunError) {
        self.path = path
        let reader = NodeReader(path: path)
        guard let node = try reader.compose(text) else {
            throw RunError(
                .configuration,
                "\(path): the pipeline file is empty; it needs at least sources.people and outputs.directory.")
        }
        let root = try reader.mapping(
            node, at: "the top level",
            allowed: Self.contract.keys)
        let base = (path as NSString).deletingLastPathComponent
        baseDirectory = base
        name =
            try reader.string(root["name"], at: "name")
            ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if let text = try reader.string(root["as_of"], at: "as_of") {
            guard let day = CivilDate(iso: Substring(text)), text.count == 10 else {
                throw RunError(.configuration, "\(path): as_of '\(text)' is not a date in YYYY-MM-DD form.")
            }
            asOf = day
        }
        guard let sourcesNode = root["sources"] else {
            throw RunError(.configuration, "\(path): missing key 'sources' (with at least 'people: {path: …}').")
        }
        let sources = try reader.mapping(
            sourcesNode, at: "sources", allowed: Self.sources.keys)
        guard let peopleNode = sources["people"] else {
            throw RunError(.configuration, "\(path): missing key 'sources.people'.")
        }
        people = try Source.parse(peopleNode, at: "sources.people", base: base, reader: reader)
        teams = try sources["teams"].map { node throws(RunError) in
            try Source.parse(node, at: "sources.teams", base: base, reader: reader)
        }
        services = try sources["services"].map { node throws(RunError) in
            try Source.parse(node, at: "sources.services", base: base, reader: reader)
        }
        dependencies = try sources["dependencies"].map { node throws(RunError) in
            try Source.parse(node, at: "sources.dependencies", base: base, reader: reader)
        }
        if let policyNode = root["policy"] {
            let policy = try reader.mapping(policyNode, at: "policy", allowed: Self.policy.keys)
            inactiveStatuses = try reader.strings(policy["inactive_statuses"], at: "policy.inactive_statuses")
        }
        settings = try ConfigFile(
            root: root.filter { ["costs", "privacy", "thresholds"].contains($0.key) }, reader: reader)
        guard let outputsNode = root["outputs"] else {
            throw RunError(.configuration, "\(path): missing key 'outputs' (with 'directory').")
        }
        let outputs = try reader.mapping(
            outputsNode, at: "outputs",
            allowed: Self.outputs.keys)
        quarantineMaxRows = max(
            0, try reader.int(outputs["quarantine_max_rows"], at: "outputs.quarantine_max_rows") ?? quarantineMaxRows)
        quarantineMaxBytes = max(
            0, try reader.int(outputs["quarantine_max_bytes"], at: "outputs.quarantine_max_bytes") ?? quarantineMaxBytes
        )
        guard let directory = try reader.string(outputs["directory"], at: "outputs.directory") else {
            throw RunError(.configuration, "\(path): missing key 'outputs.directory'.")
        }
        outputDirectory = Self.resolve(directory, base: base)
        tables = try reader.bool(outputs["tables"], at: "outputs.tables") ?? true
        peopleTable = try reader.bool(outputs["people_table"], at: "outputs.people_table") ?? false
        history = try reader.bool(outputs["history"], at: "outputs.history") ?? true
        report = try reader.bool(outputs["report"], at: "outputs.report") ?? true
        reportNames = try reader.bool(outputs["report_names"], at: "outputs.report_names") ?? false
        keep = try reader.int(outputs["keep"], at: "outputs.keep") ?? 14
        failOn = try Self.rules(root["fail_on"], at: "fail_on", path: path, reader: reader)
        if let gatesNode = root["gates"] {
            let keys = try reader.mapping(
                gatesNode, at: "gates",
                allowed: Self.gates.keys)
            func share(_ key: String, _ current: Double?) throws(RunError) -> Double? {
                try Self.share(keys[key], default: current, at: "gates." + key, path: path, reader: reader)
            }
            gates.maxQuarantinedShare = try share("max_quarantined_share", gates.maxQuarantinedShare)
            gates.maxOrphanShare = try share("max_orphan_share", gates.maxOrphanShare)
            gates.maxUnreadableShare = try share("max_unreadable_share", gates.maxUnreadableShare)
            gates.maxHeadcountDrop = try share("max_headcount_drop", gates.maxHeadcountDrop)
            gates.maxLeaverShare = try share("max_leaver_share", gates.maxLeaverShare)
            gates.maxJoinerShare = try share("max_joiner_share", gates.maxJoinerShare)
            gates.maxManagerChangeShare = try share("max_manager_change_share", gates.maxManagerChangeShare)
            gates.minManagers = try reader.int(keys["min_managers"], at: "gates.min_managers") ?? gates.minManagers
            gates.orphansWithinLargestRoot =
                try reader.bool(keys["orphans_within_largest_root"], at: "gates.orphans_within_largest_root") ?? true
            gates.blockOn = try Self.rules(keys["block_on"], at: "gates.block_on", path: path, reader: reader)
        }
        if let freshnessNode = root["freshness"] {
            let freshness = try reader.mapping(freshnessNode, at: "freshness", allowed: Self.freshness.keys)
            maxInputAgeHours = try reader.double(freshness["max_age_hours"], at: "freshness.max_age_hours")
            failWhenStale = try reader.bool(freshness["fail"], at: "freshness.fail") ?? false
        }
    }

    private static func rules(
        _ node: Node?, at place: String, path: String, reader: NodeReader
    ) throws(RunError) -> [Rule] {
        var rules: [Rule] = []
        for rule in try reader.strings(node, at: place) ?? [] {
            guard let known = Rule(rawValue: rule) else {
                throw RunError(
                    .configuration,
                    "\(path): \(place) names unknown rule '\(rule)'; rules are: \(Rule.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            rules.append(known)
        }
        return rules
    }

    /// A share between 0 and 1 (`0.05` is 5 %); an absent key keeps `current`, `null` turns the gate off.
    private static func share(
        _ node: Node?, default current: Double?, at place: String, path: String, reader: NodeReader
    ) throws(RunError) -> Double? {
        guard let node else { return current }
        if reader.isNull(node) { return nil }
        guard let value = try reader.double(node, at: place) else { return current }
        guard (0...1).contains(value) else {
            throw RunError(
                .configuration,
                "\(path): \(place) is a share between 0 and 1 (0.05 is 5 %), or null for off; not \(value).")
        }
        return value
    }

    /// A path from the pipeline file, relative to the folder the file is in.
    static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") || base.isEmpty ? path : ((base + "/" + path) as NSString).standardizingPath
    }
}
