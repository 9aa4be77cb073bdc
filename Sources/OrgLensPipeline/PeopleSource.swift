package import OrgLensCSV
import OrgLensModel
package import OrgLensSettings
package import OrgLensStage
import OrgLensXML

/// The people export and how to read it.
package typealias PeopleSource = ExportSource<PersonField>

/// One export read in either format (people, positions) and how to read it.
package struct ExportSource<Field: CanonicalField>: Sendable {
    package var path: String
    package var format: SourceFormat
    /// CSV: header renames. XML: field → selector overrides. Both come from `--map FIELD=…`.
    package var mapping: ColumnMapping<Field>
    package var dialect: CSVDialect
    /// XML: a preset record mapping (`workday-report`, `bamboohr-directory`).
    package var xmlPreset: String?
    /// XML: the record element, for files no preset describes (or to override the preset's).
    package var xmlRecordElement: String?

    package init(
        path: String, format: SourceFormat? = nil, mapping: ColumnMapping<Field> = ColumnMapping(),
        dialect: CSVDialect = CSVDialect(), xmlPreset: String? = nil, xmlRecordElement: String? = nil
    ) {
        self.path = path
        self.format = format ?? SourceFormat.inferred(fromPath: path)
        self.mapping = mapping
        self.dialect = dialect
        self.xmlPreset = xmlPreset
        self.xmlRecordElement = xmlRecordElement
    }
}

typealias PeopleSourceReader = ExportSourceReader<PersonField>

/// Reads an `ExportSource` with the reader its format needs; both give the same `RawTable` shape.
struct ExportSourceReader<Field: CanonicalField> {
    private enum Reader {
        case csv(CSVReader)
        case xml(XMLReader)
    }

    private let reader: Reader
    private let source: ExportSource<Field>

    init(_ source: ExportSource<Field>, maxKeptRejections: Int = CSVLimits().maxKeptRejections) throws(RunError) {
        self.source = source
        switch source.format {
        case .csv:
            var limits = CSVLimits()
            limits.maxKeptRejections = maxKeptRejections
            reader = .csv(CSVReader(path: source.path, dialect: source.dialect, limits: limits))
        case .xml:
            reader = .xml(XMLReader(path: source.path, mapping: try Self.xmlMapping(for: source)))
        }
    }

    func read(_ fields: [Field], workers: Int) throws(RunError) -> RawTable {
        let names = fields.map(\.rawValue)
        let identifier = Field.allCases.first!.rawValue
        switch reader {
        case .csv(let csv):
            // A field mapped to several columns reads each, then joins them (`; `) into the field's one column.
            let extra = fields.flatMap { field in
                (source.mapping.extraColumns[field] ?? []).indices.map { "\(field.rawValue)#\($0)" }
            }
            let table = try csv.read(fields: names + extra, identifierField: identifier, workers: workers) {
                header throws(RunError) in
                try source.mapping.resolve(fields, header: header, source: source.path)
                    + source.mapping.resolveExtras(fields, header: header, source: source.path)
            }
            return extra.isEmpty ? table : Self.joiningExtraColumns(table, fields: names)
        case .xml(let xml):
            return try xml.read(fields: names, identifierField: identifier, workers: workers)
        }
    }

    /// `table` with each `field#k` column's values joined to `field`'s, and only `fields` kept.
    static func joiningExtraColumns(_ table: RawTable, fields: [String]) -> RawTable {
        var joined = RawTable(
            source: table.source, fields: fields, columns: Array(table.columns.prefix(fields.count)), file: table.file)
        joined.lines = table.lines
        joined.rejections = table.rejections
        joined.rejectionsNotKept = table.rejectionsNotKept
        joined.rowsRead = table.rowsRead
        for (index, field) in fields.enumerated() {
            let parts = table.fields.indices.filter { table.fields[$0].hasPrefix(field + "#") }
            guard !parts.isEmpty else { continue }
            var column = TextColumn()
            for record in 0..<table.recordCount {
                let values = ([index] + parts).compactMap { table.columns[$0]?.trimmedString(at: record) }
                    .filter { !$0.isEmpty }
                column.append(Array(values.joined(separator: "; ").utf8))
            }
            joined.columns[index] = column
        }
        return joined
    }

    func rawRecords(startingOnLines lines: Set<Int>) throws(RunError) -> [Int: String] {
        switch reader {
        case .csv(let csv): try csv.rawRecords(startingOnLines: lines)
        case .xml(let xml): try xml.rawRecords(startingOnLines: lines)
        }
    }

    /// A preset, or a generic mapping (each field from a child of its own name), then `--map` overrides.
    static func xmlMapping(for source: ExportSource<Field>) throws(RunError) -> XMLRecordMapping {
        var mapping: XMLRecordMapping
        if let preset = source.xmlPreset {
            mapping = try XMLExportLayout.mapping(named: preset)
        } else if let record = source.xmlRecordElement {
            mapping = try XMLRecordMapping.generic(recordElement: record, fields: Field.allCases.map(\.rawValue))
        } else {
            throw RunError(
                .usage,
                "\(source.path): XML needs a preset (\(XMLExportLayout.names.joined(separator: ", "))) or the element that holds one record (--preset / --record, or the source's preset / record keys in a pipeline file)."
            )
        }
        if let record = source.xmlRecordElement { mapping.recordElement = record }
        var overrides: [String: String] = [:]
        for (field, selector) in source.mapping.overrides { overrides[field.rawValue] = selector }
        return try mapping.overriding(overrides)
    }
}
