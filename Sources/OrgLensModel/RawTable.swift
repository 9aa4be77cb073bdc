/// What a reader hands to staging: the selected columns of one source, as valid UTF-8 text,
/// with each record's line number and the rows it had to reject while reading.
///
/// Readers for every format (CSV, XML) produce this same shape, so staging and everything after it
/// cannot tell which format the org came from.
package struct RawTable: Sendable {
    /// The source's path as the user gave it; quarantine rows name it.
    package let source: String
    /// The canonical field each column holds, in the order the reader was asked for.
    package let fields: [String]
    /// `columns[i]` holds `fields[i]`, or is nil when the source has no such column.
    package var columns: [TextColumn?]
    /// Line (1-based) on which each record starts in the source.
    package var lines: [Int] = []
    /// Rows the reader could not turn into records (bad quoting, wrong field count, bad encoding).
    package var rejections: [Rejection] = []
    /// Rows rejected past the number kept whole (only counted), per rule.
    package var rejectionsNotKept: [Rule: Int] = [:]
    /// Every data row seen, accepted or rejected: the denominator of the data-quality counts.
    package var rowsRead: Int = 0
    package var file: SourceFileInfo

    package init(source: String, fields: [String], columns: [TextColumn?], file: SourceFileInfo) {
        self.source = source
        self.fields = fields
        self.columns = columns
        self.file = file
    }

    package var recordCount: Int { lines.count }

    package func column(_ field: String) -> TextColumn? {
        guard let index = fields.firstIndex(of: field) else { return nil }
        return columns[index]
    }
}

/// Identity of an input file for the manifest: what was read, so a run can be traced to its inputs.
package struct SourceFileInfo: Sendable, Hashable {
    package let path: String
    package let bytes: Int
    package let sha256: String

    package init(path: String, bytes: Int, sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}
