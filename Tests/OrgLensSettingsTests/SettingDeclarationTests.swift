import OrgLensContract
import OrgLensModel
import OrgLensSettings
import Testing

/// A setting is one declaration: these tests declare a made-up one and find it in the reader of files, the
/// reader of flags and the contract, with the same bounds everywhere.
@Suite struct SettingDeclarationTests {
    struct Widgets: SettingsGroup {
        var limit = 7
        var shape = Shape.round
        var share: Double? = 0.5

        enum Shape: String, SettingChoice { case round, square }

        init() {}

        static let settings: [Setting<Widgets>] = [
            .integer("limit", \.limit, minimum: 1, maximum: 99, "widgets a team may own"),
            .choice("shape", \.shape, "how a widget looks"),
            .share("share", \.share, "widgets ÷ teams"),
        ]
    }

    @Test func theContractStatesTypeBoundsAndDefault() throws {
        let record = Widgets.contract("widgets", "Widgets.")
        #expect(record.keys == ["limit", "shape", "share"])
        let limit = try #require(record.fields.first)
        #expect(limit.summary == "widgets a team may own (default 7)")
        #expect(!limit.required)
        guard case .integer(let minimum, let maximum) = limit.type else {
            Issue.record("limit is not an integer: \(limit.type)")
            return
        }
        #expect(minimum == 1 && maximum == 99)
        guard case .oneOf(let shapes) = record.fields[1].type else {
            Issue.record("shape is not a choice")
            return
        }
        #expect(shapes == ["round", "square"])
        #expect(record.fields[2].nullable && record.fields[2].summary == "widgets ÷ teams (default 0.5)")
    }

    @Test func aFileSetsEachKeyAndTurnsAShareOff() throws {
        var widgets = Widgets()
        try widgets.read(yaml: "limit: 12\nshape: SQUARE\nshare: null\n")
        #expect(widgets.limit == 12 && widgets.shape == .square && widgets.share == nil)
    }

    @Test(arguments: [
        ("limit: 0\n", "w.yml:1:8: limit must be between 1 and 99, not 0."),
        ("limit: many\n", "w.yml:1:8: limit must be a whole number."),
        ("shape: oval\n", "w.yml:1:8: shape must be round or square, not 'oval'."),
        ("share: 2\n", "w.yml:1:8: share is a share between 0 and 1 (0.05 is 5 %), or null for off; not 2.0."),
        ("colour: red\n", "w.yml:1:1: unknown key 'colour' in the top level; allowed: limit, shape, share."),
    ])
    func aFileIsRefusedWithWhereAndWhat(yaml: String, message: String) {
        var widgets = Widgets()
        let error = #expect(throws: RunError.self) { try widgets.read(yaml: yaml) }
        #expect(error?.status == .configuration)
        #expect(error?.message == message)
    }

    @Test func flagsAreReadByTheSameDeclarationsAndNamed() throws {
        var widgets = Widgets()
        var flags = CommandLineSettings()
        flags.set("limit", flag: "--widget-limit", "40")
        flags.set("shape", flag: "--widget-shape", "square")
        try flags.apply(to: &widgets)
        #expect(widgets.limit == 40 && widgets.shape == .square && widgets.share == 0.5)

        var refused = CommandLineSettings()
        refused.set("limit", flag: "--widget-limit", "100")
        let error = #expect(throws: RunError.self) { try refused.apply(to: &widgets) }
        #expect(error?.status == .usage)
        #expect(error?.message == "--widget-limit must be between 1 and 99, not 100.")
    }

    @Test func aPairFlagWithoutEqualsSaysTheForm() {
        var flags = CommandLineSettings()
        let error = #expect(throws: RunError.self) {
            try flags.set(
                "costs.rates", flag: "--rate", pairs: ["EUR"], split: .first, form: "CODE=RATE", example: "EUR=1.08")
        }
        #expect(error?.message == "--rate 'EUR' is not CODE=RATE (e.g. --rate EUR=1.08).")
    }

    /// Flags beat the config file key by key (a rate map merges), and lists replace.
    @Test func flagsGoOverTheFile() throws {
        var config = try ConfigFile(
            yaml: "costs:\n  rates: {EUR: 1.1, GBP: 1.2}\n  dimensions: [tree, teams]\n", path: "c.yml")
        var flags = CommandLineSettings()
        try flags.set(
            "costs.rates", flag: "--rate", pairs: ["eur=1.5"], split: .first, form: "CODE=RATE", example: "EUR=1.08")
        flags.set("costs.dimensions", flag: "--cost-dimension", list: ["layers"])
        try flags.apply(to: &config)
        #expect(config.costs.rates == ["EUR": ExactDecimal("1.5")!, "GBP": ExactDecimal("1.2")!])
        #expect(config.costs.dimensions == [.layers])
    }

    /// Each key of the pipeline contract is found by its dotted path, so every flag's help comes from it.
    @Test func everyKeyOfThePipelineContractIsFoundByItsPath() {
        func walk(_ record: ContractRecord, _ prefix: String) -> [String] {
            record.fields.flatMap { field -> [String] in
                let key = prefix + field.key
                if case .object(let inner) = field.type { return [key] + walk(inner, key + ".") }
                return [key]
            }
        }
        let keys = walk(PipelineFile.contract, "")
        #expect(keys.count > 80)
        for key in keys { #expect(PipelineFile.field(at: key)?.key == key.split(separator: ".").last.map(String.init)) }
        #expect(
            PipelineFile.field(at: "thresholds.org_layer")?.summary
                == "the layer of the org heads, the directors (default 2)")
    }
}

extension SettingsGroup {
    fileprivate mutating func read(yaml: String) throws(RunError) {
        let reader = NodeReader(path: "w.yml")
        guard let node = try reader.compose(yaml) else { return }
        try read(node, at: nil, reader: reader)
    }
}
