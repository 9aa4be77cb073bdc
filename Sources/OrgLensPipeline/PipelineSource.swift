import Foundation
import OrgLensContract
public import OrgLensModel
public import OrgLensStage
import Yams

extension PipelineFile {
    /// One source as the user described it: its keys over its preset's. `analyze` fills one from its flags.
    public struct Source: Sendable {
        public var path: String
        public var format: String?
        public var preset: String?
        /// The user's own map: a column named here must exist.
        public var map: [String: String] = [:]
        /// The preset's map, each field with the column names it may have: used where the export has one.
        public var presetMap: [String: [String]] = [:]
        public var managerRef = "auto"
        public var delimiter: String?
        public var encoding: String?
        public var rootMarkers: [String] = []
        public var record: String?
        public var inactiveStatuses: [String]?
        public var dateFormat: String?
        public var payDecimal: String?
        public var payGrouping: String?
        public var paySymbols: [String: String] = [:]
        public var payPeriod: String?
        public var hoursPerYear: Int?
        public var statusMap: [String: String] = [:]
        public var employmentTypeMap: [String: String] = [:]
        /// Where messages say a setting lives: `sources.people` in a pipeline file, nil for `analyze`'s flags.
        public var key: String?

        public init(path: String, key: String? = nil) {
            self.path = path
            self.key = key
        }

        static let keys = PipelineFile.source.keys

        /// A source's keys over its preset's (`presets/<name>.yml` beside the pipeline file, else built in).
        static func parse(_ node: Node, at place: String, base: String, reader: NodeReader) throws(RunError) -> Source {
            let keys = try reader.mapping(node, at: place, allowed: Self.keys)
            guard let path = try reader.string(keys["path"], at: "\(place).path") else {
                throw RunError(.configuration, "\(reader.path): missing key '\(place).path'.")
            }
            var source = Source(path: PipelineFile.resolve(path, base: base), key: place)
            if let preset = try reader.string(keys["preset"], at: "\(place).preset") {
                try source.apply(preset: try PresetCatalog.find(preset, besideDirectory: base))
            }
            try source.apply(keys, at: place, reader: reader)
            return source
        }

        /// Applies a preset's keys; the user's keys, applied after, win.
        public mutating func apply(preset: PresetCatalog.Found) throws(RunError) {
            self.preset = preset.name
            let reader = NodeReader(path: preset.origin)
            guard let node = try reader.compose(preset.text) else { return }
            let keys = try reader.mapping(
                node, at: "the preset", allowed: Self.keys.filter { $0 != "path" && $0 != "preset" })
            if let mapNode = keys["map"] {
                for (field, columns) in try reader.anyMapping(mapNode, at: "the preset's map") {
                    if case .sequence = columns {
                        presetMap[field] = try reader.strings(columns, at: "the preset's map.\(field)")
                    } else if let column = try reader.string(columns, at: "the preset's map.\(field)") {
                        presetMap[field] = [column]
                    }
                }
            }
            try apply(keys.filter { $0.key != "map" }, at: "the preset", reader: reader)
        }

        private mutating func apply(_ keys: [String: Node], at place: String, reader: NodeReader) throws(RunError) {
            if let format = try reader.string(keys["format"], at: "\(place).format") { self.format = format }
            if let mapNode = keys["map"], case .mapping(let pairs) = mapNode {
                let fields = Self.fields(at: place)
                for (fieldNode, column) in pairs {
                    let field = fieldNode.scalar?.string ?? ""
                    if let fields, !fields.contains(field) {
                        throw reader.fail(
                            fieldNode,
                            "unknown field '\(field)' in \(place).map; fields are: \(fields.joined(separator: ", "))")
                    }
                    map[field] = try reader.string(column, at: "\(place).map.\(field)")
                }
            } else if let mapNode = keys["map"] {
                _ = try reader.anyMapping(mapNode, at: "\(place).map")
            }
            if let reference = try reader.string(keys["manager_ref"], at: "\(place).manager_ref") {
                guard ManagerReference(rawValue: reference) != nil else {
                    throw RunError(
                        .configuration,
                        "\(reader.path): \(place).manager_ref must be auto, id, email or name, not '\(reference)'.")
                }
                managerRef = reference
            }
            if let delimiter = try reader.string(keys["delimiter"], at: "\(place).delimiter") {
                self.delimiter = delimiter
            }
            if let encoding = try reader.string(keys["encoding"], at: "\(place).encoding") { self.encoding = encoding }
            if let markers = try reader.strings(keys["root_markers"], at: "\(place).root_markers") {
                rootMarkers = markers
            }
            if let record = try reader.string(keys["record"], at: "\(place).record") { self.record = record }
            if let statuses = try reader.strings(keys["inactive_statuses"], at: "\(place).inactive_statuses") {
                inactiveStatuses = statuses
            }
            if let format = try reader.string(keys["date_format"], at: "\(place).date_format") {
                guard DateFormat(rawValue: format) != nil else {
                    throw RunError(
                        .configuration,
                        "\(reader.path): \(place).date_format must be one of \(DateFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(format)'."
                    )
                }
                dateFormat = format
            }
            if let payNode = keys["pay_format"] {
                let pay = try reader.mapping(
                    payNode, at: "\(place).pay_format", allowed: PipelineFile.payFormat.keys)
                if let decimal = try reader.string(pay["decimal"], at: "\(place).pay_format.decimal") {
                    guard PayFormat.DecimalMark(rawValue: decimal) != nil else {
                        throw RunError(
                            .configuration,
                            "\(reader.path): \(place).pay_format.decimal must be \".\", \",\" or auto, not '\(decimal)'."
                        )
                    }
                    payDecimal = decimal
                }
                payGrouping = try reader.string(pay["grouping"], at: "\(place).pay_format.grouping") ?? payGrouping
                if let symbols = pay["symbols"] {
                    for (symbol, code) in try reader.anyMapping(symbols, at: "\(place).pay_format.symbols") {
                        paySymbols[symbol] = try reader.string(code, at: "\(place).pay_format.symbols.\(symbol)")?
                            .uppercased()
                    }
                }
            }
            if let period = try reader.string(keys["pay_period"], at: "\(place).pay_period") {
                guard PayPeriod(rawValue: period) != nil else {
                    throw RunError(
                        .configuration,
                        "\(reader.path): \(place).pay_period must be annual, monthly or hourly, not '\(period)'.")
                }
                payPeriod = period
            }
            if let hours = try reader.int(keys["hours_per_year"], at: "\(place).hours_per_year") {
                guard hours > 0, hours <= 8784 else {
                    throw RunError(
                        .configuration, "\(reader.path): \(place).hours_per_year must be between 1 and 8784.")
                }
                hoursPerYear = hours
            }
            try readVocabulary(
                keys["status_map"], at: "\(place).status_map", reader: reader, into: &statusMap,
                meanings: StatusClass.allCases.map(\.rawValue))
            try readVocabulary(
                keys["employment_type_map"], at: "\(place).employment_type_map", reader: reader,
                into: &employmentTypeMap,
                meanings: WorkerClass.allCases.map(\.rawValue))
        }

        /// The canonical fields of the source at `place` (nil for a preset, whose kind is not known yet).
        private static func fields(at place: String) -> [String]? {
            switch place {
            case "sources.people": PersonField.allCases.map(\.rawValue)
            case "sources.teams": TeamField.allCases.map(\.rawValue)
            case "sources.services": ServiceField.allCases.map(\.rawValue)
            case "sources.dependencies": DependencyField.allCases.map(\.rawValue)
            default: nil
            }
        }

        private func readVocabulary(
            _ node: Node?, at place: String, reader: NodeReader, into map: inout [String: String], meanings: [String]
        ) throws(RunError) {
            guard let node else { return }
            for (value, meaningNode) in try reader.anyMapping(node, at: place) {
                guard let meaning = try reader.string(meaningNode, at: "\(place).\(value)")?.lowercased(),
                    meanings.contains(meaning)
                else {
                    throw RunError(
                        .configuration,
                        "\(reader.path): \(place).\(value) must be one of \(meanings.joined(separator: ", ")).")
                }
                map[value] = meaning
            }
        }

        /// How this source writes its values, for staging.
        public func values() -> SourceValues {
            var values = SourceValues()
            values.dateFormat = dateFormat.flatMap(DateFormat.init(rawValue:)) ?? .iso
            values.payFormat = PayFormat(
                decimal: payDecimal.flatMap(PayFormat.DecimalMark.init(rawValue:)) ?? .auto,
                grouping: payGrouping.map { Array($0) }, symbols: paySymbols)
            values.payPeriod = payPeriod.flatMap(PayPeriod.init(rawValue:)) ?? .annual
            values.hoursPerYear = Int64(hoursPerYear ?? 2080)
            values.statuses = ValueVocabulary(statusMap.compactMapValues(StatusClass.init(rawValue:)))
            values.employmentTypes = ValueVocabulary(employmentTypeMap.compactMapValues(WorkerClass.init(rawValue:)))
            return values
        }

        /// The column mapping: the user's map as overrides, the preset's as suggestions.
        func mapping<Field: CanonicalField>(as _: Field.Type) throws(RunError) -> ColumnMapping<Field> {
            var mapping: ColumnMapping<Field>
            do {
                mapping = try ColumnMapping<Field>(
                    pairs: map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            } catch {
                guard let key else { throw error }
                let unknown = map.keys.sorted().first { Field(rawValue: $0) == nil } ?? ""
                throw RunError(
                    .configuration,
                    "\(key).map: unknown field '\(unknown)'; fields are: \(Field.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            for (field, columns) in presetMap {
                if let field = Field(rawValue: field) { mapping.suggestions[field] = columns }
            }
            mapping.presetName = preset
            mapping.pipelineKey = key.map { "\($0).map" }
            return mapping
        }
    }
}
