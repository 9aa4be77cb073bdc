import OrgLensModel

/// How a CSV export is written: the delimiter (nil = detect from the header line) and the text encoding.
package struct CSVDialect: Sendable, Hashable {
    package var delimiter: UInt8?
    package var encoding: TextEncoding

    package init(delimiter: UInt8? = nil, encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.encoding = encoding
    }

    /// The delimiters tried when none is given, in tie-breaking order.
    static let candidateDelimiters: [UInt8] = [
        UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
    ]
}

/// Text encodings HRIS exports come in. A UTF-16 byte-order mark is honoured whatever is chosen,
/// because such a file cannot be anything else.
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16 = "utf-16"
    /// UTF-8 when the whole file is valid UTF-8, else windows-1252; a byte-order mark decides.
    case auto

    /// Accepts the spellings users type (`UTF8`, `cp1252`, `utf-16le`, …).
    package init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "auto": self = .auto
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "utf16", "utf16le", "utf16be", "ucs2": self = .utf16
        default: return nil
        }
    }
}

/// Bounds that keep one hostile row from exhausting memory.
package struct CSVLimits: Sendable, Hashable {
    /// A longer field makes its row malformed.
    package var maxFieldBytes: Int
    /// A longer record (all fields together) makes its row malformed; bounds what one row may buffer.
    package var maxRecordBytes: Int
    /// How much of a rejected row's text the quarantine keeps.
    package var maxRawBytes: Int
    /// Rejected rows kept whole (for quarantine.csv); beyond them rows are only counted, so a file of
    /// nothing but malformed rows is read in bounded memory.
    package var maxKeptRejections = 1_000_000
    /// The most text one column may hold; a source past it is refused (exit 65).
    package var maxColumnBytes = TextColumn.maxBytes

    package init(maxFieldBytes: Int = 1 << 20, maxRecordBytes: Int = 64 << 20, maxRawBytes: Int = 64 << 10) {
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
        self.maxRawBytes = maxRawBytes
    }
}
