import OrgLensInput
package import OrgLensModel

/// Reads one CSV export into a `RawTable`: the columns a stage asked for, every record's line,
/// and a rejection for every row that cannot be split into the header's fields.
///
/// Streams the file in blocks; libcsv (strict mode) splits each record, see `FieldSplitter`. With more
/// than one worker, a large UTF-8 file is cut into byte ranges parsed in parallel (`ParallelParse`).
package struct CSVReader: Sendable {
    /// Path to open.
    package let path: String
    /// Path as the user wrote it, for messages and the quarantine.
    package let displayPath: String
    package private(set) var dialect: CSVDialect
    package let limits: CSVLimits
    /// Files smaller than this are parsed on one thread: splitting costs more than it saves.
    package var parallelThreshold = 8 << 20

    package init(
        path: String, displayPath: String? = nil, dialect: CSVDialect = CSVDialect(), limits: CSVLimits = CSVLimits()
    ) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.dialect = dialect
        self.limits = limits
    }

    /// This reader with `encoding: auto` decided from the whole file (one extra pass over it); also refuses a
    /// spreadsheet. `read` decides without the extra pass.
    package func resolvingEncoding() throws(RunError) -> CSVReader {
        guard dialect.encoding == .auto else { return self }
        var resolved = self
        resolved.dialect.encoding = try EncodingSniffer.decide(path: path, source: displayPath)
        return resolved
    }

    /// Reads the file. `select` receives the header's column names and returns, for each of `fields`,
    /// the header column that holds it (nil if none); it throws to stop the run (a missing required column).
    /// `identifierField` names the field copied into rejections so operators can find the row.
    package func read(
        fields: [String],
        identifierField: String,
        workers: Int = 1,
        select: ([String]) throws(RunError) -> [Int?]
    ) throws(RunError) -> RawTable {
        guard dialect.encoding == .auto else {
            return try readDecided(fields: fields, identifierField: identifierField, workers: workers, select: select)
        }
        // `auto` without a pass of its own: the first block decides when it is not UTF-8 (the header must read
        // right); otherwise the file is read as UTF-8, and read again as windows-1252 if a row turns out not to be.
        var reader = self
        reader.dialect.encoding = try EncodingSniffer.decide(path: path, source: displayPath, firstBlockOnly: true)
        let table = try reader.readDecided(
            fields: fields, identifierField: identifierField, workers: workers, select: select)
        guard reader.dialect.encoding == .utf8,
            table.rejections.contains(where: { $0.template == .invalidUTF8 })
        else {
            return table
        }
        reader.dialect.encoding = .windows1252
        return try reader.readDecided(
            fields: fields, identifierField: identifierField, workers: workers, select: select)
    }

    private func readDecided(
        fields: [String],
        identifierField: String,
        workers: Int,
        select: ([String]) throws(RunError) -> [Int?]
    ) throws(RunError) -> RawTable {
        let header = try HeaderProbe.read(path: path, source: displayPath, dialect: dialect, limits: limits)
        let layout = HeaderLayout(
            source: displayPath, fields: fields, identifierField: identifierField,
            header: header.names, selection: try select(header.names))
        let body: (table: PartialTable, file: SourceFileInfo)
        if workers > 1, header.format.needsUTF8Validation, header.fileSize - header.bodyStart >= parallelThreshold {
            body = try ParallelParse(path: path, layout: layout, header: header, limits: limits, workers: workers).run()
        } else {
            body = try serialBody(layout: layout)
        }
        var columns: [TextColumn?] = zip(body.table.columns, layout.present).map { $1 ? $0 : nil }
        for alias in layout.aliases { columns[alias.field] = columns[alias.source] }
        var table = RawTable(source: displayPath, fields: fields, columns: columns, file: body.file)
        table.lines = body.table.lines
        table.rejections = body.table.rejections
        if body.table.rejectionsNotKept > 0 { table.rejectionsNotKept[.rowMalformed] = body.table.rejectionsNotKept }
        table.rowsRead = body.table.rowsRead
        return table
    }

    /// The header's column names (reads only the first block): for checking a mapping without a run.
    package func header() throws(RunError) -> [String] {
        if dialect.encoding == .auto { return try resolvingEncoding().header() }
        return try HeaderProbe.read(path: path, source: displayPath, dialect: dialect, limits: limits).names
    }

    /// The original text of the records that start on `lines`, for quarantine rows that later stages
    /// rejected. Re-reads the file rather than keeping every row's text in memory for the rare rejection.
    package func rawRecords(startingOnLines lines: Set<Int>) throws(RunError) -> [Int: String] {
        guard !lines.isEmpty else { return [:] }
        if dialect.encoding == .auto { return try resolvingEncoding().rawRecords(startingOnLines: lines) }
        var stream = try RecordStream(path: path, dialect: dialect, limits: limits)
        var found: [Int: String] = [:]
        let cap = limits.maxRawBytes
        try stream.forEachRecord { record throws(RunError) in
            if lines.contains(record.line) {
                found[record.line] = String(
                    decoding: UnsafeBufferPointer(rebasing: record.bytes.prefix(cap)), as: UTF8.self)
            }
            return true
        }
        return found
    }

    /// The whole file on this thread, hashing as it goes; the header record is skipped.
    private func serialBody(layout: HeaderLayout) throws(RunError) -> (table: PartialTable, file: SourceFileInfo) {
        var stream = try RecordStream(path: path, dialect: dialect, limits: limits)
        var assembler: RecordAssembler?
        let source = displayPath
        let limits = limits
        try stream.forEachRecord { record throws(RunError) in
            try Self.checkTerminated(record, source: source)
            if assembler == nil {
                // The first record is the header, already read by the probe.
                assembler = RecordAssembler(layout: layout, delimiter: record.format.delimiter, limits: limits)
            } else {
                assembler!.add(record)
                if let overflow = assembler!.overflow {
                    throw overflow.error(source: source, lineBase: 0, limit: limits.maxColumnBytes)
                }
            }
            return true
        }
        let table =
            assembler?.finish() ?? PartialTable(columns: Array(repeating: TextColumn(), count: layout.fields.count))
        return (table, stream.fileInfo(displayPath: displayPath))
    }

    static func checkTerminated(_ record: ScannedRecord, source: String) throws(RunError) {
        if record.endsInsideQuotes { try checkTerminated(line: record.line, source: source) }
    }

    /// The file ends inside a quoted field opened on `line`: libcsv's CSV_STRICT_FINI case, fatal.
    static func checkTerminated(line: Int, source: String) throws(RunError) {
        throw RunError(
            .badData,
            "\(source):\(line): a quoted field opened on line \(line) is never closed; the file ends inside it. Fix the stray '\"' in that row (or re-export) and run again."
        )
    }
}

/// The header line and what the file's first block says about the rest.
struct HeaderProbe {
    let names: [String]
    let format: StreamFormat
    /// File offset where the first data record starts.
    let bodyStart: Int
    /// Lines the header took (usually 1).
    let headerLines: Int
    let fileSize: Int

    static func read(
        path: String, source: String, dialect: CSVDialect, limits: CSVLimits
    ) throws(RunError) -> HeaderProbe {
        var stream = try RecordStream(path: path, dialect: dialect, limits: limits)
        stream.headerOnly = true
        stream.sourceName = source
        var names: [String]?
        var format: StreamFormat?
        let stop = try stream.forEachRecord { record throws(RunError) in
            try CSVReader.checkTerminated(record, source: source)
            let splitter = FieldSplitter(delimiter: record.format.delimiter)
            guard record.flaw == nil, case .fields = splitter.split(record.bytes) else {
                throw RunError(
                    .badData,
                    "\(source):\(record.line): the header line is not valid CSV (bad quoting or an over-long name); fix the export's first line."
                )
            }
            let fields = splitter.allFields
            names = (0..<fields.count).map { fields.trimmedString(at: $0) }
            format = record.format
            return false
        }
        guard let names, let format else {
            throw RunError(
                .badData,
                "\(source): the file is empty; expected a header line naming the columns (e.g. employee_id,manager_id,…)."
            )
        }
        return HeaderProbe(
            names: names, format: format, bodyStart: stop.offset + stream.skippedPrefix,
            headerLines: stop.linesConsumed, fileSize: stream.fileSize)
    }
}
