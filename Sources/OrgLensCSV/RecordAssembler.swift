import OrgLensModel

/// Turns scanned records into a `RawTable`: the first record is the header, every later one is
/// split, checked (field count, encoding) and either appended to the selected columns or rejected.
struct RecordAssembler {
    private let source: String
    private let fields: [String]
    private let identifierField: String
    private let limits: CSVLimits
    private var splitter: FieldSplitter?
    private var header: [String]?
    /// For each requested field, the header column holding it.
    private var selection: [Int?] = []
    private var columns: [TextColumn?] = []
    private var lines: [Int] = []
    private var rejections: [Rejection] = []
    private var rowsRead = 0

    init(source: String, fields: [String], identifierField: String, limits: CSVLimits) {
        self.source = source
        self.fields = fields
        self.identifierField = identifierField
        self.limits = limits
    }

    mutating func add(_ record: ScannedRecord, select: ([String]) throws(RunError) -> [Int?]) throws(RunError) {
        let splitter = self.splitter ?? FieldSplitter(delimiter: record.format.delimiter)
        self.splitter = splitter
        guard let header else {
            try readHeader(record, splitter: splitter, select: select)
            return
        }
        rowsRead += 1
        if let flaw = record.flaw {
            reject(record, message: Self.message(for: flaw, limits: limits))
            return
        }
        switch splitter.split(record.bytes) {
        case .fields:
            break
        case .badQuoting(let offset, let reason):
            reject(record, message: "bad quoting near byte \(offset + 1) of the row (\(reason)); quote the whole field and double any quote inside it")
            return
        case .unterminatedQuote:
            reject(record, message: "a quoted field is never closed")
            return
        }
        let parsed = splitter.fields
        guard parsed.count == header.count else {
            let found = parsed.count
            reject(record, message: "expected \(header.count) fields as in the header, found \(found)", fields: parsed)
            return
        }
        if record.format.needsUTF8Validation, !UTF8Validation.isValid(record.bytes) {
            reject(record, message: "the row is not valid UTF-8; if the export is windows-1252, pass --encoding windows-1252", fields: parsed)
            return
        }
        for index in selection.indices {
            guard let column = selection[index] else { continue }
            columns[index]!.append(parsed.bytes[parsed.range(column)])
        }
        lines.append(record.line)
    }

    func finish(file: SourceFileInfo) throws(RunError) -> RawTable {
        guard header != nil else {
            throw RunError(.badData, "\(source): the file is empty; expected a header line naming the columns (e.g. employee_id,manager_id,…).")
        }
        var table = RawTable(source: source, fields: fields, columns: columns, file: file)
        table.lines = lines
        table.rejections = rejections
        table.rowsRead = rowsRead
        return table
    }

    private mutating func readHeader(
        _ record: ScannedRecord, splitter: FieldSplitter, select: ([String]) throws(RunError) -> [Int?]
    ) throws(RunError) {
        guard record.flaw == nil, splitter.split(record.bytes) == .fields else {
            throw RunError(.badData, "\(source):\(record.line): the header line is not valid CSV (bad quoting or an over-long name); fix the export's first line.")
        }
        let parsed = splitter.fields
        let names = (0..<parsed.count).map { index in
            String(decoding: parsed.bytes[parsed.range(index)], as: UTF8.self)
                .trimmingSpaces()
        }
        selection = try select(names)
        precondition(selection.count == fields.count, "select must answer for every requested field")
        columns = selection.map { $0 == nil ? nil : TextColumn() }
        header = names
    }

    private mutating func reject(_ record: ScannedRecord, message: String, fields parsed: FieldSplitter.Fields? = nil) {
        var identifier = ""
        if let parsed, let position = fields.firstIndex(of: identifierField),
           let column = selection[position], column < parsed.count {
            identifier = String(decoding: parsed.bytes[parsed.range(column)], as: UTF8.self).trimmingSpaces()
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: record.bytes.prefix(limits.maxRawBytes)), as: UTF8.self)
        rejections.append(Rejection(
            source: source, line: record.line, rule: .rowMalformed, message: message,
            employeeID: identifier, record: nil, raw: raw))
    }

    private static func message(for flaw: RecordFlaw, limits: CSVLimits) -> String {
        switch flaw {
        case .strayQuote:
            "bad quoting: a '\"' inside an unquoted field or right after a closing quote; quote the whole field and double any quote inside it"
        case .nulByte:
            "the row contains a NUL byte; the export is corrupt or in another encoding (try --encoding)"
        case .fieldTooLong:
            "a field is longer than \(limits.maxFieldBytes) bytes"
        case .recordTooLong:
            "the row is longer than \(limits.maxRecordBytes) bytes"
        }
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (HR exports pad ids and headers).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
