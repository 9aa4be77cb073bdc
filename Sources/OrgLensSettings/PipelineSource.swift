import Foundation
package import OrgLensCSV
import OrgLensContract
package import OrgLensModel
package import OrgLensStage
import Yams

/// The formats an export can come in.
package enum SourceFormat: String, SettingChoice {
    case csv, xml

    /// `.xml` files are XML; everything else is read as CSV unless the user says otherwise.
    package static func inferred(fromPath path: String) -> SourceFormat {
        path.lowercased().hasSuffix(".xml") ? .xml : .csv
    }
}

extension ManagerReference: SettingChoice {}
extension UInt8: SettingValue {
    package typealias Value = UInt8
    package var shownDefault: String? { String(UnicodeScalar(self)) }
}
extension TextEncoding: SettingValue {
    package typealias Value = TextEncoding
    package var shownDefault: String? { rawValue }
}

extension DateFormat: SettingChoice {}
extension PayFormat.DecimalMark: SettingChoice {}
extension PayPeriod: SettingChoice {}
extension StatusClass: SettingChoice {}

/// What a status word means: a person's (`active`, `leave`, `inactive`, `pending`) in a people export, a
/// position's (`open`, `offer`, `filled`, `closed`) in a positions export. One `status_map` key serves both.
package enum StatusMeaning: String, SettingChoice {
    case active, leave, inactive, pending, open, offer, filled, closed

    var person: StatusClass? { StatusClass(rawValue: rawValue) }
    var position: PositionStatus? { PositionStatus(rawValue: rawValue) }
}
extension WorkerClass: SettingChoice {}

extension PipelineFile {
    /// One source as the user described it: its keys over its preset's. `analyze` fills one from its flags.
    package struct Source: SettingsGroup {
        package var path = ""
        package var format: SourceFormat?
        package var preset: String?
        /// The user's own map: a column named here must exist.
        package var map: [String: String] = [:]
        /// The preset's map, each field with the column names it may have: used where the export has one.
        package var presetMap: [String: [String]] = [:]
        package var managerRef = ManagerReference.auto
        package var delimiter: UInt8?
        package var encoding = TextEncoding.auto
        package var rootMarkers: [String] = []
        package var record: String?
        package var inactiveStatuses: [String]?
        package var description: String?
        package var dateFormat = DateFormat.iso
        package var payFormat = PayFormatSettings()
        package var payPeriod = PayPeriod.annual
        package var hoursPerYear = 2080
        package var statusMap: [String: StatusMeaning] = [:]
        package var employmentTypeMap: [String: WorkerClass] = [:]
        /// Where messages say a setting lives: `sources.people` in a pipeline file, nil for `analyze`'s flags.
        package var key: String?

        package init() {}

        package init(path: String, key: String? = nil) {
            self.path = path
            self.key = key
        }

        // The preset is read first, so that each key of the source's own beats the preset's.
        package static let settings: [Setting<Source>] = [
            Setting(field: ContractField("path", .string(), "the file, relative to the pipeline file")) {
                source, node, reader, place throws(RunError) in
                let text = try reader.string(node, at: place)!
                source.path = PipelineFile.resolve(text, base: reader.base)
                source.key = reader.isFile ? String(place.dropLast(".path".count)) : nil
            },
            Setting(
                field: ContractField("preset", .string(), "a built-in preset (orglens presets) or presets/NAME.yml")
                    .optional
            ) { source, node, reader, place throws(RunError) in
                let name = try reader.string(node, at: place)!
                try source.apply(
                    preset: try PresetCatalog.find(
                        name, besideDirectory: reader.isFile ? reader.base : nil, status: reader.status))
            },
            .choice("format", \.format, "csv or xml (default: xml for .xml files, else csv)"),
            .map(
                "map", \.map, .anyOf([.string(), .strings]),
                "canonical field → the export's column (CSV) or selector (XML); a list of CSV columns joins their values (dotted_manager_ids: [Matrix 1, Matrix 2])"
            ) { field, node, reader, place throws(RunError) in
                if let fields = fields(at: place), !fields.contains(field) {
                    throw reader.fail(
                        node,
                        "unknown field '\(field)' in \(reader.name(place)); fields are: \(fields.joined(separator: ", "))"
                    )
                }
                if case .sequence = node {
                    let columns = try reader.strings(node, at: "\(place).\(field)")!
                    guard !columns.isEmpty else {
                        throw reader.fail(node, "\(reader.name(place)).\(field) names no column")
                    }
                    return (field, columns.joined(separator: Self.columnSeparator))
                }
                return (field, try reader.string(node, at: "\(place).\(field)")!)
            },
            .choice(
                "manager_ref", \.managerRef,
                "what the manager column holds: auto decides from the values; names match case-insensitively, 'Last, First' too"
            ),
            .value(
                "delimiter", \.delimiter, .string(),
                "the CSV delimiter: one ASCII character or tab (default: detected from the header line)"
            ) { node, reader, place throws(RunError) in
                let text = try reader.string(node, at: place)!
                guard let byte = DialectText.delimiter(text) else {
                    throw reader.fail(node, "\(reader.name(place)) '\(text)' must be one ASCII character or 'tab'")
                }
                return byte
            },
            .value(
                "encoding", \.encoding, .string(),
                "utf-8, windows-1252, utf-16 (with BOM) or auto: UTF-8 when the file is valid UTF-8, else windows-1252"
            ) { node, reader, place throws(RunError) in
                let text = try reader.string(node, at: place)!
                guard let encoding = TextEncoding(name: text) else {
                    throw reader.fail(
                        node, "\(reader.name(place)) '\(text)' is not supported; use utf-8, windows-1252 or utf-16")
                }
                return encoding
            },
            .texts("root_markers", \.rootMarkers, "manager values that mean no manager (XX, N/A, 0)"),
            .text("record", \.record, "XML: the element holding one record, for files no preset describes"),
            .texts(
                "inactive_statuses", \.inactiveStatuses,
                "statuses that leave a person out; replaces the built-in list (terminated, inactive, pending-start)"),
            .text("description", \.description, "free text"),
            .choice(
                "date_format", \.dateFormat,
                "how dates are written: with /, . or -; auto decides from the column "),
            .group("pay_format", \.payFormat, "how pay is written"),
            .choice("pay_period", \.payPeriod, "what a pay value is per when it does not say"),
            .integer(
                "hours_per_year", \.hoursPerYear, minimum: 1, maximum: 8784,
                "hours that make an hourly rate annual"),
            .choiceMap(
                "status_map", \.statusMap,
                "export status → what it means: active, leave, inactive or pending for people; open, offer, filled or closed for positions"
            ),
            .choiceMap("employment_type_map", \.employmentTypeMap, "export worker type → employee or contractor"),
        ]

        /// Applies a preset's keys; the user's keys, applied after, win.
        package mutating func apply(preset: PresetCatalog.Found) throws(RunError) {
            self.preset = preset.name
            let reader = NodeReader(path: preset.origin)
            guard let node = try reader.compose(preset.text) else { return }
            let own = Self.settings.filter { !["path", "preset"].contains($0.key) }
            let keys = try reader.mapping(node, at: "the preset", allowed: own.map(\.key))
            // A preset's map gives each field the column names it may have, in order of preference.
            if let mapNode = keys["map"] {
                for (field, columns) in try reader.anyMapping(mapNode, at: "the preset's map") {
                    if case .sequence = columns {
                        presetMap[field] = try reader.strings(columns, at: "the preset's map.\(field)")
                    } else if let column = try reader.string(columns, at: "the preset's map.\(field)") {
                        presetMap[field] = [column]
                    }
                }
            }
            try read(
                node, at: "the preset", reader: reader, settings: own.filter { $0.key != "map" },
                allowed: own.map(\.key))
        }

        /// The canonical fields of the source at `place` (nil for a preset, whose kind is not known yet).
        private static func fields(at place: String) -> [String]? {
            switch place {
            case "sources.people.map": PersonField.allCases.map(\.rawValue)
            case "sources.teams.map": TeamField.allCases.map(\.rawValue)
            case "sources.services.map": ServiceField.allCases.map(\.rawValue)
            case "sources.dependencies.map": DependencyField.allCases.map(\.rawValue)
            case "sources.positions.map": PositionField.allCases.map(\.rawValue)
            default: nil
            }
        }

        /// Refuses a status word mapped to the other kind's meaning (a person's status to `open`).
        package func checkStatusMap(positions: Bool) throws(RunError) {
            let wrong = statusMap.filter { positions ? $0.value.position == nil : $0.value.person == nil }
            guard let (word, meaning) = wrong.min(by: { $0.key < $1.key }) else { return }
            let allowed = positions ? "open, offer, filled or closed" : "active, leave, inactive or pending"
            throw RunError(
                key == nil ? .usage : .configuration,
                "\(key.map { "\($0).status_map" } ?? "--status-map"): '\(word)' is mapped to \(meaning.rawValue), which is not a \(positions ? "position's" : "person's") status; use \(allowed)."
            )
        }

        /// Between the columns of a map to a list, inside `map`'s one text per field (no header holds it).
        static let columnSeparator = "\u{1F}"

        /// How a CSV source is written.
        package var dialect: CSVDialect { CSVDialect(delimiter: delimiter, encoding: encoding) }

        /// How this source writes its values, for staging.
        package func values() -> SourceValues {
            var values = SourceValues()
            values.dateFormat = dateFormat
            values.payFormat = PayFormat(
                decimal: payFormat.decimal, grouping: payFormat.grouping.map { Array($0) },
                symbols: payFormat.symbols)
            values.payPeriod = payPeriod
            values.hoursPerYear = Int64(hoursPerYear)
            values.statuses = ValueVocabulary(statusMap.compactMapValues(\.person))
            values.positionStatuses = ValueVocabulary(statusMap.compactMapValues(\.position))
            values.employmentTypes = ValueVocabulary(employmentTypeMap)
            return values
        }

        /// The column mapping: the user's map as overrides, the preset's as suggestions.
        package func mapping<Field: CanonicalField>(as _: Field.Type) throws(RunError) -> ColumnMapping<Field> {
            var overrides: [Field: String] = [:]
            var extra: [Field: [String]] = [:]
            for (name, columns) in map {
                let parts = columns.components(separatedBy: Self.columnSeparator)
                let column = parts[0]
                guard let field = Field(rawValue: name) else {
                    throw RunError(
                        key == nil ? .usage : .configuration,
                        "\(key.map { "\($0).map" } ?? Field.mapOption): unknown field '\(name)'; fields are: \(Field.allCases.map(\.rawValue).joined(separator: ", "))."
                    )
                }
                overrides[field] = column
                if parts.count > 1 { extra[field] = Array(parts.dropFirst()) }
            }
            var mapping = ColumnMapping<Field>(overrides: overrides)
            mapping.extraColumns = extra
            for (field, columns) in presetMap {
                if let field = Field(rawValue: field) { mapping.suggestions[field] = columns }
            }
            mapping.presetName = preset
            mapping.pipelineKey = key.map { "\($0).map" }
            return mapping
        }
    }

    package struct PayFormatSettings: SettingsGroup, Hashable {
        package var decimal = PayFormat.DecimalMark.auto
        package var grouping: String?
        package var symbols: [String: String] = [:]

        package init() {}

        package static let settings: [Setting<PayFormatSettings>] = [
            .choice("decimal", \.decimal, "the decimal mark"),
            .text("grouping", \.grouping, "the digit-grouping character"),
            .map("symbols", \.symbols, .string(), "currency symbol → ISO code") {
                symbol, node, reader, place throws(RunError) in
                (symbol, try reader.string(node, at: "\(place).\(symbol)")!.uppercased())
            },
        ]
    }
}
