import OrgLensModel

/// The part of a people table one stream (the whole file, or one parallel chunk) produced. Lines are
/// relative to the stream's first line until the reader makes them absolute.
struct PartialTable {
    var columns: [TextColumn]
    var lines: [Int] = []
    var rejections: [Rejection] = []
    var rowsRead = 0
    /// Rejected rows past `CSVLimits.maxKeptRejections`: counted, not kept.
    var rejectionsNotKept = 0
    /// The record that would have taken a column past `CSVLimits.maxColumnBytes` (reading stopped there).
    var overflow: ColumnOverflow?
}

/// A column that cannot take the next record: the source is refused.
struct ColumnOverflow: Sendable {
    let field: String
    /// Chunk-relative, like every line of a `PartialTable`.
    let line: Int

    func error(source: String, lineBase: Int, limit: Int) -> RunError {
        .columnTooLarge(source: source, field: field, line: line + lineBase, limit: limit)
    }
}

/// Turns scanned data records into columns: each record is checked (flaws found by the scan,
/// quoting, field count, encoding) and either appended to the selected columns or rejected.
struct RecordAssembler {
    private let layout: HeaderLayout
    private let limits: CSVLimits
    private let splitter: FieldSplitter
    private var lines: [Int] = []
    private var rejections: [Rejection] = []
    private var rejectionsNotKept = 0
    /// One string per distinct field-count message: a million bad rows share a handful.
    private var rowsRead = 0
    /// Bytes of the records split so far: no column holds more, so columns are measured only past the limit.
    private var splitBytes = 0
    /// Set when a record would take a column past `limits.maxColumnBytes`; that record is not added and the
    /// reader stops.
    private(set) var overflow: ColumnOverflow?
    private let delimiter: UInt8

    /// `expectedBytes`: how much of the file this assembler may see, to size its columns once.
    init(layout: HeaderLayout, delimiter: UInt8, limits: CSVLimits, expectedBytes: Int = 0) {
        self.layout = layout
        self.delimiter = delimiter
        self.limits = limits
        splitter = FieldSplitter(delimiter: delimiter, target: layout.target, columnCount: layout.fields.count)
        if expectedBytes > 0 {
            // Upper bounds: a row has at least one byte per field, a column at most every byte. Only
            // the pages actually filled become resident, so reserving generously costs address space,
            // not memory, and spares the copy-and-double growth of the largest arrays in the run.
            let rows = expectedBytes / max(1, layout.headerCount) + 1
            splitter.reserve(values: rows, bytes: expectedBytes)
            lines.reserveCapacity(rows)
        }
    }

    mutating func add(_ record: ScannedRecord) {
        rowsRead += 1
        if let flaw = record.flaw {
            let (message, numbers) = Self.message(for: flaw, limits: limits)
            reject(record, message: message, numbers: numbers, identifier: readableIdentifier(record.bytes))
            return
        }
        // Every accepted row adds one value to each column the header has, so the row's own values
        // are those past `accepted` (columns the header lacks stay empty).
        let accepted = lines.count
        if splitBytes + record.bytes.count > limits.maxColumnBytes,
            let column = splitter.column(over: limits.maxColumnBytes - record.bytes.count)
        {
            overflow = ColumnOverflow(field: layout.fields[column], line: record.line)
            return
        }
        splitBytes += record.bytes.count
        let outcome = splitter.split(record.bytes)
        let identifier = layout.identifierColumn.flatMap { splitter.lastValue(inColumn: $0, ifCountExceeds: accepted) }
        switch outcome {
        case .fields(let count) where count != layout.headerCount:
            splitter.truncate(toCount: accepted)
            reject(record, message: .fieldCount, numbers: [layout.headerCount, count], identifier: identifier)
        case .fields:
            if record.format.needsUTF8Validation, !UTF8Validation.isValid(record.bytes) {
                splitter.truncate(toCount: accepted)
                reject(record, message: .invalidUTF8, identifier: identifier)
                return
            }
            lines.append(record.line)
        case .badQuoting(let offset, let reason):
            splitter.truncate(toCount: accepted)
            reject(
                record, message: .badQuoting(reason), numbers: [offset + 1],
                identifier: readableIdentifier(record.bytes))
        case .unterminatedQuote:
            splitter.truncate(toCount: accepted)
            reject(record, message: .unterminatedQuote, identifier: readableIdentifier(record.bytes))
        }
    }

    func finish() -> PartialTable {
        PartialTable(
            columns: splitter.takeColumns(), lines: lines, rejections: rejections, rowsRead: rowsRead,
            rejectionsNotKept: rejectionsNotKept, overflow: overflow)
    }

    /// The id of a row that could not be split, when nothing before its end is quoted: those fields split as
    /// written, so the quarantine can still say whose row it was.
    private func readableIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let column = layout.identifierHeaderColumn else { return nil }
        var field = 0
        var start = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : delimiter
            if byte == UInt8(ascii: "\"") { return nil }
            guard byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
            if field == column {
                var range = start..<index
                while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 {
                    range = range.dropFirst()
                }
                while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
                return range.isEmpty
                    ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            guard byte == delimiter else { return nil }
            field += 1
            start = index + 1
        }
        return nil
    }

    private mutating func reject(
        _ record: ScannedRecord, message: RuleMessage, numbers: MessageNumbers = [], identifier: String?
    ) {
        guard rejections.count < limits.maxKeptRejections else {
            rejectionsNotKept += 1
            return
        }
        let raw = String(
            decoding: UnsafeBufferPointer(rebasing: record.bytes.prefix(limits.maxRawBytes)), as: UTF8.self)
        rejections.append(
            Rejection(
                source: layout.source, line: record.line, rule: .rowMalformed, message: message, numbers: numbers,
                employeeID: identifier ?? "", record: nil, raw: raw))
    }

    private static func message(for flaw: RecordFlaw, limits: CSVLimits) -> (RuleMessage, MessageNumbers) {
        switch flaw {
        case .strayQuote: (.strayQuote, [])
        case .nulByte: (.nulByte, [])
        case .fieldTooLong: (.fieldTooLong, [limits.maxFieldBytes])
        case .recordTooLong: (.recordTooLong, [limits.maxRecordBytes])
        }
    }
}

/// What the header line says: how many fields a row has, and where each requested field sits.
struct HeaderLayout: Sendable {
    let source: String
    let fields: [String]
    let headerCount: Int
    /// Header column → requested-field index, or -1.
    let target: [Int32]
    /// Requested-field index of the identifier copied into rejections.
    let identifierColumn: Int?
    /// Header column of the identifier.
    let identifierHeaderColumn: Int?
    let present: [Bool]
    /// Requested fields mapped to a header column another field already takes: (field, copy of field).
    let aliases: [(field: Int, source: Int)]

    init(source: String, fields: [String], identifierField: String, header: [String], selection: [Int?]) {
        precondition(selection.count == fields.count, "select must answer for every requested field")
        self.source = source
        self.fields = fields
        headerCount = header.count
        var target = [Int32](repeating: -1, count: header.count)
        var aliases: [(Int, Int)] = []
        for (field, column) in selection.enumerated() {
            guard let column else { continue }
            if target[column] < 0 {
                target[column] = Int32(field)
            } else {
                aliases.append((field, Int(target[column])))
            }
        }
        self.target = target
        self.aliases = aliases
        identifierColumn = fields.firstIndex(of: identifierField).flatMap { selection[$0] == nil ? nil : $0 }
        identifierHeaderColumn = identifierColumn.flatMap { selection[$0] }
        present = selection.map { $0 != nil }
    }
}

extension RuleMessage {
    static let fieldCount: RuleMessage = "expected \(.number(0)) fields as in the header, found \(.number(1))"
    /// What a row that is not UTF-8 is quarantined with (an `encoding: auto` read looks for it).
    static let invalidUTF8: RuleMessage =
        "the row is not valid UTF-8; if the export is windows-1252, set the encoding to windows-1252 (or auto)"
    static let unterminatedQuote: RuleMessage = "a quoted field is never closed"
    static let strayQuote: RuleMessage =
        "bad quoting: a '\"' inside an unquoted field or right after a closing quote; quote the whole field and double any quote inside it"
    static let nulByte: RuleMessage =
        "the row contains a NUL byte; the export is corrupt or in another encoding (try --encoding)"
    static let fieldTooLong: RuleMessage = "a field is longer than \(.number(0)) bytes"
    static let recordTooLong: RuleMessage = "the row is longer than \(.number(0)) bytes"

    /// `reason` is libcsv's own description of the error, never text from the row.
    static func badQuoting(_ reason: String) -> RuleMessage {
        "bad quoting near byte \(.number(0)) of the row (\(vocabulary: reason)); quote the whole field and double any quote inside it"
    }
}
