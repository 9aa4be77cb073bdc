public import OrgLensModel

/// Reads one CSV export into a `RawTable`: the columns a stage asked for, every record's line,
/// and a rejection for every row that cannot be split into the header's fields.
///
/// Streams the file in blocks; libcsv (strict mode) splits each record, see `FieldSplitter`.
public struct CSVReader: Sendable {
    /// Path to open.
    public let path: String
    /// Path as the user wrote it, for messages and the quarantine.
    public let displayPath: String
    public let dialect: CSVDialect
    public let limits: CSVLimits

    public init(path: String, displayPath: String? = nil, dialect: CSVDialect = CSVDialect(), limits: CSVLimits = CSVLimits()) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.dialect = dialect
        self.limits = limits
    }

    /// Reads the file. `select` receives the header's column names and returns, for each of `fields`,
    /// the header column that holds it (nil if none); it throws to stop the run (a missing required column).
    /// `identifierField` names the field copied into rejections so operators can find the row.
    public func read(
        fields: [String],
        identifierField: String,
        select: ([String]) throws(RunError) -> [Int?]
    ) throws(RunError) -> RawTable {
        var stream = try RecordStream(path: path, dialect: dialect, limits: limits)
        var assembler = RecordAssembler(
            source: displayPath, fields: fields, identifierField: identifierField, limits: limits)
        let source = displayPath
        try stream.forEachRecord { record throws(RunError) in
            if record.endsInsideQuotes {
                throw RunError(.badData, "\(source):\(record.line): a quoted field opened on line \(record.line) is never closed; the file ends inside it. Fix the stray '\"' in that row (or re-export) and run again.")
            }
            try assembler.add(record, select: select)
        }
        return try assembler.finish(file: stream.fileInfo(displayPath: source))
    }

    /// The original text of the records that start on `lines`, for quarantine rows that later stages
    /// rejected. Re-reads the file rather than keeping every row's text in memory for the rare rejection.
    public func rawRecords(startingOnLines lines: Set<Int>) throws(RunError) -> [Int: String] {
        guard !lines.isEmpty else { return [:] }
        var stream = try RecordStream(path: path, dialect: dialect, limits: limits)
        var found: [Int: String] = [:]
        let cap = limits.maxRawBytes
        try stream.forEachRecord { record throws(RunError) in
            if lines.contains(record.line) {
                found[record.line] = String(decoding: UnsafeBufferPointer(rebasing: record.bytes.prefix(cap)), as: UTF8.self)
            }
        }
        return found
    }
}
